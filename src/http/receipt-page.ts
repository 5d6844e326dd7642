import type { Payment } from '../contract/payment.js';

import { kstText } from '../core/time/kst.js';
import { escapeHtml, won } from './html.js';

/** A plain receipt, so the `receipt_url` of a sandbox payment leads somewhere real. */
export function receiptPage(p: Payment): string {
  const rows: [string, string][] = [
    ['상태', p.status],
    ['주문번호', p.merchant_uid],
    ['상품명', p.name ?? '-'],
    ['금액', won(p.amount)],
    ['취소금액', won(p.cancel_amount)],
    ['카드', `${p.card_name ?? '-'} ${p.card_number ?? ''}`],
    ['승인번호', p.apply_num || '-'],
    ['승인일시', kstText(p.paid_at)],
    ['거래번호', p.pg_tid ?? '-'],
  ];
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>영수증 ${escapeHtml(p.imp_uid)}</title></head>
<body><h1>카드 영수증 (sandbox)</h1><table>${rows
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('')}</table></body></html>`;
}
