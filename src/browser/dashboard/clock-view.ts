import { CLOCK_STATE_LABELS } from '../korean-labels.js';
import { moveClock } from './clock-badge.js';
import { api, type Clock } from './control-api.js';
import { clear, details, field, h, panel, stay } from './dom.js';
import { badge, fromKstInput, kst, kstInputValue } from './format.js';
import { act, say, session } from './session.js';
import type { Refill } from './view.js';

const UNITS: [string, string][] = [['minutes', '분'], ['hours', '시간'], ['days', '일'], ['seconds', '초']];

function flowPanel(): HTMLElement {
  return panel('시간 흐름', [
    h('form', { onsubmit: stay(() => undefined) }, [
      h('button', { id: 'clock-freeze', type: 'button', text: '멈추기', onclick: () => act(moveClock('/sandbox/clock/freeze'), '시계를 멈췄습니다.') }),
      h('button', { id: 'clock-resume', type: 'button', text: '다시 흐르게', onclick: () => act(moveClock('/sandbox/clock/resume'), '시계가 다시 흐릅니다.') }),
    ]),
  ]);
}

function advancePanel(): HTMLElement {
  const amount = h('input', { id: 'advance-amount', type: 'number', min: '1', value: '1', inputmode: 'numeric', 'aria-label': '앞당길 양' });
  const unit = h('select', { id: 'advance-unit', 'aria-label': '단위' }, UNITS.map(([u, text]) => h('option', { value: u, text })));
  const advance = () =>
    act(moveClock('/sandbox/clock/advance', { [unit.value]: Number(amount.value) }), (c) => `시계를 ${kst(c.now_unix)}(으)로 옮겼습니다.`);
  return panel('시간 앞당기기', [
    h('form', { id: 'advance-form', onsubmit: stay(advance) }, [
      field('양', amount),
      field('단위', unit),
      h('button', { class: 'primary', type: 'submit', id: 'advance', text: '앞당기기' }),
    ]),
    h('p', { class: 'muted', text: '그 사이에 예정된 예약결제, 웹훅 재시도, 가상계좌 입금기한이 시각 순서대로 처리됩니다.' }),
  ]);
}

/** Sets the clock to a time typed in Korean time; forward runs what falls due on the way, as advancing does. */
function setPanel(): HTMLElement {
  const at = h('input', { id: 'clock-at', type: 'datetime-local', step: '1', value: session.clock ? kstInputValue(session.clock.now_unix) : '' });
  const set = () => {
    const seconds = fromKstInput(at.value);
    if (!Number.isFinite(seconds)) return say('시각을 입력하세요.', true);
    return act(api<Clock>('POST', '/sandbox/clock/set', { at: seconds }), (c) => `시계를 ${kst(c.now_unix)}(으)로 맞췄습니다.`);
  };
  return panel('시각 지정', [
    h('form', { id: 'clock-set-form', onsubmit: stay(set) }, [
      field('시각 (KST)', at),
      h('button', { class: 'primary', type: 'submit', id: 'clock-set', text: '이 시각으로' }),
    ]),
  ]);
}

/** The sandbox clock: what time it is, freeze and resume, advance by a chosen amount, set to a chosen time. */
export function clockView(view: HTMLElement): Refill {
  const box = h('div');
  view.append(h('h2', { text: '샌드박스 시계' }), box, flowPanel(), advancePanel(), setPanel());
  return async () => {
    const c = await api<Clock>('GET', '/sandbox/clock');
    const state = c.frozen ? 'frozen' : 'running';
    clear(box).appendChild(panel(null, [details([['현재 시각 (KST)', kst(c.now_unix)], ['UTC', c.iso], ['상태', badge(state, CLOCK_STATE_LABELS)]])]));
  };
}
