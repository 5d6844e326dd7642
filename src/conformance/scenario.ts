import { isObject, type ApiAnswer, type ApiRequest, type JsonObject } from './exchange.js';

// The Settle billing lifecycle, as a merchant with a key-in MID meets it: token, a first charge that issues the
// billing key, a charge of the key, lookups, cancels, a schedule, the key itself, and the refusals on the way.
// Every order id carries the run's id, so a run never collides with an earlier one on the same account.

interface Card {
  card_number: string;
  expiry: string;
  birth: string;
  pwd_2digit?: string;
}

export interface Settings {
  impKey: string;
  impSecret: string;
  /** The smallest amount charged; a partial cancel takes half of it. */
  amount: number;
  card: Card;
  /** A number the PG refuses as invalid (the sandbox's fixture 4000-0000-0000-0101 by default). */
  invalidCard: string;
  /** `{channel_key}` or `{pg}`, sent with every charge and billing-key request; empty for the default MID. */
  channel: JsonObject;
  runId: string;
}

/** What earlier steps left for later ones. */
export interface RunState {
  token?: string;
  /** The target's clock (getToken's `now`), which schedules are set from. */
  now: number;
  answers: Map<string, ApiAnswer>;
}

export interface Step {
  id: string;
  title: string;
  /** Refused steps are the refusals a merchant meets; the run notes any step whose outcome is the other one. */
  expect: 'success' | 'refusal';
  /** The most this step charges if the target accepts it, refusals included (so the plan's total is a bound). */
  charge: (s: Settings) => number;
  request: (s: Settings, state: RunState) => ApiRequest;
}


/** customer_save requires `channel_key` or `pg` (the current V1 document); without a flag, the Settle default. */
const channelNamed = (s: Settings): JsonObject => (Object.keys(s.channel).length > 0 ? s.channel : { pg: 'settle' });

const uid = (s: Settings, name: string) => `cf-${s.runId}-${name}`;
const customer = (s: Settings) => uid(s, 'customer');
const none = () => 0;
const amount = (s: Settings) => s.amount;

/** The imp_uid an earlier step's answer carried ('' if it carried none: the request then fails visibly). */
function impUidOf(state: RunState, step: string): string {
  const body = state.answers.get(step)?.body;
  const response = isObject(body) ? body['response'] : null;
  return isObject(response) && typeof response['imp_uid'] === 'string' ? response['imp_uid'] : '';
}

const post = (path: string, body: JsonObject): ApiRequest => ({ method: 'POST', path, body });
const get = (path: string): ApiRequest => ({ method: 'GET', path });
const cardOf = (s: Settings): JsonObject => ({ ...s.card });
const buyer = { buyer_name: '홍길동', buyer_tel: '010-1234-5678', buyer_email: 'buyer@example.com' };

const tokenSteps: Step[] = [
  { id: 'token', title: 'getToken', expect: 'success', charge: none, request: (s) => post('/users/getToken', { imp_key: s.impKey, imp_secret: s.impSecret }) },
  {
    id: 'token-wrong-secret',
    title: 'getToken with a wrong secret: no token',
    expect: 'refusal',
    charge: none,
    request: (s) => post('/users/getToken', { imp_key: s.impKey, imp_secret: `${s.impSecret}-wrong` }),
  },
];

const chargeSteps: Step[] = [
  {
    id: 'onetime-issue',
    title: 'onetime with customer_uid: charges and issues the billing key (birth: the dummy 123456)',
    expect: 'success',
    charge: amount,
    request: (s) => post('/subscribe/payments/onetime', { ...s.channel, customer_uid: customer(s), merchant_uid: uid(s, 'onetime'), amount: s.amount, name: 'conformance', ...cardOf(s), ...buyer }),
  },
  {
    id: 'again',
    title: 'again: charges the billing key',
    expect: 'success',
    charge: amount,
    request: (s) => post('/subscribe/payments/again', { ...s.channel, customer_uid: customer(s), merchant_uid: uid(s, 'again'), amount: s.amount, name: 'conformance' }),
  },
  { id: 'payment-by-imp-uid', title: 'GET /payments/{imp_uid}', expect: 'success', charge: none, request: (_s, st) => get(`/payments/${impUidOf(st, 'onetime-issue')}?include_sandbox=true`) },
  { id: 'payment-by-merchant-uid', title: 'GET /payments/find/{merchant_uid}', expect: 'success', charge: none, request: (s) => get(`/payments/find/${uid(s, 'onetime')}`) },
];

const cancelSteps: Step[] = [
  {
    id: 'cancel-partial',
    title: 'partial cancel of the first charge (half, with checksum)',
    expect: 'success',
    charge: none,
    request: (s, st) => post('/payments/cancel', { imp_uid: impUidOf(st, 'onetime-issue'), amount: Math.floor(s.amount / 2), checksum: s.amount, reason: 'conformance' }),
  },
  { id: 'cancel-full', title: 'full cancel of the rest', expect: 'success', charge: none, request: (_s, st) => post('/payments/cancel', { imp_uid: impUidOf(st, 'onetime-issue'), reason: 'conformance' }) },
  {
    id: 'cancel-over',
    title: 'cancel of more than the second charge: refused',
    expect: 'refusal',
    charge: none,
    request: (s, st) => post('/payments/cancel', { imp_uid: impUidOf(st, 'again'), amount: s.amount * 2, reason: 'conformance' }),
  },
];

const DAY = 86_400;

const scheduleSteps: Step[] = [
  {
    id: 'schedule',
    title: 'schedule a charge of the key a day ahead',
    expect: 'success',
    charge: amount,
    request: (s, st) => post('/subscribe/payments/schedule', { ...s.channel, customer_uid: customer(s), schedules: [{ merchant_uid: uid(s, 'scheduled'), schedule_at: st.now + DAY, amount: s.amount, name: 'conformance' }] }),
  },
  { id: 'schedule-list', title: "list the key's schedules", expect: 'success', charge: none, request: (s, st) => get(`/subscribe/payments/schedule/customers/${customer(s)}?from=${st.now}&to=${st.now + 2 * DAY}`) },
  { id: 'unschedule', title: 'unschedule it', expect: 'success', charge: none, request: (s) => post('/subscribe/payments/unschedule', { customer_uid: customer(s), merchant_uid: [uid(s, 'scheduled')] }) },
];

const refusalSteps: Step[] = [
  { id: 'billing-key-get', title: 'GET /subscribe/customers/{customer_uid}', expect: 'success', charge: none, request: (s) => get(`/subscribe/customers/${customer(s)}`) },
  {
    id: 'customer-save',
    title: 'POST /subscribe/customers/{customer_uid}: refused for Settle (no stand-alone billing key)',
    expect: 'refusal',
    charge: none,
    request: (s) => post(`/subscribe/customers/${uid(s, 'customer-save')}`, { ...channelNamed(s), ...cardOf(s) }),
  },
  {
    id: 'again-unknown-customer',
    title: 'again on an unknown customer_uid: refused',
    expect: 'refusal',
    charge: none,
    request: (s) => post('/subscribe/payments/again', { ...s.channel, customer_uid: uid(s, 'nobody'), merchant_uid: uid(s, 'again-unknown'), amount: s.amount, name: 'conformance' }),
  },
  {
    id: 'onetime-paid-merchant-uid',
    title: 'onetime with a merchant_uid already paid: refused',
    expect: 'refusal',
    charge: amount,
    request: (s) => post('/subscribe/payments/onetime', { ...s.channel, merchant_uid: uid(s, 'onetime'), amount: s.amount, name: 'conformance', ...cardOf(s) }),
  },
  {
    id: 'onetime-invalid-card',
    title: 'onetime with an invalid card number: refused',
    expect: 'refusal',
    charge: amount,
    request: (s) => post('/subscribe/payments/onetime', { ...s.channel, merchant_uid: uid(s, 'invalid-card'), amount: s.amount, name: 'conformance', ...cardOf(s), card_number: s.invalidCard }),
  },
  {
    id: 'onetime-without-buyer-tel',
    title: "onetime without buyer_tel: accepted (only Hecto's payment window requires it, reference §6.4)",
    expect: 'success',
    charge: amount,
    request: (s) => post('/subscribe/payments/onetime', { ...s.channel, merchant_uid: uid(s, 'no-buyer-tel'), amount: s.amount, name: 'conformance', ...cardOf(s) }),
  },
];

const billingKeySteps: Step[] = [
  { id: 'billing-key-delete', title: 'DELETE /subscribe/customers/{customer_uid}', expect: 'success', charge: none, request: (s) => ({ method: 'DELETE', path: `/subscribe/customers/${customer(s)}` }) },
  { id: 'billing-key-get-deleted', title: 'GET the deleted key: not found', expect: 'refusal', charge: none, request: (s) => get(`/subscribe/customers/${customer(s)}`) },
];

export const scenario: readonly Step[] = [...tokenSteps, ...chargeSteps, ...cancelSteps, ...scheduleSteps, ...refusalSteps, ...billingKeySteps];

/** The most the scenario can charge: every step that charges when accepted, as if each were. */
export const planTotal = (s: Settings): number => scenario.reduce((sum, step) => sum + step.charge(s), 0);
