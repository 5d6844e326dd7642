import { api, type Fault, type Outcome } from './control-api.js';
import { clear, field, h, panel, stay, table, value } from './dom.js';
import { act, merchantSelect } from './session.js';
import type { Refill } from './view.js';

// Scripted outcomes of the next payments and faults injected into the vendor API.

const RESULTS: [string, string][] = [['decline', '거절'], ['approve', '승인'], ['unreachable', 'PG 통신장애']];
const FAULT_FIELDS: [string, string][] = [['latency_ms', 'f-latency'], ['error_rate', 'f-error-rate'], ['error_status', 'f-error-status'], ['drop_rate', 'f-drop-rate']];

function outcomeForm(): HTMLFormElement {
  const target = h('select', { id: 'o-target', 'aria-label': '대상 종류' }, [
    h('option', { value: 'customer_uid', text: 'customer_uid' }),
    h('option', { value: 'card', text: '카드번호(끝 4자리 가능)' }),
  ]);
  const result = h('select', { id: 'o-result' }, RESULTS.map(([r, text]) => h('option', { value: r, text })));
  const add = () => {
    const body: Record<string, unknown> = { result: result.value, times: Number(value('o-times') || 1) };
    body[target.value] = value('o-value');
    if (value('o-merchant')) body.merchant = value('o-merchant');
    if (result.value === 'decline' && value('o-reason')) body.reason = value('o-reason');
    return act(api('POST', '/sandbox/outcomes', body), '결과를 지정했습니다.');
  };
  return h('form', { id: 'outcome-form', onsubmit: stay(add) }, [
    field('가맹점', merchantSelect('o-merchant', '모든 가맹점')),
    field('대상', target),
    field('값', h('input', { id: 'o-value', required: true })),
    field('결과', result),
    field('거절 사유 코드', h('input', { id: 'o-reason', placeholder: 'limit_exceeded' })),
    field('횟수', h('input', { id: 'o-times', type: 'number', min: '1', value: '1', inputmode: 'numeric' })),
    h('button', { class: 'primary', type: 'submit', text: '추가' }),
  ]);
}

function faultForm(): HTMLFormElement {
  const set = () => {
    const body: Record<string, number> = {};
    for (const [name, id] of FAULT_FIELDS) if (value(id) !== '') body[name] = Number(value(id));
    return act(api('PUT', `/sandbox/faults/${encodeURIComponent(value('f-operation'))}`, body), '장애를 설정했습니다.');
  };
  return h('form', { id: 'fault-form', onsubmit: stay(set) }, [
    field('operationId 또는 *', h('input', { id: 'f-operation', list: 'operation-ids', required: true })),
    field('지연 (ms)', h('input', { id: 'f-latency', type: 'number', min: '0', inputmode: 'numeric' })),
    field('오류 비율 (0–1)', h('input', { id: 'f-error-rate', type: 'number', min: '0', max: '1', step: '0.05' })),
    field('오류 HTTP 상태', h('input', { id: 'f-error-status', type: 'number', min: '500', max: '599', placeholder: '500' })),
    field('연결 끊기 비율 (0–1)', h('input', { id: 'f-drop-rate', type: 'number', min: '0', max: '1', step: '0.05' })),
    h('button', { class: 'primary', type: 'submit', text: '설정' }),
  ]);
}

function showOutcomes(box: HTMLElement, list: Outcome[]): void {
  const rows = list.map((o) => [o.merchant || '전체', o.customer_uid || o.card, o.result, o.reason, String(o.remaining)]);
  clear(box).appendChild(table(['가맹점', '대상', '결과', '사유', '남은 횟수'], rows, '지정된 결과가 없습니다.'));
  if (list.length === 0) return;
  const clearAll = () => act(api('DELETE', '/sandbox/outcomes'), '지정한 결과를 지웠습니다.');
  box.appendChild(h('button', { id: 'outcomes-clear', class: 'danger', type: 'button', text: '모두 지우기', onclick: clearAll }));
}

function showFaults(box: HTMLElement, list: Fault[]): void {
  const remove = (f: Fault) => () => act(api('DELETE', `/sandbox/faults/${encodeURIComponent(f.operation)}`), '장애를 제거했습니다.');
  const rows = list.map((f) => [
    f.operation,
    `${f.latency_ms}ms`,
    String(f.error_rate),
    String(f.error_status),
    String(f.drop_rate),
    h('button', { type: 'button', class: 'danger', 'data-fault': f.operation, text: '제거', onclick: remove(f) }),
  ]);
  clear(box).appendChild(table(['operation', '지연', '오류 비율', '상태', '끊기 비율', ''], rows, '주입된 장애가 없습니다.'));
}

/** `operationIds`: the fault form's suggestions, the vendor operations a fault can target. */
export const scenarioView = (operationIds: readonly string[]) =>
  function scenarios(view: HTMLElement): Refill {
    const outcomes = h('div');
    const faults = h('div');
    const suggestions = h('datalist', { id: 'operation-ids' }, operationIds.map((o) => h('option', { value: o })));
    view.append(
      h('h2', { text: '시나리오 결과와 장애 주입' }),
      panel('다음 결제 결과 지정', [outcomeForm(), outcomes]),
      panel('장애 주입 (벤더 API)', [suggestions, faultForm(), faults]),
    );
    return async () => {
      const [scripted, injected] = await Promise.all([api<Outcome[]>('GET', '/sandbox/outcomes'), api<Fault[]>('GET', '/sandbox/faults')]);
      showOutcomes(outcomes, scripted);
      showFaults(faults, injected);
    };
  };
