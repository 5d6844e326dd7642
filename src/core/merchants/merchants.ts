import { describeProblems } from '../../contract/validation.js';
import { MerchantFileSchema, type Merchant } from '../../contract/merchant.js';
import type { TenantRecord } from '../../contract/tenants.js';
import { errors } from '../errors.js';
import type { TableOf } from '../state/collections.js';

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

/** The SHA-256 of a text, lower-case hex (WebCrypto: Node and browsers alike, no `node:` import). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The merchants, found by code or by API key in O(1): those of the merchants file, then the tenants the state
 * holds (tenants.ts). A tenant is read from its record each time, so an import, a delete or an undo is seen at once.
 */
export class MerchantDirectory {
  private readonly byCode = new Map<string, Merchant>();
  private readonly byKey = new Map<string, Merchant>();
  /** One Merchant per stored tenant record: a record is never edited in place, so a new record is a new merchant. */
  private readonly tenantMerchants = new WeakMap<TenantRecord, Merchant>();

  constructor(
    list: readonly Merchant[],
    private readonly tenants: TableOf<'tenants'>,
  ) {
    for (const m of validateMerchants(list)) {
      this.byCode.set(m.code, m);
      this.byKey.set(m.imp_key, m);
    }
  }

  get(code: string): Merchant | undefined {
    return this.byCode.get(code) ?? this.tenantMerchant(this.tenants.get(code));
  }

  /** The merchant of a code a caller named; an unknown code is refused rather than silently matching nothing. */
  require(code: string): Merchant {
    const merchant = this.get(code);
    if (!merchant) throw errors.unknownMerchant(code);
    return merchant;
  }

  /** The merchant an imp_key and imp_secret open (getToken), or undefined. */
  async authenticate(key: string, secret: string): Promise<Merchant | undefined> {
    const listed = this.byKey.get(key);
    if (listed) return listed.imp_secret === secret ? listed : undefined;
    const tenant = this.tenants.lookup('imp_key', key)[0];
    if (!tenant || tenant.secret_sha256 !== (await sha256Hex(secret))) return undefined;
    // Read again: the tenant may have been deleted while the digest was computed.
    return this.tenants.get(tenant.code) === tenant ? this.tenantMerchant(tenant) : undefined;
  }

  /** Whether a code or an imp_key is taken, by a merchant of the file or a tenant. */
  taken(code: string, key: string): boolean {
    return this.byCode.has(code) || this.tenants.get(code) !== undefined || this.byKey.has(key) || this.tenants.lookup('imp_key', key).length > 0;
  }

  /**
   * Why a set of tenant records cannot stand beside the merchants file (a code or imp_key taken twice), or null.
   * An import or a data file could otherwise bring a tenant that shadows a merchant, whose DELETE would wipe it.
   */
  tenantConflict(records: readonly TenantRecord[]): string | null {
    const keys = new Set<string>();
    for (const { code, imp_key } of records) {
      if (this.byCode.has(code)) return `tenant ${code} has the code of a merchant of the merchants file`;
      if (this.byKey.has(imp_key) || keys.has(imp_key)) return `tenant ${code} has an imp_key already taken`;
      keys.add(imp_key);
    }
    return null;
  }

  /** The merchants of the merchants file (never the tenants: their secrets are not kept). */
  all(): Merchant[] {
    return [...this.byCode.values()];
  }

  /** A merchant of the merchants file, never a tenant: what a tenant may be copied from. */
  listed(code: string): Merchant | undefined {
    return this.byCode.get(code);
  }

  private tenantMerchant(record: TenantRecord | undefined): Merchant | undefined {
    if (!record) return undefined;
    let merchant = this.tenantMerchants.get(record);
    if (!merchant) {
      const { code, imp_key, name, settle, webhook } = record;
      // No imp_secret is kept (authenticate checks the digest); the empty one is refused before any comparison.
      merchant = { code, imp_key, imp_secret: '', name, settle: structuredClone(settle), ...(webhook ? { webhook: { ...webhook } } : {}) };
      this.tenantMerchants.set(record, merchant);
    }
    return merchant;
  }
}
