import { PAYMENT_STATUS_LABELS } from '../korean-labels.js';
import { api, type ControlBillingKey, type ControlMerchant, type ControlPayment, type Schedule } from './control-api.js';
import { clear, details, field, h, link, panel, stay, table, value } from './dom.js';
import { kst } from './format.js';
import { merchantSelect, refresh } from './session.js';
import { paymentTable, scheduleTable } from './tables.js';
import type { Refill } from './view.js';
import { webhookForm } from './webhook-form.js';

// The views that list what the sandbox holds: merchants (and their webhook URL), payments, billing keys, schedules.

function merchantPanel(m: ControlMerchant): HTMLElement {
  const webhook = m.webhook && m.webhook.url ? `${m.webhook.url} (${m.webhook.content_type}${m.webhook.retry ? ', 재시도' : ''})` : '없음';
  return panel(`${m.name} · ${m.code}`, [
    details([
      ['기본 MID', `settle.${m.default_mid}`],
      ['빌링키 발급 계약', m.billing_key_api ? '있음' : '없음'],
      ['테스트 결제 자동취소', m.test_auto_cancel ? '매일 23:00 KST' : '없음'],
      ['웹훅 URL', webhook],
    ]),
    webhookForm(m),
    table(
      ['MID', '채널', '종류', '생년월일 필요', '비밀번호 앞 2자리 필요'],
      m.mids.map((mid) => [
        mid.mid,
        mid.sandbox ? '테스트' : '실연동',
        mid.kind === 'window' ? '결제창' : 'API(키인·빌링)',
        mid.requires_birth ? '예' : '아니오',
        mid.requires_pwd_2digit ? '예' : '아니오',
      ]),
    ),
  ]);
}

export function merchantsView(view: HTMLElement): Refill {
  const box = h('div');
  view.append(h('h2', { text: '가맹점과 MID' }), box);
  return async () => {
    // A change elsewhere (a charge by the merchant's server) must not wipe a webhook URL being typed.
    if (document.activeElement instanceof HTMLInputElement && box.contains(document.activeElement)) return;
    const list = await api<ControlMerchant[]>('GET', '/sandbox/merchants');
    clear(box);
    for (const m of list) box.appendChild(merchantPanel(m));
  };
}

function paymentFilters(): HTMLFormElement {
  const statuses = ['ready', 'paid', 'cancelled', 'failed'].map((s) => h('option', { value: s, text: PAYMENT_STATUS_LABELS[s] }));
  const filters = h('form', { id: 'payment-filters', role: 'search', onsubmit: stay(refresh) }, [
    field('가맹점', merchantSelect('f-merchant', '전체')),
    field('상태', h('select', { id: 'f-status' }, [h('option', { value: '', text: '전체' }), ...statuses])),
    field('merchant_uid', h('input', { id: 'f-merchant-uid', type: 'search' })),
    field('customer_uid', h('input', { id: 'f-customer-uid', type: 'search' })),
    h('button', { type: 'submit', text: '찾기' }),
  ]);
  filters.addEventListener('change', () => void refresh());
  return filters;
}

export function paymentsView(view: HTMLElement): Refill {
  const box = h('div');
  view.append(h('h2', { text: '결제' }), h('div', { class: 'panel' }, [paymentFilters()]), box);
  return async () => {
    const merchant = value('f-merchant');
    const list = await api<ControlPayment[]>('GET', `/sandbox/payments${merchant ? `?merchant=${encodeURIComponent(merchant)}` : ''}`);
    const status = value('f-status');
    const muid = value('f-merchant-uid');
    const cuid = value('f-customer-uid');
    const shown = list
      .filter((p) => (!status || p.status === status) && (!muid || p.merchant_uid.includes(muid)) && (!cuid || (p.customer_uid || '').includes(cuid)))
      .reverse();
    clear(box).appendChild(paymentTable(shown, '조건에 맞는 결제가 없습니다.'));
  };
}

export function billingKeysView(view: HTMLElement): Refill {
  const box = h('div');
  view.append(h('h2', { text: '빌링키' }), box);
  return async () => {
    const list = await api<ControlBillingKey[]>('GET', '/sandbox/billing-keys');
    const rows = list.map((k) => [link(`billing-keys/${encodeURIComponent(k.customer_uid)}`, k.customer_uid), k.merchant, k.card_name, k.card_number, k.customer_name, kst(k.inserted)]);
    clear(box).appendChild(table(['customer_uid', '가맹점', '카드', '카드번호', '고객', '발급'], rows, '발급된 빌링키가 없습니다.'));
  };
}

export function schedulesView(view: HTMLElement): Refill {
  const box = h('div');
  const note = '「지금 실행」은 시계를 예약 시각으로 옮깁니다: 그 사이에 예정된 예약결제와 웹훅 재시도도 차례로 실행됩니다.';
  view.append(h('h2', { text: '예약결제' }), h('p', { class: 'muted', text: note }), box);
  return async () => {
    clear(box).appendChild(scheduleTable(await api<Schedule[]>('GET', '/sandbox/schedules')));
  };
}
