import type { Core } from '../context.js';

/**
 * A scheduled payment cancelled afterwards shows it on its schedule: `payment_status: "cancelled"` (the
 * ScheduleResult's `payment_status` enum is paid | failed | cancelled, reference §3.4). Runs inside the cancel's write.
 */
export function markScheduleCancelled(core: Core, merchant: string, payment: { imp_uid: string; merchant_uid: string }): void {
  const schedules = core.records.schedules;
  if (schedules.get(merchant, payment.merchant_uid)?.schedule.imp_uid !== payment.imp_uid) return;
  schedules.update(merchant, payment.merchant_uid, (draft) => {
    draft.schedule.payment_status = 'cancelled';
  });
}
