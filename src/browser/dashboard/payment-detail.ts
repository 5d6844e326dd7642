import { element } from '../element.js';
import { labelOf, PAY_METHOD_LABELS } from '../korean-labels.js';
import { api, type ControlPayment, type Delivery } from './control-api.js';
import { clear, details, field, h, link, panel, stay, table, value, type Cell } from './dom.js';
import { kst, won } from './format.js';
import { act } from './session.js';
import { deliveryPanel, paymentBadge } from './tables.js';
import type { Refill } from './view.js';

// One payment: what it is, cancel (part or all) and deposit, its cancel history and the webhooks it sent.

function facts(p: ControlPayment): [string, Cell][] {
  const card = p.card_name ? `${p.card_name} ${p.card_number || ''}${p.card_quota ? ` (${p.card_quota}개월)` : ''}` : undefined;
  const vbank = p.vbank_num ? `${p.vbank_name} ${p.vbank_num} (예금주 ${p.vbank_holder}, 기한 ${kst(p.vbank_date)})` : undefined;
  return [
    ['상태', paymentBadge(p)], ['가맹점', p.merchant], ['merchant_uid', p.merchant_uid], ['상품명', p.name],
    ['결제수단', labelOf(PAY_METHOD_LABELS, p.pay_method)], ['금액', won(p.amount)], ['취소된 금액', won(p.cancel_amount)],
    ['PG', `${p.pg_provider}.${p.pg_id}`], ['채널', p.channel],
    ['customer_uid', p.customer_uid ? link(`billing-keys/${encodeURIComponent(p.customer_uid)}`, p.customer_uid) : null],
    ['카드', card], ['은행', p.bank_name || undefined], ['가상계좌', vbank],
    ['승인번호', p.apply_num], ['거래번호', p.pg_tid], ['시작', kst(p.started_at)], ['결제', kst(p.paid_at)], ['실패', kst(p.failed_at)],
    ['실패 사유', p.fail_reason || undefined],
    ['영수증', p.receipt_url ? h('a', { href: p.receipt_url, target: '_blank', rel: 'noopener', text: '영수증 보기' }) : null],
  ];
}

function cancelForm(impUid: string, rest: number): HTMLFormElement {
  const cancel = () => {
    const webhook = element<HTMLInputElement>('cancel-webhook');
    const body: Record<string, unknown> = { reason: value('cancel-reason') || undefined, enable_webhook: webhook.checked };
    if (value('cancel-amount')) body.amount = Number(value('cancel-amount'));
    // A refund cannot be undone: asked first, as a reset is.
    if (!window.confirm(`${impUid} 결제를 ${won(Number(body.amount ?? rest))} 취소할까요?`)) return undefined;
    return act(api<ControlPayment>('POST', `/sandbox/payments/${encodeURIComponent(impUid)}/cancel`, body), (r) => `${won(r.cancel_amount)} 취소되었습니다.`);
  };
  return h('form', { id: 'cancel-form', onsubmit: stay(cancel) }, [
    field(`취소 금액 (비우면 남은 ${won(rest)} 전액)`, h('input', { id: 'cancel-amount', type: 'number', min: '1', max: String(rest), inputmode: 'numeric' })),
    field('사유', h('input', { id: 'cancel-reason' })),
    h('label', {}, [h('span', { text: '웹훅 보내기' }), h('input', { id: 'cancel-webhook', type: 'checkbox' })]),
    h('button', { class: 'danger', type: 'submit', id: 'cancel-payment', text: '결제 취소' }),
  ]);
}

/** What can be done to the payment now: cancel what is left of it, deposit into its virtual account. */
function actions(p: ControlPayment): HTMLElement[] {
  const rest = p.amount - p.cancel_amount;
  const found: HTMLElement[] = [];
  if ((p.status === 'paid' || p.status === 'cancelled') && rest > 0) found.push(cancelForm(p.imp_uid, rest));
  if (p.pay_method === 'vbank' && p.status === 'ready') {
    const deposit = () => act(api('POST', `/sandbox/vbanks/${encodeURIComponent(p.imp_uid)}/deposit`), '입금되었습니다.');
    found.push(h('button', { class: 'primary', type: 'button', id: 'deposit', text: '입금 처리', onclick: deposit }));
  }
  return found;
}

function show(box: HTMLElement, p: ControlPayment, deliveries: Delivery[]): void {
  box.appendChild(panel(null, [details(facts(p))]));
  const possible = actions(p);
  if (possible.length) box.appendChild(panel('작업', possible));
  const history = p.cancel_history.map((c) => [kst(c.cancelled_at), won(c.amount), c.reason, c.cancellation_id]);
  box.appendChild(panel('취소 내역', [table(['시각', '금액', '사유', 'cancellation_id'], history, '취소 내역이 없습니다.')]));
  const sent = deliveries.filter((d) => d.body.imp_uid === p.imp_uid);
  const hooks = panel('이 결제의 웹훅', sent.length ? [] : [h('p', { class: 'empty', text: '보낸 웹훅이 없습니다.' })]);
  for (const d of sent) hooks.appendChild(deliveryPanel(d));
  box.appendChild(hooks);
}

export function paymentDetail(view: HTMLElement, impUid: string): Refill {
  const box = h('div');
  view.append(h('p', {}, [link('payments', '← 결제 목록')]), h('h2', { text: `결제 ${impUid}` }), box);
  return async () => {
    const [payments, deliveries] = await Promise.all([api<ControlPayment[]>('GET', '/sandbox/payments'), api<Delivery[]>('GET', '/sandbox/webhooks')]);
    const p = payments.find((x) => x.imp_uid === impUid);
    clear(box);
    if (p) show(box, p, deliveries);
    else box.appendChild(h('p', { class: 'empty', text: '이 결제는 없습니다 (초기화되었을 수 있습니다).' }));
  };
}
