import { api, type ControlBillingKey, type ControlPayment, type Schedule } from './control-api.js';
import { clear, details, h, link, panel } from './dom.js';
import { kst } from './format.js';
import { act } from './session.js';
import { paymentTable, scheduleTable } from './tables.js';
import type { Refill } from './view.js';

/** Deletes the key as its merchant's DELETE /subscribe/customers/{customer_uid} would; its payments and schedules stay. */
function deleteButton(k: ControlBillingKey): HTMLElement {
  const remove = () => {
    if (!window.confirm(`빌링키 ${k.customer_uid}를 삭제할까요? 삭제된 빌링키는 복구할 수 없습니다.`)) return undefined;
    const path = `/sandbox/merchants/${encodeURIComponent(k.merchant)}/billing-keys/${encodeURIComponent(k.customer_uid)}`;
    return act(api('DELETE', path), `빌링키 ${k.customer_uid}를 삭제했습니다.`);
  };
  return h('button', { class: 'danger', type: 'button', id: 'delete-billing-key', text: '빌링키 삭제', onclick: remove });
}

function keyFacts(k: ControlBillingKey): HTMLElement {
  return panel(null, [
    details([
      ['가맹점', k.merchant], ['카드', k.card_name], ['카드번호', k.card_number], ['PG', `${k.pg_provider}.${k.pg_id}`],
      ['고객', k.customer_name], ['전화', k.customer_tel], ['이메일', k.customer_email], ['발급', kst(k.inserted)], ['변경', kst(k.updated)],
    ]),
    deleteButton(k),
  ]);
}

/** One billing key with the payments and schedules made with it. */
export function billingKeyDetail(view: HTMLElement, customerUid: string): Refill {
  const box = h('div');
  view.append(h('p', {}, [link('billing-keys', '← 빌링키 목록')]), h('h2', { text: `빌링키 ${customerUid}` }), box);
  return async () => {
    const [keys, payments, schedules] = await Promise.all([
      api<ControlBillingKey[]>('GET', '/sandbox/billing-keys'),
      api<ControlPayment[]>('GET', '/sandbox/payments'),
      api<Schedule[]>('GET', '/sandbox/schedules'),
    ]);
    const k = keys.find((x) => x.customer_uid === customerUid);
    clear(box);
    box.appendChild(k ? keyFacts(k) : h('p', { class: 'empty', text: '이 빌링키는 지금 없습니다 (삭제되었거나 초기화되었습니다).' }));
    const made = payments.filter((p) => p.customer_uid === customerUid).reverse();
    box.appendChild(panel('결제', [paymentTable(made, '이 빌링키의 결제가 없습니다.')]));
    box.appendChild(panel('예약결제', [scheduleTable(schedules.filter((s) => s.customer_uid === customerUid))]));
  };
}
