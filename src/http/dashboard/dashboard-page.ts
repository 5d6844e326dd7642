import { FAVICON } from '../favicon.js';
import { scriptJson } from '../html.js';
import { DASHBOARD_SCRIPT } from './dashboard-script.js';
import { DASHBOARD_STYLE } from './dashboard-style.js';

/** The views of the dashboard, in menu order: hash, menu label. */
export const DASHBOARD_VIEWS: [string, string][] = [
  ['merchants', '가맹점'],
  ['payments', '결제'],
  ['billing-keys', '빌링키'],
  ['schedules', '예약결제'],
  ['webhooks', '웹훅'],
  ['clock', '시계'],
  ['scripts', '시나리오·장애'],
  ['state', '초기화·내보내기'],
];

/**
 * The sandbox dashboard (`/sandbox`): a shell whose script reads and steers the sandbox through the control API
 * only, so it shows nothing a test could not read itself. `operationIds` feeds the fault form's suggestions.
 */
export function dashboardPage(operationIds: readonly string[]): string {
  const menu = DASHBOARD_VIEWS.map(([hash, label]) => `<a href="#${hash}" data-view="${hash}">${label}</a>`).join('');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>샌드박스 대시보드 · iamport-sandbox</title>
<link rel="icon" href="${FAVICON}"><style>${DASHBOARD_STYLE}</style></head>
<body><header><h1><a href="/">iamport-sandbox</a> 대시보드</h1>
<p class="clock" aria-live="off"><span id="clock-now">-</span> <span id="clock-state" class="badge"></span></p></header>
<nav aria-label="대시보드 메뉴">${menu}</nav>
<main><p id="notice" role="status" aria-live="polite"></p><section id="view" tabindex="-1"></section></main>
<script>var OPERATION_IDS = ${scriptJson(operationIds)};
${DASHBOARD_SCRIPT}</script></body></html>`;
}
