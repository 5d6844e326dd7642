import type { PaymentRecord } from '../src/contract/records.js';
import { blankPayment } from '../src/core/payments/blank-payment.js';
import { emptySnapshot, type Snapshot } from '../src/core/state/snapshot.js';

/**
 * A snapshot holding `count` paid payments of one merchant, in the core's own format, so a store of 100,000
 * payments is seeded by writing one file (or one `sandbox.import`) instead of 100,000 HTTP calls.
 * The records look like real ones (every field present, masked card, receipt link), so their size on disk
 * and in memory is what a real run would produce.
 */
export function seededSnapshot(count: number, merchant: string, mid: string): Snapshot {
  const payments: PaymentRecord[] = [];
  const paidAt = 1_772_334_000; // 2026-03-01 12:00 KST
  for (let i = 0; i < count; i++) {
    const impUid = `imps_9${String(i).padStart(11, '0')}`;
    payments.push({
      merchant,
      seq: i + 1,
      payment: blankPayment({
        imp_uid: impUid,
        merchant_uid: `seed_${i}`,
        amount: 1000 + (i % 50) * 100,
        status: 'paid',
        pg_id: mid,
        pg_tid: `${mid}20260301120000${String(i % 1e6).padStart(6, '0')}`,
        apply_num: String(10_000_000 + (i % 9e7)),
        name: '정기결제',
        buyer_name: '홍길동',
        buyer_email: 'buyer@example.com',
        buyer_tel: '010-1234-5678',
        card_code: '361',
        card_name: 'BC카드',
        card_number: '123412******1234',
        card_type: 0,
        started_at: paidAt + i,
        paid_at: paidAt + i,
        receipt_url: `http://127.0.0.1:8080/sandbox/receipts/${impUid}`,
      }),
    });
  }
  return { ...emptySnapshot(count), payments };
}
