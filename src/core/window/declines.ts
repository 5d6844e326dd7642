import type { CardCatalogue } from '../cards/cards.js';
import { declineMessage } from '../cards/declines.js';

// What the checkout's "decline" offers, per pay method. A card is declined for the reasons of fixtures/cards.json,
// worded as the real API words card declines (reference §5.2). An account transfer, a virtual account and a phone
// payment fail for reasons of their own: no card issuer's code or wording. Their codes and texts are the
// sandbox's own (the vendor records none for Settle), in the card messages' shape: `{what failed} [{PG code}]{reason}`.

/**
 * The code the sandbox "sends" by text for a phone payment: always this one (no message goes out; the checkout
 * shows it). A code other than it is declined as the carrier does: `WRONG_CODE_REASON`.
 */
export const SANDBOX_OTP = '123456';
export const WRONG_CODE_REASON = 'wrong_otp';

/** A reason the checkout may decline with: `code` is what the decline call sends, `message` the rsp's error_msg. */
export interface WindowDecline {
  code: string;
  pg_code: string;
  text: string;
  message: string;
}

interface Reason {
  pg_code: string;
  text: string;
  /** The first half of the message: what failed. */
  failed: string;
}

const BANK_UNREACHABLE: Reason = { pg_code: 'ST97', text: '은행 통신장애', failed: '은행 요청에 실패하였습니다.' };

const REASONS: Record<'trans' | 'vbank' | 'phone', Record<string, Reason>> = {
  trans: {
    insufficient_balance: { pg_code: 'ST61', text: '잔액부족', failed: '계좌이체에 실패하였습니다.' },
    withdrawal_limit_exceeded: { pg_code: 'ST62', text: '출금한도초과', failed: '계좌이체에 실패하였습니다.' },
    suspended_account: { pg_code: 'ST63', text: '거래정지계좌', failed: '계좌이체에 실패하였습니다.' },
    bank_unreachable: BANK_UNREACHABLE,
  },
  vbank: {
    bank_maintenance: { pg_code: 'ST71', text: '은행 점검시간', failed: '가상계좌 발급에 실패하였습니다.' },
    bank_unreachable: BANK_UNREACHABLE,
  },
  phone: {
    monthly_limit_exceeded: { pg_code: 'ST81', text: '월 이용한도초과', failed: '휴대폰 결제에 실패하였습니다.' },
    blocked_phone: { pg_code: 'ST82', text: '휴대폰 결제 차단 회선', failed: '휴대폰 결제에 실패하였습니다.' },
    wrong_otp: { pg_code: 'ST83', text: '인증번호 불일치', failed: '휴대폰 인증에 실패하였습니다.' },
    carrier_unreachable: { pg_code: 'ST96', text: '통신사 통신장애', failed: '통신사 요청에 실패하였습니다.' },
  },
};

/** The reasons a window of this pay method may be declined with, in the order the checkout lists them. */
export function windowDeclines(cards: CardCatalogue, payMethod: string): WindowDecline[] {
  if (payMethod === 'card') {
    return cards.reasonCodes().map((code) => {
      const reason = cards.reason(code);
      return { code, pg_code: reason.pg_code, text: reason.text, message: declineMessage(reason) };
    });
  }
  const reasons = payMethod === 'trans' || payMethod === 'vbank' || payMethod === 'phone' ? REASONS[payMethod] : {};
  return Object.entries(reasons).map(([code, r]) => ({ code, pg_code: r.pg_code, text: r.text, message: `${r.failed} [${r.pg_code}]${r.text}` }));
}
