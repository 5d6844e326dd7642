import type { Core } from '../context.js';
import { errors } from '../errors.js';
import { toUnixSeconds } from '../time/clock.js';

/**
 * A schedule may only be set for a time still to come: the vendor's update and reschedule refuse a past time
 * ("예약시각이 현재 시각보다 과거인 경우", 400), and making a schedule follows the same rule rather than charging a
 * past time on the next tick. "Now" itself counts as past, as in those two operations.
 */
export function refusePastTime(core: Core, scheduleAt: number): void {
  if (scheduleAt <= toUnixSeconds(core.clock.now())) throw errors.schedulePast();
}
