import { readState } from './control-api.js';
import { clear, h, link, table } from './dom.js';
import { kst, won } from './format.js';
import type { Refill } from './view.js';

// Cash receipts (현금영수증): of a payment, or external (a cash sale made outside the sandbox, known by its
// merchant_uid).

const TYPE_LABELS: Readonly<Record<string, string>> = { person: '소득공제', company: '지출증빙' };

export function receiptsView(view: HTMLElement): Refill {
  const box = h('div');
  view.append(h('h2', { text: '현금영수증' }), box);
  return async () => {
    const { cash_receipts: receipts } = await readState();
    const rows = receipts.map((r) => [
      r.imp_uid ? link(`payments/${encodeURIComponent(r.imp_uid)}`, r.imp_uid) : '외부 거래',
      r.merchant_uid,
      r.receipt.cancelled_at ? '발급취소' : '발급',
      TYPE_LABELS[r.receipt.type] ?? r.receipt.type,
      won(r.receipt.amount),
      won(r.receipt.vat),
      r.receipt.apply_num,
      kst(r.receipt.applied_at),
      kst(r.receipt.cancelled_at),
      r.merchant,
    ]);
    const headers = ['imp_uid', 'merchant_uid', '상태', '용도', '금액', '부가세', '승인번호', '발급', '취소', '가맹점'];
    clear(box).appendChild(table(headers, rows, '발급된 현금영수증이 없습니다.'));
  };
}
