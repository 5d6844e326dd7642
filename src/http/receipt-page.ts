import type { Payment } from '../contract/payment.js';
import { kstText } from '../core/time/kst.js';
import { escapeHtml, won } from './html.js';
import { labelOf, PAY_METHOD_LABELS, PAYMENT_STATUS_LABELS } from '../browser/korean-labels.js';
import { buyerPage } from './buyer-page.js';

/** What the payment was made with, in the words of a receipt. */
function instrument(p: Payment): [string, string][] {
  switch (p.pay_method) {
    case 'card':
      return [
        ['카드', `${p.card_name ?? '-'} ${p.card_number ?? ''}`.trim()],
        ['할부', p.card_quota ? `${p.card_quota}개월` : '일시불'],
        ['승인번호', p.apply_num || '-'],
      ];
    case 'trans':
      return [['출금 은행', p.bank_name ?? '-']];
    case 'vbank':
      return [
        ['입금 계좌', `${p.vbank_name ?? '-'} ${p.vbank_num ?? ''}`.trim()],
        ['예금주', p.vbank_holder ?? '-'],
        ['입금기한', kstText(p.vbank_date)],
      ];
    case 'phone':
      return [['휴대폰 번호', p.buyer_tel ?? '-']];
    default:
      return [];
  }
}

/** A plain receipt, so the `receipt_url` of a sandbox payment leads somewhere real. */
export function receiptPage(p: Payment): string {
  const method = labelOf(PAY_METHOD_LABELS, p.pay_method);
  const rows: [string, string][] = [
    ['상태', labelOf(PAYMENT_STATUS_LABELS, p.status)],
    ['결제수단', method],
    ['주문번호', p.merchant_uid],
    ['상품명', p.name ?? '-'],
    ['금액', won(p.amount)],
    ...(p.cancel_amount > 0 ? ([['취소금액', won(p.cancel_amount)]] as [string, string][]) : []),
    ...instrument(p),
    ['결제일시', kstText(p.paid_at)],
    ['거래번호', p.pg_tid ?? '-'],
  ];
  const table = rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('');
  return buyerPage(
    `영수증 ${p.imp_uid}`,
    `<h1>${escapeHtml(method)} 영수증<small>iamport-sandbox · ${escapeHtml(p.imp_uid)}</small></h1><table data-testid="receipt">${table}</table>
<p class="note">샌드박스 영수증입니다. 실제 결제는 일어나지 않았습니다.</p>`,
  );
}
