import Type from 'typebox';
import { RequestTime } from './common.js';

// Changes to one schedule after it was made (updateScheduleByMid, rescheduleByMid): the vendor's V1 OpenAPI
// takes only the new time, as `schedule_at` in the body.

export const ScheduleAtBodySchema = Type.Object({
  schedule_at: RequestTime('the new time of the charge, UNIX seconds; must be in the future'),
});
