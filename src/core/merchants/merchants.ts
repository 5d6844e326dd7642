import { errors } from '../errors.js';

/** One Settle MID of a merchant and what its contract asks of a key-in (API) charge. */
export interface SettleMid {
  mid: string;
  /** `api`: key-in and billing through the REST API; `window`: the payment window only. */
  kind: 'api' | 'window';
  requires_birth: boolean;
  requires_pwd_2digit: boolean;
}

export interface Merchant {
  name: string;
  /** 가맹점 식별코드: `imp` + 8 digits. */
  code: string;
  imp_key: string;
  imp_secret: string;
  settle: {
    default_mid: string;
    /** The separate contract for issuing billing keys without a payment (POST /subscribe/customers/{uid}). */
    billing_key_api: boolean;
    mids: SettleMid[];
  };
  /** Where webhooks go when a request names no notice_url (the console's Notification URL). */
  webhook?: { url: string | null; content_type: 'json' | 'form'; retry: boolean };
}

export interface MerchantFixture {
  merchants: Merchant[];
}

const MERCHANT_CODE = /^imp[0-9]{8}$/;

/** Checks a merchant list once at start-up, so a broken fixture fails loudly instead of mid-request. */
export function validateMerchants(list: readonly Merchant[]): Merchant[] {
  if (list.length === 0) throw new Error('at least one merchant is required');
  const codes = new Set<string>();
  const keys = new Set<string>();
  for (const m of list) {
    if (!MERCHANT_CODE.test(m.code)) throw new Error(`merchant code ${m.code} must be "imp" followed by 8 digits`);
    if (!m.imp_key || !m.imp_secret) throw new Error(`merchant ${m.code} needs imp_key and imp_secret`);
    if (codes.has(m.code)) throw new Error(`merchant code ${m.code} appears twice`);
    if (keys.has(m.imp_key)) throw new Error(`imp_key ${m.imp_key} appears twice`);
    if (!m.settle.mids.some((mid) => mid.mid === m.settle.default_mid)) {
      throw new Error(`merchant ${m.code}: default_mid ${m.settle.default_mid} is not one of its MIDs`);
    }
    codes.add(m.code);
    keys.add(m.imp_key);
  }
  return list.map((m) => structuredClone(m));
}

/** The merchants, found by code or by API key in O(1). */
export class MerchantDirectory {
  private readonly byCode = new Map<string, Merchant>();
  private readonly byKey = new Map<string, Merchant>();

  constructor(list: readonly Merchant[]) {
    for (const m of validateMerchants(list)) {
      this.byCode.set(m.code, m);
      this.byKey.set(m.imp_key, m);
    }
  }

  get(code: string): Merchant | undefined {
    return this.byCode.get(code);
  }

  /** The merchant of a code a caller named; an unknown code is refused rather than silently matching nothing. */
  require(code: string): Merchant {
    const merchant = this.byCode.get(code);
    if (!merchant) throw errors.unknownMerchant(code);
    return merchant;
  }

  byApiKey(key: string): Merchant | undefined {
    return this.byKey.get(key);
  }

  all(): Merchant[] {
    return [...this.byCode.values()];
  }
}
