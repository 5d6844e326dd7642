import type { Core } from '../context.js';
import { merchantKey } from '../state/collections.js';

/**
 * A scheduled payment cancelled afterwards shows it on its schedule: `payment_status: "cancelled"` (the
 * ScheduleResult's `payment_status` enum is paid | failed | cancelled, reference §3.4). Runs inside the cancel's write.
 */
export function markScheduleCancelled(core: Core, merchant: string, payment: { imp_uid: string; merchant_uid: string }): void {
  const key = merchantKey(merchant, payment.merchant_uid);
  if (core.state.tables.schedules.get(key)?.schedule.imp_uid !== payment.imp_uid) return;
  core.state.tables.schedules.update(key, (draft) => {
    draft.schedule.payment_status = 'cancelled';
  });
}
