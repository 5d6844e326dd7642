// Korean Standard Time (UTC+9, no daylight saving): the time zone of every date the vendor and Settle show.

const KST_OFFSET_MS = 9 * 60 * 60 * 1000;
const KST_OFFSET_S = KST_OFFSET_MS / 1000;
const DAY_S = 24 * 60 * 60;

/** The Korean wall-clock fields of an instant, read from a Date shifted by the offset (use the getUTC* methods). */
const kstDate = (ms: number) => new Date(ms + KST_OFFSET_MS);

let stampSecond = NaN;
let stampText = '';
/** YYYYMMDDhhmmss in Korean time, the shape PG transaction ids carry; the last second's text is kept (hot path). */
export function kstStamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== stampSecond) {
    stampText = kstDate(second * 1000).toISOString().replace(/[^0-9]/g, '').slice(0, 14);
    stampSecond = second;
  }
  return stampText;
}

/** `YYYY-MM-DD hh:mm:ss KST` of UNIX seconds, for pages; `-` for 0 (has not happened). */
export const kstText = (seconds: number) =>
  seconds ? `${kstDate(seconds * 1000).toISOString().replace('T', ' ').slice(0, 19)} KST` : '-';

/** The Korean month of an instant as the number YYYYMM (card expiry is compared with it). */
export function kstMonth(ms: number): number {
  const date = kstDate(ms);
  return date.getUTCFullYear() * 100 + date.getUTCMonth() + 1;
}

/** 23:59:59 Korean time of the day `seconds` falls on, as UNIX seconds. */
export const endOfKstDay = (seconds: number) => Math.floor((seconds + KST_OFFSET_S) / DAY_S) * DAY_S + DAY_S - 1 - KST_OFFSET_S;

/** 00:00:00 Korean time of the day `seconds` falls on, as UNIX seconds. */
export const startOfKstDay = (seconds: number) => endOfKstDay(seconds) + 1 - DAY_S;

/** The Korean wall-clock time given as fields, as UNIX seconds; null when the fields name no real time. */
export function fromKst(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number | null {
  if (hour > 23 || minute > 59 || second > 59) return null;
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.getTime() / 1000 - KST_OFFSET_S;
}

export const DAY_SECONDS = DAY_S;
