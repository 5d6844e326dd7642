import type { ScheduleRecord } from '../../contract/records.js';
import { WAITING, merchantKey, type TableOf } from '../state/collections.js';

/** How the rules find and store schedules: each within one merchant, known by its merchant_uid. */
export class ScheduleRecords {
  constructor(private readonly table: TableOf<'schedules'>) {}

  get(merchant: string, merchantUid: string): ScheduleRecord | undefined {
    return this.table.get(merchantKey(merchant, merchantUid));
  }

  /** Every schedule of one merchant, or of all, in the order first stored. */
  ofMerchant(merchant?: string): ScheduleRecord[] {
    return merchant === undefined ? [...this.table.values()] : this.table.lookup('merchant', merchant);
  }

  ofCustomer(merchant: string, customerUid: string): ScheduleRecord[] {
    return this.table.lookup('customer_uid', merchantKey(merchant, customerUid));
  }

  /** The schedules still waiting for their time. */
  pending(): ScheduleRecord[] {
    return this.table.lookup('scheduled', WAITING);
  }

  put(record: ScheduleRecord): ScheduleRecord {
    return this.table.put(record);
  }

  /** Stores an edited copy of a schedule and answers it. */
  update(merchant: string, merchantUid: string, edit: (draft: ScheduleRecord) => void): ScheduleRecord {
    return this.table.update(merchantKey(merchant, merchantUid), edit);
  }
}
