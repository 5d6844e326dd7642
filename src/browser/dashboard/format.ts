import { labelOf } from '../korean-labels.js';
import { h } from './dom.js';

/** UNIX seconds as Korean time; `-` for none. */
export function kst(seconds: number | null | undefined): string {
  if (!seconds) return '-';
  return new Date(seconds * 1000).toLocaleString('ko-KR', {
    timeZone: 'Asia/Seoul',
    hour12: false,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
}

export const won = (n: number) => `${Number(n).toLocaleString('ko-KR')}원`;

/** A state as a coloured badge (the stylesheet colours `s-{state}`), labelled from its table of korean-labels.ts. */
export const badge = (status: string, labels: Readonly<Record<string, string>>) =>
  h('span', { class: `badge s-${status}`, text: labelOf(labels, status) });

const KST_OFFSET_S = 9 * 3600;

/** UNIX seconds as a datetime-local input's value in Korean time (`2026-12-07T20:30`). */
export const kstInputValue = (seconds: number) => new Date((seconds + KST_OFFSET_S) * 1000).toISOString().slice(0, 16);

/** A datetime-local input's value read as Korean time, in UNIX seconds; NaN when it is not a time. */
export const fromKstInput = (text: string) => Math.floor(Date.parse(`${text.length === 16 ? `${text}:00` : text}+09:00`) / 1000);
