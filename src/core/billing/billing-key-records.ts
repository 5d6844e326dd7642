import type { BillingKeyRecord } from '../../contract/records.js';
import { merchantKey, type TableOf } from '../state/collections.js';

/** How the rules find and store billing keys: each within one merchant, known by its customer_uid. */
export class BillingKeyRecords {
  constructor(private readonly table: TableOf<'billing_keys'>) {}

  get(merchant: string, customerUid: string): BillingKeyRecord | undefined {
    return this.table.get(merchantKey(merchant, customerUid));
  }

  /** Every key of one merchant, or of all, in the order first stored. */
  ofMerchant(merchant?: string): BillingKeyRecord[] {
    return merchant === undefined ? [...this.table.values()] : this.table.lookup('merchant', merchant);
  }

  put(record: BillingKeyRecord): BillingKeyRecord {
    return this.table.put(record);
  }

  delete(merchant: string, customerUid: string): void {
    this.table.delete(merchantKey(merchant, customerUid));
  }
}
