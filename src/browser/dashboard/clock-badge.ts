import { element } from '../element.js';
import { CLOCK_STATE_LABELS, labelOf } from '../korean-labels.js';
import { api, type Clock } from './control-api.js';
import { kst } from './format.js';
import { session } from './session.js';

// The header's clock badge. The poll keeps it current, but a move made here (freeze, resume, set, advance) shows
// at once from the control API's answer rather than up to a poll period later. A poll that was sent before a
// move answers the clock of before it, so it is dropped.

let moves = 0;

/** How many moves this page has made: a poll notes it when sent, so its late answer can be told apart. */
export const clockMoves = () => moves;

/** Shows `clock` in the header, unless a move was made since `movesWhenAsked` (the clock then is newer). */
export function showClock(clock: Clock, movesWhenAsked = moves): void {
  if (movesWhenAsked !== moves) return;
  session.clock = clock;
  element('clock-now').textContent = `${kst(clock.now_unix)} KST`;
  const state = element('clock-state');
  state.textContent = labelOf(CLOCK_STATE_LABELS, clock.frozen ? 'frozen' : 'running');
  state.className = `badge${clock.frozen ? ' s-frozen' : ''}`;
}

/** POSTs a clock operation (`/sandbox/clock/freeze|resume|set|advance`) and shows the clock it answers. */
export async function moveClock(path: string, body?: unknown): Promise<Clock> {
  const clock = await api<Clock>('POST', path, body);
  moves++;
  showClock(clock);
  return clock;
}
