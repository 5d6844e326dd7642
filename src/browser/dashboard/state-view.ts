import { api } from './control-api.js';
import { field, h, panel, stay, value } from './dom.js';
import { act, merchantSelect } from './session.js';
import type { Refill } from './view.js';

interface Snapshot {
  payments: unknown[];
  billing_keys: unknown[];
}

function reset(): Promise<void> | undefined {
  const merchant = value('reset-merchant');
  if (!window.confirm(merchant ? `${merchant} 가맹점의 데이터를 모두 지울까요?` : '모든 데이터를 지울까요?')) return undefined;
  return act(api('POST', '/sandbox/reset', merchant ? { merchant } : {}), '초기화했습니다.');
}

/** GET /sandbox/state, downloaded as a JSON file. */
async function download(): Promise<Snapshot> {
  const snapshot = await api<Snapshot>('GET', '/sandbox/state');
  const url = URL.createObjectURL(new Blob([JSON.stringify(snapshot, null, 2)], { type: 'application/json' }));
  const a = h('a', { href: url, download: 'iamport-sandbox-state.json' });
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return snapshot;
}

/** Reset (everything or one merchant) and export of the whole state. */
export function stateView(view: HTMLElement): Refill {
  const exported = (s: Snapshot) => `결제 ${s.payments.length}건, 빌링키 ${s.billing_keys.length}건을 내보냈습니다.`;
  view.append(
    h('h2', { text: '초기화와 내보내기' }),
    panel('초기화', [
      h('form', { id: 'reset-form', onsubmit: stay(reset) }, [
        field('대상', merchantSelect('reset-merchant', '전체 (장애 주입 포함)')),
        h('button', { class: 'danger', type: 'submit', id: 'reset', text: '초기화' }),
      ]),
    ]),
    panel('내보내기', [
      h('p', { class: 'muted', text: 'GET /sandbox/state 의 결과를 JSON 파일로 받습니다 (PUT /sandbox/state 와 --data 파일이 받는 형식).' }),
      h('button', { id: 'export', type: 'button', class: 'primary', text: 'JSON 내려받기', onclick: () => act(download(), exported) }),
    ]),
  );
  return async () => undefined;
}
