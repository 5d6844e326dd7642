import { readState } from './control-api.js';
import { clear, h, table } from './dom.js';
import { won } from './format.js';
import type { Refill } from './view.js';

// The amounts registered before payment (POST /payments/prepare): a payment of that merchant_uid must be of
// that amount.

export function preparedView(view: HTMLElement): Refill {
  const box = h('div');
  view.append(h('h2', { text: '사전 등록 금액' }), box);
  return async () => {
    const { prepared } = await readState();
    const rows = prepared.map((r) => [r.prepare.merchant_uid, won(r.prepare.amount), r.prepare.currency, r.merchant]);
    clear(box).appendChild(table(['merchant_uid', '금액', '통화', '가맹점'], rows, '사전 등록된 금액이 없습니다.'));
  };
}
