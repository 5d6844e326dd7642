import type { ScheduleResult } from '../../contract/schedule.js';
import type { ScheduleRecord } from '../../contract/records.js';
import type { Core } from '../context.js';
import { copy } from '../copy.js';
import { toUnixSeconds } from '../time/clock.js';

/** Revokes one pending schedule (inside a write) and answers it as revoked. */
export function revoke(core: Core, record: ScheduleRecord): ScheduleResult {
  const revokedAt = toUnixSeconds(core.clock.now());
  return copy(
    core.records.schedules.update(record.merchant, record.schedule.merchant_uid, (draft) => {
      draft.schedule.schedule_status = 'revoked';
      draft.schedule.revoked_at = revokedAt;
    }).schedule,
  );
}

