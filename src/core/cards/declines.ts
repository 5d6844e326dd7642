import type { DeclineReason } from './cards.js';

/**
 * The message a decline is reported with, in the shapes recorded from the real API (reference §5.2):
 * approvals and card authentication carry the PG code in brackets; an invalid card number has its own text.
 */
export function declineMessage(reason: DeclineReason, issuingKey = false): string {
  const detail = `[${reason.pg_code}]${reason.text}`;
  if (issuingKey && reason.stage !== 'network') return `카드정보 인증 및 빌키 발급에 실패하였습니다. ${detail}`;
  switch (reason.stage) {
    case 'approval':
      return `결제승인에 실패하였습니다. ${detail}`;
    case 'auth':
      return `카드정보 인증에 실패하였습니다. ${detail}`;
    case 'card':
      return reason.text;
    case 'network':
      return `카드사 요청에 실패하였습니다. ${detail}`;
  }
}
