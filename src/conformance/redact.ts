import { isObject, type Json } from './exchange.js';

// Nothing the kit writes may hold a secret or personal data: credentials, tokens, card numbers, birth dates, the
// buyer's and the billing-key holder's details. Fields are redacted by name; on top of that every value the run
// knows to be secret (the imp_secret, each token, the card numbers it sent) is cut out of any string it appears in,
// wherever an API happens to echo it, and any 13-19-digit run that passes the Luhn check is masked as the vendor
// masks card numbers (first 6 and last 4).

export const REDACTED = '[redacted]';

const SECRET_FIELDS = new Set(['imp_key', 'imp_secret', 'access_token', 'birth', 'pwd_2digit', 'card_number']);
const PERSONAL_FIELDS = /^(buyer|customer)_(name|tel|email|addr|postcode)$/;

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 === 0;
}

/** The vendor's masked form, `123412******1234`: what the API itself answers for a card number. */
function maskCard(text: string): string {
  const digits = text.replace(/\D/g, '');
  return digits.length < 10 ? REDACTED : `${digits.slice(0, 6)}${'*'.repeat(digits.length - 10)}${digits.slice(-4)}`;
}

const CARD_LIKE = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** Remembers a value that must never be written (values under 8 characters would mangle unrelated text). */
  learn(secret: string | undefined | null): void {
    if (typeof secret === 'string' && secret.length >= 8) {
      this.secrets.add(secret);
      const digits = secret.replace(/\D/g, '');
      if (digits.length >= 13 && digits !== secret) this.secrets.add(digits);
    }
  }

  text(value: string): string {
    let out = value;
    for (const secret of this.secrets) out = out.split(secret).join(REDACTED);
    return out.replace(CARD_LIKE, (run) => (luhn(run.replace(/\D/g, '')) ? maskCard(run) : run));
  }

  /** A copy of `value` with every secret and personal field replaced; nulls stay null, so types survive. */
  json(value: Json, key = ''): Json {
    if (typeof value === 'string') {
      if (key === 'card_number') return value.includes('*') ? value : maskCard(value);
      if (SECRET_FIELDS.has(key) || PERSONAL_FIELDS.test(key)) return REDACTED;
      return this.text(value);
    }
    if (Array.isArray(value)) return value.map((item) => this.json(item, key));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v, k)]));
    return value;
  }
}
