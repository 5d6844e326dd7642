import type { Merchant } from '../core/merchants/merchants.js';
import { escapeHtml } from './html.js';
import { page } from './page-shell.js';
import { SCROLL_CUE } from './scroll-cue.js';

export interface LandingData {
  /** Where the browser reached the sandbox: the base URL a client should use instead of https://api.iamport.kr. */
  base: string;
  merchants: readonly Merchant[];
  /** Whether the control API (and so the dashboard) is mounted. */
  control: boolean;
  /**
   * Whether the page may print the imp_secrets: only when the sandbox is reached and bound on loopback. Anyone who
   * can reach it from elsewhere could read them, so there the page shows the keys and where the secrets are.
   */
  secrets: boolean;
}

// Keys, secrets and MIDs are copied, so never broken over lines: a row too wide scrolls in its box (the secret, in
// its own box on a phone), focusable so a keyboard scrolls it too. Only the shell commands, long on one line, wrap.
const LANDING_STYLE = `*{box-sizing:border-box}body{font-family:system-ui,"Apple SD Gothic Neo","Noto Sans KR",sans-serif;max-width:960px;margin:0 auto;padding:1rem;color:#1d2530;
line-height:1.55;word-break:keep-all;overflow-wrap:anywhere}h1{margin:.2rem 0}h2{font-size:1.1rem;margin-top:1.6rem}
code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.85rem}pre{background:#f0f1f4;padding:.7rem;border-radius:.4rem;white-space:pre-wrap;overflow-wrap:anywhere}
.base{font-size:1.05rem;background:#fff4e5;padding:.5rem .7rem;border-radius:.4rem;display:inline-block}
.table-wrap{overflow-x:auto;${SCROLL_CUE}}table{border-collapse:collapse;width:100%;font-size:.88rem}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e5ea}
td code{white-space:nowrap;overflow-wrap:normal}.hidden-secret{color:#667;font-size:.82rem}ul.links li{margin:.3rem 0}.note{color:#667;font-size:.88rem}
@media (max-width:640px){thead{display:none}table,tbody,tr,td{display:block}tr{border:1px solid #e3e5ea;border-radius:.4rem;margin-bottom:.6rem;padding:.3rem}
td{border:0;padding:.2rem .3rem}td::before{content:attr(data-label);display:block;font-size:.75rem;color:#667}
code.scroll{display:block;overflow-x:auto;padding-bottom:.2rem;${SCROLL_CUE}}}`;

/** Where an operator finds a secret the page does not print. */
const SECRET_ELSEWHERE = '서버 시작 배너 또는 가맹점 파일(--merchants)에서 확인하세요';

/** `GET /` for a browser: what this is, the base URL and the credentials the start-up banner prints, and where to go. */
export function landingPage({ base, merchants, control, secrets }: LandingData): string {
  const b = escapeHtml(base);
  const rows = merchants
    .map(
      (m) => `<tr><td data-label="가맹점">${escapeHtml(m.name)}</td><td data-label="식별코드"><code>${escapeHtml(m.code)}</code></td>
<td data-label="imp_key"><code>${escapeHtml(m.imp_key)}</code></td><td data-label="imp_secret">${secrets ? `<code class="scroll" tabindex="0">${escapeHtml(m.imp_secret)}</code>` : `<span class="hidden-secret">(숨김) ${SECRET_ELSEWHERE}</span>`}</td>
<td data-label="기본 MID"><code>settle.${escapeHtml(m.settle.default_mid)}</code></td></tr>`,
    )
    .join('');
  const first = merchants[0];
  const curl = first
    ? `curl -s -X POST ${base}/users/getToken -H 'Content-Type: application/json' \\\n  -d '{"imp_key":"${first.imp_key}","imp_secret":"${secrets ? first.imp_secret : '<imp_secret>'}"}'`
    : '';
  const links = [
    control ? `<li><a href="/sandbox">샌드박스 대시보드</a>: 결제, 빌링키, 예약결제, 웹훅, 시계, 시나리오</li>` : '',
    `<li><a href="/docs">API 문서</a> (OpenAPI, <a href="/docs/json">JSON</a>)</li>`,
    `<li><a href="/sandbox/example">예제 가맹점 페이지</a>: 결제창(IMP.request_pay)을 직접 해 보기</li>`,
  ].join('');
  return page(
    { title: 'iamport-sandbox', style: LANDING_STYLE },
    `<main><h1>iamport-sandbox</h1>
<p>PortOne(아임포트) V1 결제 API(<code>https://api.iamport.kr</code>)를 헥토파이낸셜(Settle) PG 기준으로 흉내 내는 로컬 샌드박스입니다. 실제 결제는 일어나지 않습니다.</p>
<h2>기본 URL</h2><p>서버 코드의 API 주소를 이 주소로 바꾸세요.</p><p class="base"><code data-testid="base-url">${b}</code></p>
<h2>바로 가기</h2><ul class="links">${links}</ul>
<h2>가맹점과 API 키</h2><div class="table-wrap"><table><thead><tr><th scope="col">가맹점</th><th scope="col">식별코드 (IMP.init)</th>
<th scope="col">imp_key</th><th scope="col">imp_secret</th><th scope="col">기본 MID</th></tr></thead><tbody>${rows}</tbody></table></div>
<p class="note">${
    secrets
      ? '시작할 때 출력되는 값과 같습니다. 샌드박스 전용 값이니 실제 키를 넣지 마세요.'
      : `이 주소는 이 컴퓨터 밖에서도 열릴 수 있어 imp_secret을 표시하지 않습니다. ${SECRET_ELSEWHERE}.`
  }</p>
<h2>토큰 받기</h2><pre>${escapeHtml(curl)}</pre>
<h2>결제창 SDK</h2><pre>${escapeHtml(`<script src="${base}/v1/iamport.js"></script>`)}</pre>
<p class="note">API 클라이언트(Accept: application/json)에게는 이 주소가 JSON 응답을 돌려줍니다.</p></main>`,
  );
}
