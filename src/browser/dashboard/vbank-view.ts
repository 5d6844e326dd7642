import { VBANK_STATE_LABELS } from '../korean-labels.js';
import { api, type ControlPayment } from './control-api.js';
import { clear, h, link, table } from './dom.js';
import { badge, kst, won } from './format.js';
import { act } from './session.js';
import type { Refill } from './view.js';

// The virtual accounts issued (through the window or POST /vbanks): where to deposit, until when, and whether
// the deposit came. An open one can be deposited into from here.

function depositButton(p: ControlPayment): HTMLElement {
  const deposit = () => act(api('POST', `/sandbox/vbanks/${encodeURIComponent(p.imp_uid)}/deposit`), `${p.imp_uid} 입금되었습니다.`);
  return h('button', { type: 'button', 'data-deposit': p.imp_uid, text: '입금 처리', onclick: deposit });
}

export function vbanksView(view: HTMLElement): Refill {
  const box = h('div');
  const note = '입금기한(vbank_date)이 지나도록 입금되지 않은 계좌는 시계가 그 시각을 지날 때 기한 만료가 됩니다.';
  view.append(h('h2', { text: '가상계좌' }), h('p', { class: 'muted', text: note }), box);
  return async () => {
    const list = (await api<ControlPayment[]>('GET', '/sandbox/payments')).filter((p) => p.pay_method === 'vbank' && p.vbank_num).reverse();
    const rows = list.map((p) => [
      link(`payments/${encodeURIComponent(p.imp_uid)}`, p.imp_uid),
      badge(p.status, VBANK_STATE_LABELS),
      kst(p.vbank_date),
      won(p.amount),
      `${p.vbank_name} ${p.vbank_num}`,
      p.vbank_holder,
      p.merchant_uid,
      p.merchant,
      p.status === 'ready' ? depositButton(p) : '',
    ]);
    const headers = ['imp_uid', '입금 상태', '입금기한 (KST)', '금액', '계좌', '예금주', 'merchant_uid', '가맹점', ''];
    clear(box).appendChild(table(headers, rows, '발급된 가상계좌가 없습니다.'));
  };
}
