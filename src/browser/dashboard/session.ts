import { element } from '../element.js';
import type { Clock, ControlMerchant } from './control-api.js';
import { h } from './dom.js';

// What every view shares: the merchants (read once), the last clock the poll saw, the change counter, the open
// view's refill and the notice line.

export const session = {
  merchants: [] as ControlMerchant[],
  clock: null as Clock | null,
  version: null as number | null,
  /** The open view's refill; null until the first view opens. */
  refreshView: null as (() => Promise<void>) | null,
};

/** The element the open view renders into. */
export const viewRoot = () => element('view');

export function say(text: string, isError = false): void {
  const notice = element('notice');
  notice.textContent = text;
  notice.className = isError ? 'error' : '';
}

/** Refills the open view; its failure is announced. */
export async function refresh(): Promise<void> {
  if (!session.refreshView) return;
  try {
    await session.refreshView();
    viewRoot().setAttribute('data-version', String(session.version));
  } catch (error) {
    say((error as Error).message, true);
  }
}

/** An action: its outcome is announced, then the view shows the new state. */
export async function act<T>(promise: Promise<T>, done: string | ((result: T) => string)): Promise<void> {
  try {
    const result = await promise;
    say(typeof done === 'function' ? done(result) : done);
    await refresh();
  } catch (error) {
    say((error as Error).message, true);
  }
}

export function merchantSelect(id: string, allLabel: string): HTMLSelectElement {
  const options = session.merchants.map((m) => h('option', { value: m.code, text: `${m.name} (${m.code})` }));
  return h('select', { id }, [h('option', { value: '', text: allLabel }), ...options]);
}
