import { errors } from '../errors.js';
import { DAY_SECONDS } from '../time/kst.js';

/**
 * The vendor's V1 OpenAPI lets both schedule listings cover "최대 3개월" (findSchedulesByRange,
 * findSchedulesByCustomer). Three months are taken as 92 days, the longest three consecutive months can be.
 */
const MAX_SCHEDULE_RANGE_SECONDS = 92 * DAY_SECONDS;

/** Refuses a listing whose `to` lies more than three months after its `from`, naming the `to` parameter. */
export function checkScheduleRange(from: number, to: number, toName: string): void {
  if (to - from > MAX_SCHEDULE_RANGE_SECONDS) {
    throw errors.invalidParameter(toName, '조회 기간은 최대 3개월(92일)입니다.');
  }
}
