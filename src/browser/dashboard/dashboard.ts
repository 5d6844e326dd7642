import { element } from '../element.js';
import { pageData, type DashboardPageData } from '../page-data.js';
import { billingKeyDetail } from './billing-key-detail.js';
import { clockMoves, showClock } from './clock-badge.js';
import { clockView } from './clock-view.js';
import { api, type Changes, type ControlMerchant } from './control-api.js';
import { clear } from './dom.js';
import { billingKeysView, merchantsView, paymentsView, schedulesView } from './list-views.js';
import { paymentDetail } from './payment-detail.js';
import { preparedView } from './prepared-view.js';
import { receiptsView } from './receipt-view.js';
import { scenarioView } from './scenario-view.js';
import { refresh, say, session, viewRoot } from './session.js';
import { stateView } from './state-view.js';
import { tokensView } from './token-view.js';
import { vbanksView } from './vbank-view.js';
import type { View } from './view.js';
import { webhooksView } from './webhook-view.js';

// The dashboard's script. Every value it shows comes from a `/sandbox/...` control operation and goes into the
// page as text (never as HTML). It polls `/sandbox/changes` and refreshes the open view when the change counter
// moves, so a request made by the merchant's server shows up without a reload.

const POLL_MS = 1500;
const { operation_ids: operationIds } = pageData<DashboardPageData>();

/** The views by hash; a view given an id (`#payments/imp_…`) shows that one record. */
const views: Record<string, View> = {
  merchants: merchantsView,
  payments: (view, id) => (id ? paymentDetail(view, id) : paymentsView(view)),
  'billing-keys': (view, id) => (id ? billingKeyDetail(view, id) : billingKeysView(view)),
  schedules: schedulesView,
  vbanks: vbanksView,
  tokens: tokensView,
  prepared: preparedView,
  receipts: receiptsView,
  webhooks: webhooksView,
  clock: clockView,
  scripts: scenarioView(operationIds),
  state: stateView,
};

function route(): Promise<void> {
  const hash = location.hash.replace(/^#/, '');
  const slash = hash.indexOf('/');
  let name = slash === -1 ? hash : hash.slice(0, slash);
  let id = slash === -1 ? '' : decodeURIComponent(hash.slice(slash + 1));
  if (!Object.hasOwn(views, name)) [name, id] = ['payments', ''];
  for (const a of document.querySelectorAll('nav a')) {
    if (a.getAttribute('data-view') === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const view = clear(viewRoot());
  say('');
  session.refreshView = (views[name] as View)(view, id);
  view.setAttribute('data-view', name);
  return refresh();
}

// Polls the cheap change counter; the open view reloads only when something changed.
async function poll(): Promise<void> {
  try {
    const moves = clockMoves();
    const c = await api<Changes>('GET', '/sandbox/changes');
    showClock(c.clock, moves);
    const changed = session.version !== null && c.version !== session.version;
    session.version = c.version;
    if (changed) await refresh();
  } catch {
    element('clock-state').textContent = '연결 끊김';
  }
}

window.addEventListener('hashchange', () => void route());
api<ControlMerchant[]>('GET', '/sandbox/merchants')
  .then((list) => {
    session.merchants = list;
  })
  .catch((error: Error) => say(error.message, true))
  .then(poll)
  .then(route)
  .then(() => setInterval(poll, POLL_MS));
