import { element } from './element.js';
import { focusOnEntry, trapTab } from './focus-trap.js';
import { CLOSE } from './layer-messages.js';
import { pageData, type CheckoutPageData } from './page-data.js';
import { approveBody, cardFaults } from './checkout/card-steps.js';
import { consentFaults, wireConsent } from './checkout/consent.js';
import { clearOnEdit, valueOf } from './checkout/fields.js';
import { phoneFaults, wirePhone } from './checkout/phone-steps.js';
import { act as call } from './checkout/window-calls.js';

// The checkout page: the steps of Hecto's window (the pay method's fields, the terms) and 결제하기, which sends
// nothing until every step is right; cancel and close. The test shortcuts skip the steps: 바로 승인 approves with
// what the fields hold (only a card number is checked, as it always was), 선택한 사유로 거절 declines at once.

const { imp_uid: impUid, otp } = pageData<CheckoutPageData>();
const act = (action: string, body: Record<string, unknown>) => call(impUid, action, body);

/** 결제하기: every step's faults shown, the focus on the first; the sandbox decides a phone's code (right, or ST83). */
function pay(event: Event): void {
  event.preventDefault();
  const faults = [...cardFaults(true), ...phoneFaults(), ...consentFaults()];
  if (faults[0]) return element(faults[0]).focus();
  act('approve', { ...approveBody(), otp: valueOf('otp') });
}

/** 바로 승인: a card number is still checked here first, so a typo is named beside the field. */
function approveAtOnce(): void {
  const [fault] = cardFaults(false);
  if (fault) return element(fault).focus();
  act('approve', approveBody());
}

/** The first field of the form, or the close button of a finished payment. */
const firstField = () => document.querySelector<HTMLElement>('#checkout input, #checkout select, #approve') ?? document.getElementById('close');

element('close').onclick = () => act('close', {});
if (window.parent !== window) inLayer();
const form = document.getElementById('checkout');
if (form) {
  form.addEventListener('submit', pay);
  clearOnEdit(form);
  wireConsent();
  if (document.getElementById('carrier')) wirePhone(otp);
  element('approve').onclick = approveAtOnce;
  element('cancel').onclick = () => act('cancel', {});
  element('decline').onclick = () => act('decline', { reason: valueOf('reason') });
  firstField()?.focus();
}

/**
 * In the SDK's layer: the focus stays in this frame, and Escape closes the window as the close button does, whether
 * pressed here or on the merchant's page (the layer then posts CLOSE, since it cannot reach into this frame).
 */
function inLayer(): void {
  trapTab(document);
  focusOnEntry(firstField);
  document.addEventListener('keydown', (event) => event.key === 'Escape' && act('close', {}));
  window.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { type?: unknown; imp_uid?: unknown } | null;
    if (event.source === window.parent && data?.type === CLOSE && data.imp_uid === impUid) act('close', {});
  });
}
