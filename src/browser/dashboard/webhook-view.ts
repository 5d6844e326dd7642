import { WEBHOOK_STATE_LABELS } from '../korean-labels.js';
import { api, type Delivery } from './control-api.js';
import { clear, field, h, stay, value } from './dom.js';
import { badge, kst } from './format.js';
import { refresh } from './session.js';
import { attemptOutcome, deliveryBody } from './tables.js';
import type { Refill } from './view.js';

// Webhook deliveries as a compact list, one row each (time, merchant, imp_uid, what came back), narrowed by text
// and outcome; a row opens to the request, its attempts and the resend button.

function filters(): HTMLFormElement {
  const states = Object.entries(WEBHOOK_STATE_LABELS).map(([state, text]) => h('option', { value: state, text }));
  const form = h('form', { id: 'webhook-filters', role: 'search', onsubmit: stay(refresh) }, [
    field('imp_uid 또는 merchant_uid', h('input', { id: 'w-text', type: 'search' })),
    field('결과', h('select', { id: 'w-state' }, [h('option', { value: '', text: '전체' }), ...states])),
    h('button', { type: 'submit', text: '찾기' }),
  ]);
  form.addEventListener('change', () => void refresh());
  return form;
}

const matches = (d: Delivery, text: string, state: string) =>
  (!state || d.state === state) && (!text || d.body.imp_uid.includes(text) || d.body.merchant_uid.includes(text));

/** One delivery: its row is the summary; `open` keeps the rows a reader opened open across refreshes. */
function row(d: Delivery, open: Set<string>): HTMLElement {
  const last = d.attempts[d.attempts.length - 1];
  const summary = h('summary', {}, [
    h('span', { text: kst(last ? last.at : d.next_attempt_at) }), ' · ', d.merchant, ' · ', h('code', { text: d.body.imp_uid }),
    ` · ${d.body.status} · `, attemptOutcome(last), ' ', badge(d.state, WEBHOOK_STATE_LABELS),
  ]);
  const item = h('details', { class: 'panel delivery', 'data-delivery': d.id, open: open.has(d.id) }, [summary, ...deliveryBody(d)]);
  item.addEventListener('toggle', () => (item.open ? open.add(d.id) : open.delete(d.id)));
  return item;
}

export function webhooksView(view: HTMLElement): Refill {
  const box = h('div');
  const open = new Set<string>();
  view.append(h('h2', { text: '웹훅 전송' }), h('div', { class: 'panel' }, [filters()]), box);
  return async () => {
    const list = await api<Delivery[]>('GET', '/sandbox/webhooks');
    const shown = list.filter((d) => matches(d, value('w-text'), value('w-state'))).reverse();
    clear(box);
    if (shown.length === 0) box.appendChild(h('p', { class: 'empty', text: list.length ? '조건에 맞는 웹훅이 없습니다.' : '보낸 웹훅이 없습니다.' }));
    for (const d of shown) box.appendChild(row(d, open));
  };
}
