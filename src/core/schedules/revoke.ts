import type { ScheduleResult } from '../../contract/schedule.js';
import type { ScheduleRecord } from '../../contract/records.js';
import type { Core } from '../context.js';
import { copy } from '../copy.js';
import { merchantKey } from '../state/collections.js';
import { toUnixSeconds } from '../time/clock.js';

/** Revokes one pending schedule (inside a write) and answers it as revoked. */
export function revoke(core: Core, record: ScheduleRecord): ScheduleResult {
  const revokedAt = toUnixSeconds(core.clock.now());
  const key = merchantKey(record.merchant, record.schedule.merchant_uid);
  return copy(
    core.state.tables.schedules.update(key, (draft) => {
      draft.schedule.schedule_status = 'revoked';
      draft.schedule.revoked_at = revokedAt;
    }).schedule,
  );
}

/**
 * Revokes the pending schedules of a billing key, as part of another change (deleting the key): a schedule
 * whose key is gone could only fail, and the vendor's documentation tells merchants to clear them first.
 */
export function revokeSchedulesOf(core: Core, merchant: string, customerUid: string): ScheduleResult[] {
  const pending = core.state.tables.schedules
    .lookup('customer_uid', merchantKey(merchant, customerUid))
    .filter((record) => record.schedule.schedule_status === 'scheduled');
  return pending.map((record) => revoke(core, record));
}
