import { labelOf, PAY_METHOD_LABELS, PAYMENT_BADGE_LABELS, PAYMENT_STATUS_LABELS, SCHEDULE_BADGE_LABELS, WEBHOOK_STATE_LABELS } from '../korean-labels.js';
import { moveClock } from './clock-badge.js';
import { api, type ControlPayment, type Delivery, type Schedule } from './control-api.js';
import { details, h, link, table } from './dom.js';
import { badge, kst, won } from './format.js';
import { act, session } from './session.js';

// The lists more than one view shows: payments, schedules, webhook deliveries.

/** A payment's status; a partly cancelled one has its own badge (the vendor calls it `cancelled`, as a full cancel). */
export function paymentBadge(p: ControlPayment): HTMLElement {
  const partial = p.cancel_amount > 0 && p.cancel_amount < p.amount;
  return badge(partial ? 'partial_cancelled' : p.status, PAYMENT_BADGE_LABELS);
}

/** The amount, with what was cancelled of it. */
const amountOf = (p: ControlPayment) => (p.cancel_amount > 0 ? `${won(p.amount)} (취소 ${won(p.cancel_amount)})` : won(p.amount));

export function paymentTable(list: ControlPayment[], empty: string): HTMLElement {
  // The columns a phone shows without scrolling come first.
  return table(
    ['imp_uid', '상태', '금액', 'merchant_uid', '수단', '시작', '가맹점'],
    list.map((p) => [
      link(`payments/${encodeURIComponent(p.imp_uid)}`, p.imp_uid),
      paymentBadge(p),
      amountOf(p),
      p.merchant_uid,
      labelOf(PAY_METHOD_LABELS, p.pay_method),
      kst(p.started_at),
      p.merchant,
    ]),
    empty,
  );
}

/** 「지금 실행」: moves the clock to the schedule's time (never back), which runs it. */
function runNow(s: Schedule): HTMLElement {
  const at = Math.max(s.schedule_at, session.clock ? session.clock.now_unix : 0);
  return h('button', {
    type: 'button',
    'data-run': s.merchant_uid,
    text: '지금 실행',
    onclick: () => act(moveClock('/sandbox/clock/set', { at }), `${s.merchant_uid} 예약 시각으로 시계를 옮겼습니다.`),
  });
}

/** An executed schedule whose charge failed is a failure, not a success: the vendor calls both `executed`. */
const scheduleBadge = (s: Schedule) =>
  badge(s.schedule_status === 'executed' && s.payment_status === 'failed' ? 'failed' : s.schedule_status, SCHEDULE_BADGE_LABELS);

export function scheduleTable(list: Schedule[]): HTMLElement {
  return table(
    ['예약 시각', 'merchant_uid', 'customer_uid', '금액', '상태', '결제', '실패 사유', ''],
    list.map((s) => [
      kst(s.schedule_at),
      s.merchant_uid,
      link(`billing-keys/${encodeURIComponent(s.customer_uid)}`, s.customer_uid),
      won(s.amount),
      scheduleBadge(s),
      s.imp_uid ? link(`payments/${encodeURIComponent(s.imp_uid)}`, labelOf(PAYMENT_STATUS_LABELS, s.payment_status ?? '')) : '-',
      s.fail_reason,
      s.schedule_status === 'scheduled' ? runNow(s) : '',
    ]),
    '예약결제가 없습니다.',
  );
}

const TRIGGER_LABELS: Readonly<Record<string, string>> = { event: '이벤트', retry: '재시도', resend: '재전송' };

function resendButton(d: Delivery): HTMLElement {
  return h('button', {
    type: 'button',
    'data-resend': d.id,
    text: '다시 보내기',
    onclick: () =>
      act(api<Delivery>('POST', `/sandbox/webhooks/${encodeURIComponent(d.id)}/resend`), (r) => {
        const last = r.attempts[r.attempts.length - 1];
        return `다시 보냈습니다: ${last && last.status !== null ? `HTTP ${last.status}` : (last && last.error) || '응답 없음'}`;
      }),
  });
}

/** What an attempt got back: the HTTP status, else why none came. */
export const attemptOutcome = (a: Delivery['attempts'][number] | undefined) =>
  !a ? '시도 전' : a.status === null ? a.error || '응답 없음' : String(a.status);

/** A delivery's settings, request body, attempts and its resend button. */
export function deliveryBody(d: Delivery): HTMLElement[] {
  const attempts = table(
    ['시각', '계기', '응답 상태', '오류'],
    d.attempts.map((a) => [kst(a.at), labelOf(TRIGGER_LABELS, a.trigger), a.status === null ? '응답 없음' : String(a.status), a.error]),
    '아직 시도하지 않았습니다.',
  );
  return [
    details([
      ['가맹점', d.merchant],
      ['URL', d.url],
      ['형식', d.content_type === 'form' ? 'form (x-www-form-urlencoded)' : 'JSON'],
      ['재시도 설정', d.retry ? '켜짐' : '꺼짐'],
      ['다음 시도', d.next_attempt_at ? kst(d.next_attempt_at) : undefined],
    ]),
    h('pre', { text: JSON.stringify(d.body, null, 2), 'aria-label': '요청 본문' }),
    attempts,
    resendButton(d),
  ];
}

export function deliveryPanel(d: Delivery): HTMLElement {
  return h('div', { class: 'panel delivery', 'data-delivery': d.id }, [
    h('h3', {}, [badge(d.state, WEBHOOK_STATE_LABELS), ' ', `${d.body.status} · `, link(`payments/${encodeURIComponent(d.body.imp_uid)}`, d.body.imp_uid)]),
    ...deliveryBody(d),
  ]);
}
