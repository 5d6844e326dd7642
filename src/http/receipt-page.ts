import type { Payment } from '../contract/payment.js';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const kst = (seconds: number) =>
  seconds ? new Date(seconds * 1000 + 9 * 3600 * 1000).toISOString().replace('T', ' ').slice(0, 19) + ' KST' : '-';

/** A plain receipt, so the `receipt_url` of a sandbox payment leads somewhere real. */
export function receiptPage(p: Payment): string {
  const rows: [string, string][] = [
    ['상태', p.status],
    ['주문번호', p.merchant_uid],
    ['상품명', p.name ?? '-'],
    ['금액', `${p.amount.toLocaleString('ko-KR')}원`],
    ['취소금액', `${p.cancel_amount.toLocaleString('ko-KR')}원`],
    ['카드', `${p.card_name ?? '-'} ${p.card_number ?? ''}`],
    ['승인번호', p.apply_num || '-'],
    ['승인일시', kst(p.paid_at)],
    ['거래번호', p.pg_tid ?? '-'],
  ];
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>영수증 ${escapeHtml(p.imp_uid)}</title></head>
<body><h1>카드 영수증 (sandbox)</h1><table>${rows
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('')}</table></body></html>`;
}
