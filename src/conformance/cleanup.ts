import { isObject, type ApiRequest, type Json } from './exchange.js';
import { send } from './http-client.js';
import type { Ledger } from './ledger.js';

// Undoes what a run left open: cancels every payment still charged, unschedules every schedule, deletes every
// billing key. A cancel that is refused is checked by looking the payment up (it may have been cancelled already,
// by the run or by Hecto's nightly cancel of test charges); what stays charged is named, never hidden.

export interface CleanupResult {
  cancelled: string[];
  /** imp_uid and why, for each payment still charged after the clean-up. */
  notCancelled: { impUid: string; reason: string }[];
  /** merchant_uids of schedules, customer_uids of billing keys, that could not be removed. */
  leftOver: string[];
}

async function code(base: string, request: ApiRequest): Promise<{ ok: boolean; text: string; response: Json }> {
  try {
    const answer = await send(base, request);
    const body = isObject(answer.body) ? answer.body : {};
    return { ok: answer.status === 200 && body['code'] === 0, text: `HTTP ${answer.status} ${String(body['message'] ?? '')}`.trim(), response: body['response'] ?? null };
  } catch (error) {
    return { ok: false, text: (error as Error).message, response: null };
  }
}

async function cancelOne(base: string, token: string, impUid: string): Promise<string | null> {
  const cancel = await code(base, { method: 'POST', path: '/payments/cancel', body: { imp_uid: impUid, reason: 'conformance clean-up' }, token });
  if (cancel.ok) return null;
  const lookup = await code(base, { method: 'GET', path: `/payments/${impUid}?include_sandbox=true`, token });
  const record = lookup.response;
  if (isObject(record) && typeof record['amount'] === 'number' && record['cancel_amount'] === record['amount']) return null;
  return cancel.text;
}

export async function cleanUp(base: string, token: string | undefined, ledger: Ledger): Promise<CleanupResult> {
  const result: CleanupResult = { cancelled: [], notCancelled: [], leftOver: [] };
  if (token === undefined) {
    for (const impUid of ledger.payments) result.notCancelled.push({ impUid, reason: 'no access token' });
    return result;
  }
  for (const [merchantUid, customerUid] of ledger.schedules) {
    const done = await code(base, { method: 'POST', path: '/subscribe/payments/unschedule', body: { customer_uid: customerUid, merchant_uid: [merchantUid] }, token });
    if (!done.ok) result.leftOver.push(`schedule ${merchantUid}: ${done.text}`);
  }
  for (const impUid of ledger.payments) {
    const problem = await cancelOne(base, token, impUid);
    if (problem === null) result.cancelled.push(impUid);
    else result.notCancelled.push({ impUid, reason: problem });
  }
  for (const customerUid of ledger.billingKeys) {
    const done = await code(base, { method: 'DELETE', path: `/subscribe/customers/${customerUid}`, token });
    if (!done.ok) result.leftOver.push(`billing key ${customerUid}: ${done.text}`);
  }
  return result;
}
