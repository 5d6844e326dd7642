import { element } from '../element.js';

// The terms consent: every [data-consent] box is required; 전체 동의 checks or clears them all, and follows them
// (checked only when all are). The fault is the group's, so one shared message.

const items = () => [...document.querySelectorAll<HTMLInputElement>('[data-consent]')];

function mark(error: string): void {
  element('consent_error').textContent = error;
  for (const item of items()) item.setAttribute('aria-invalid', error && !item.checked ? 'true' : 'false');
}

export function wireConsent(): void {
  const all = element<HTMLInputElement>('consent_all');
  const settle = () => {
    all.checked = items().every((item) => item.checked);
    // A message shown stays until all are checked; the marks follow each box at once.
    mark(all.checked ? '' : (element('consent_error').textContent ?? ''));
  };
  all.addEventListener('change', () => {
    for (const item of items()) item.checked = all.checked;
    settle();
  });
  for (const item of items()) item.addEventListener('change', settle);
}

/** The first box not checked (its message shown), or nothing when all are. */
export function consentFaults(): string[] {
  const missing = items().filter((item) => !item.checked);
  mark(missing.length ? '필수 약관에 모두 동의해 주세요.' : '');
  return missing.slice(0, 1).map((item) => item.id);
}
