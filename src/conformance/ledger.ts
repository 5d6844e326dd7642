import { isObject, type ApiAnswer, type ApiRequest, type Json } from './exchange.js';
import { operationOf } from './operations.js';

// What a run left open on the target, read off the answers it got: payments with money still charged, schedules
// still set, billing keys still stored. The clean-up works from this, so whatever the run did before it failed or
// was interrupted is undone, including charges a target made although it should have refused them.

export class Ledger {
  /** imp_uids of payments with money still charged. */
  readonly payments = new Set<string>();
  /** merchant_uid → customer_uid of each schedule still set. */
  readonly schedules = new Map<string, string>();
  readonly billingKeys = new Set<string>();

  observe(request: ApiRequest, answer: ApiAnswer): void {
    const body = answer.body;
    if (!isObject(body) || body['code'] !== 0) return;
    const operation = operationOf(request.method, request.path);
    const response = body['response'];
    if (operation === 'schedule' || operation === 'unschedule') {
      for (const item of Array.isArray(response) ? response : []) this.schedule(item);
      return;
    }
    if (!isObject(response)) return;
    if (operation === 'customer_delete') this.billingKeys.delete(String(response['customer_uid']));
    else if (operation === 'customer_save' || (operation === 'onetime' && response['status'] === 'paid' && typeof response['customer_uid'] === 'string')) {
      this.billingKeys.add(String(response['customer_uid']));
    }
    this.payment(response);
  }

  /** Open unless the answer shows it fully cancelled: an answer the ledger cannot read leaves a charge to cancel. */
  private payment(record: { [key: string]: Json }): void {
    const { imp_uid: impUid, amount, cancel_amount: cancelled, status } = record;
    if (typeof impUid !== 'string' || status === 'failed' || status === 'ready') return;
    if (status === 'cancelled' && typeof amount === 'number' && cancelled === amount) this.payments.delete(impUid);
    else this.payments.add(impUid);
  }

  private schedule(item: Json): void {
    if (!isObject(item) || typeof item['merchant_uid'] !== 'string') return;
    if (item['schedule_status'] === 'scheduled') this.schedules.set(item['merchant_uid'], String(item['customer_uid']));
    else this.schedules.delete(item['merchant_uid']);
  }
}
