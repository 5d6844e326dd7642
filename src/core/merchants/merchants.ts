import { describeProblems } from '../../contract/describe.js';
import { MerchantFileSchema, type Merchant } from '../../contract/merchant.js';
import { errors } from '../errors.js';

export type { Merchant, MerchantFixture, SettleMid } from '../../contract/merchant.js';

/** Checks a merchant list once at start-up, so a broken fixture fails loudly instead of mid-request. */
export function validateMerchants(list: readonly Merchant[]): Merchant[] {
  // Checked as the file shape, so a message names the field as a merchants file spells it: merchants[1].settle.
  const problems = describeProblems(MerchantFileSchema, { merchants: list });
  if (problems.length > 0) throw new Error(problems.join('; '));
  // What the schema cannot say: keys are unique across merchants and the default MID is one of the merchant's.
  const codes = new Map<string, number>();
  const keys = new Map<string, number>();
  list.forEach((m, i) => {
    const at = `merchants[${i}]`;
    const sameCode = codes.get(m.code);
    if (sameCode !== undefined) throw new Error(`${at}.code ${m.code} appears twice (also merchants[${sameCode}].code)`);
    const sameKey = keys.get(m.imp_key);
    if (sameKey !== undefined) throw new Error(`${at}.imp_key ${m.imp_key} appears twice (also merchants[${sameKey}].imp_key)`);
    if (!m.settle.mids.some((mid) => mid.mid === m.settle.default_mid)) {
      throw new Error(`${at}.settle.default_mid ${m.settle.default_mid} is not one of its settle.mids`);
    }
    codes.set(m.code, i);
    keys.set(m.imp_key, i);
  });
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
