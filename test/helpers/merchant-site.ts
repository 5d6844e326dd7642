import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { merchantA } from './doors.js';

// A merchant's own page on another origin than the sandbox (127.0.0.2, still loopback), as a shop serves it: a
// form of its own, and a button that calls IMP.request_pay from the sandbox's /v1/iamport.js. The callback's rsp
// is kept as `window.rsp`.

const page = (sandbox: string) => `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>가맹점</title>
<script src="${sandbox}/v1/iamport.js"></script></head><body><main><h1>주문하기</h1>
<form id="m_form"><label for="m_name">받는 분</label><input id="m_name"><label for="m_memo">메모</label><input id="m_memo">
<button id="m_pay" type="button">결제하기</button></form></main>
<script>
document.getElementById('m_pay').onclick = () => {
  IMP.init(${JSON.stringify(merchantA.code)});
  IMP.request_pay({ pg: 'settle.nxca_jt_il', pay_method: 'card', merchant_uid: 'm_' + Date.now(), amount: 1000, buyer_tel: '010-1234-5678' },
    (rsp) => { window.rsp = rsp; });
};
</script></body></html>`;

/** Serves the merchant page for the sandbox at `sandbox`; answers its URL and how to stop it. */
export async function merchantSite(sandbox: string): Promise<{ url: string; close: () => Promise<void> }> {
  const html = page(sandbox);
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.2', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.2:${port}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
