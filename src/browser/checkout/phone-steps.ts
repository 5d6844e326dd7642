import { element } from '../element.js';
import { checkField, valueOf } from './fields.js';

// The phone steps of Hecto's window (휴대폰 소액결제): carrier (알뜰폰 with its network, optional), number and birth
// date, then 인증번호 받기 and the code. No text goes out: the page names the code the sandbox accepts.

function numberProblem(phone: string): string {
  const digits = phone.replace(/[- ]/g, '');
  if (/^01[0-9]{8,9}$/.test(digits)) return '';
  return digits ? '휴대폰 번호는 01로 시작하는 10~11자리 숫자로 입력해 주세요.' : '휴대폰 번호를 입력해 주세요.';
}

function birthProblem(birth: string): string {
  if (/^[0-9]{2}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])$/.test(birth)) return '';
  return birth ? '생년월일은 900101처럼 숫자 6자리로 입력해 주세요.' : '생년월일을 입력해 주세요.';
}

/** The fields before 인증번호 받기 that are at fault. */
function holderFaults(): string[] {
  return [
    ...checkField('carrier', valueOf('carrier') ? '' : '통신사를 선택해 주세요.'),
    ...checkField('phone_number', numberProblem(valueOf('phone_number') ?? '')),
    ...checkField('birth', birthProblem(valueOf('birth') ?? '')),
  ];
}

/** Shows the network choice for 알뜰폰; sends the "code" once the holder's fields are right. */
export function wirePhone(code: string): void {
  const carrier = element<HTMLSelectElement>('carrier');
  carrier.addEventListener('change', () => (element('mvno_box').hidden = carrier.value !== 'MVNO'));
  element('send_code').addEventListener('click', () => {
    const faults = holderFaults();
    if (faults[0]) return element(faults[0]).focus();
    element('otp_sent').textContent = `인증번호 ${code}을(를) 보냈습니다 (샌드박스: 문자는 발송되지 않습니다).`;
    element('otp_box').hidden = false;
    element('otp').focus();
  });
}

/** The phone fields at fault; a code not yet asked for is the send button's. */
export function phoneFaults(): string[] {
  if (valueOf('carrier') === undefined) return [];
  const faults = holderFaults();
  if (element('otp_box').hidden) {
    element('otp_sent').textContent = '인증번호 받기를 눌러 인증번호를 받아 주세요.';
    return [...faults, 'send_code'];
  }
  return [...faults, ...checkField('otp', /^[0-9]{6}$/.test(valueOf('otp') ?? '') ? '' : '인증번호 6자리를 입력해 주세요.')];
}
