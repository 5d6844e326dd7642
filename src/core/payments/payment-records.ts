import type { PaymentRecord } from '../../contract/records.js';
import { WAITING, merchantKey, type TableOf } from '../state/collections.js';
import { wasPaid } from './ledger.js';

/**
 * How the rules find and store payments. Lookups by an order or a customer are always within one merchant, so a
 * token never reaches another merchant's data; only an imp_uid (unique across merchants) finds a payment alone.
 */
export class PaymentRecords {
  constructor(private readonly table: TableOf<'payments'>) {}

  /** A payment by imp_uid, whichever merchant it belongs to (receipt links, the control API). */
  get(impUid: string): PaymentRecord | undefined {
    return this.table.get(impUid);
  }

  /** A merchant's payment by imp_uid. */
  of(merchant: string, impUid: string): PaymentRecord | undefined {
    const record = this.table.get(impUid);
    return record?.merchant === merchant ? record : undefined;
  }

  /** Every attempt under one merchant_uid, oldest first (a failed attempt may be followed by a retry). */
  attempts(merchant: string, merchantUid: string): PaymentRecord[] {
    return this.table.lookup('merchant_uid', merchantKey(merchant, merchantUid));
  }

  /**
   * A merchant_uid that was paid (even if cancelled since) is taken: no charge, schedule or window may pay it again.
   * A failed attempt leaves it free to retry.
   */
  isMerchantUidTaken(merchant: string, merchantUid: string): boolean {
    return this.attempts(merchant, merchantUid).some(wasPaid);
  }

  /** Every payment of one merchant, or of all, in the order first stored. */
  ofMerchant(merchant?: string): PaymentRecord[] {
    return merchant === undefined ? [...this.table.values()] : this.table.lookup('merchant', merchant);
  }

  /** The payments made with (or issuing) one billing key, oldest first. */
  ofCustomer(merchant: string, customerUid: string): PaymentRecord[] {
    return this.table.lookup('customer_uid', merchantKey(merchant, customerUid));
  }

  /** Virtual accounts still waiting for their deposit. */
  awaitingDeposit(): PaymentRecord[] {
    return this.table.lookup('awaiting_deposit', WAITING);
  }

  put(record: PaymentRecord): PaymentRecord {
    return this.table.put(record);
  }

  /** Stores an edited copy of a payment and answers it. */
  update(impUid: string, edit: (draft: PaymentRecord) => void): PaymentRecord {
    return this.table.update(impUid, edit);
  }
}
