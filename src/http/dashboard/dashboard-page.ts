import type { DashboardPageData } from '../../browser/page-data.js';
import { page } from '../page-shell.js';
import { DASHBOARD_STYLE } from './dashboard-style.js';

/** The views of the dashboard, in menu order: hash, menu label. */
const DASHBOARD_VIEWS: [string, string][] = [
  ['merchants', '가맹점'],
  ['payments', '결제'],
  ['billing-keys', '빌링키'],
  ['schedules', '예약결제'],
  ['vbanks', '가상계좌'],
  ['tokens', '토큰'],
  ['prepared', '사전 등록'],
  ['receipts', '현금영수증'],
  ['webhooks', '웹훅'],
  ['clock', '시계'],
  ['scripts', '시나리오·장애'],
  ['state', '초기화·내보내기'],
];

/**
 * The sandbox dashboard (`/sandbox`): a shell whose script (src/browser/dashboard) reads and steers the sandbox
 * through the control API only, so it shows nothing a test could not read itself. `operationIds` feeds the fault
 * form's suggestions.
 */
export function dashboardPage(operationIds: readonly string[]): string {
  const menu = DASHBOARD_VIEWS.map(([hash, label]) => `<a href="#${hash}" data-view="${hash}">${label}</a>`).join('');
  const data: DashboardPageData = { operation_ids: operationIds };
  return page(
    { title: '샌드박스 대시보드 · iamport-sandbox', style: DASHBOARD_STYLE, scripts: ['dashboard'], data },
    `<header><h1><a href="/">iamport-sandbox</a> 대시보드</h1>
<p class="clock" aria-live="off"><span id="clock-now">-</span> <span id="clock-state" class="badge"></span></p></header>
<nav aria-label="대시보드 메뉴">${menu}</nav>
<main><p id="notice" role="status" aria-live="polite"></p><section id="view" tabindex="-1"></section></main>`,
  );
}
