import t, { type Test } from 'tap';
import { buildApp } from '../../src/http/app.js';
import { BRAND_RED } from '../../src/http/brand.js';
import { escapeHtml } from '../../src/http/html.js';
import { createSandbox, defaultMerchants } from '../../src/index.js';

// GET / prints the merchants' imp_secrets only to a browser on this machine: reached by a loopback name and served
// from a loopback address. Reached by another name, or served on every interface, it shows the keys and says where
// the secrets are (the start-up banner, the merchants file).

const html = { accept: 'text/html' };

async function landing(t: Test, listenOn?: string) {
  const app = await buildApp({ sandbox: await createSandbox({ seed: 3 }) });
  t.teardown(() => app.close());
  if (listenOn) await app.listen({ host: listenOn, port: 0 });
  return async (host: string) => {
    const res = await app.inject({ method: 'GET', url: '/', headers: { ...html, host } });
    t.equal(res.statusCode, 200);
    return res.body;
  };
}

t.test('on loopback names the page shows every imp_secret, as the banner does', async (t) => {
  const page = await landing(t);
  for (const host of ['localhost:8080', '127.0.0.1:9', '[::1]:8080']) {
    const body = await page(host);
    for (const merchant of defaultMerchants) t.match(body, merchant.imp_secret, `${host}: ${merchant.code}`);
    t.notMatch(body, '(숨김)', host);
  }
});

t.test('reached by another name, the page shows the keys but no secret, and says where to find them', async (t) => {
  const page = await landing(t);
  for (const host of ['sandbox:8080', '192.168.0.10:8080', 'shop-proxy.example']) {
    const body = await page(host);
    for (const merchant of defaultMerchants) {
      t.match(body, merchant.imp_key, `${host}: the key of ${merchant.code}`);
      t.notMatch(body, merchant.imp_secret, `${host}: no secret of ${merchant.code}`);
    }
    t.match(body, '서버 시작 배너 또는 가맹점 파일(--merchants)', `${host}: where the secrets are`);
    t.match(body, escapeHtml('"imp_secret":"<imp_secret>"'), `${host}: the curl example leaves a placeholder`);
  }
});

t.test('served on every interface, the page hides the secrets even from a loopback name', async (t) => {
  const page = await landing(t, '0.0.0.0');
  const body = await page('localhost:8080');
  for (const merchant of defaultMerchants) t.notMatch(body, merchant.imp_secret, merchant.code);
  t.match(body, '(숨김)');
});

t.test('served on loopback, a loopback name still sees the secrets', async (t) => {
  const page = await landing(t, '127.0.0.1');
  t.match(await page('127.0.0.1'), defaultMerchants[0]!.imp_secret);
});

t.test("the page's icon is an inline SVG in the pages' own red, so it loads nothing", async (t) => {
  const body = await (await landing(t))('localhost:8080');
  const href = /<link rel="icon" href="([^"]+)">/.exec(body)?.[1] ?? '';
  t.match(href, /^data:image\/svg\+xml,/, 'a data URL');
  t.match(decodeURIComponent(href.slice(href.indexOf(',') + 1)), `fill='${BRAND_RED}'`, 'the brand red');
});
