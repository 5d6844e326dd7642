// The Korean a reader sees for the vendor's codes, one table for the server-rendered pages (checkout, receipt)
// and the browser modules (the dashboard). The vendor's own wording where it has one: pay methods as the Settle
// payment-window guide lists them (shared/seeds), payment and schedule statuses as the V1 API documents them.

export const PAY_METHOD_LABELS: Readonly<Record<string, string>> = {
  card: '신용카드',
  trans: '실시간 계좌이체',
  vbank: '가상계좌',
  phone: '휴대폰소액결제',
};

export const PAYMENT_STATUS_LABELS: Readonly<Record<string, string>> = {
  ready: '미결제',
  paid: '결제완료',
  cancelled: '결제취소',
  failed: '결제실패',
};

/** A scheduled payment's `schedule_status`; the vendor's `executed` (예약된 결제실행완료) in a badge's length. */
const SCHEDULE_STATUS_LABELS: Readonly<Record<string, string>> = {
  scheduled: '예약됨',
  executed: '실행됨',
  revoked: '예약철회',
};

// The sandbox's own states, which the vendor does not name: a webhook delivery's and the sandbox clock's.

export const WEBHOOK_STATE_LABELS: Readonly<Record<string, string>> = {
  pending: '전송 대기',
  delivered: '전송완료',
  failed: '전송실패',
};

/** The dashboard's badges, which tell apart what one vendor status covers: a payment partly cancelled, an executed schedule whose charge failed. */
export const PAYMENT_BADGE_LABELS: Readonly<Record<string, string>> = { ...PAYMENT_STATUS_LABELS, partial_cancelled: '부분취소' };
export const SCHEDULE_BADGE_LABELS: Readonly<Record<string, string>> = { ...SCHEDULE_STATUS_LABELS, failed: '실패' };

/** A virtual account's deposit, by its payment's status: an open one fails at its due date (vbank_date). */
export const VBANK_STATE_LABELS: Readonly<Record<string, string>> = { ready: '입금 대기', paid: '입금완료', failed: '기한 만료', cancelled: '취소' };

export const CLOCK_STATE_LABELS: Readonly<Record<string, string>> = {
  frozen: '멈춤',
  running: '흐르는 중',
};

/** A code's label from one table, or the code itself when the table has none. */
export const labelOf = (labels: Readonly<Record<string, string>>, code: string): string => labels[code] ?? code;
