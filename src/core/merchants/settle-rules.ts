import { errors } from '../errors.js';
import { kstMonth } from '../time/kst.js';
import type { Merchant, SettleMid } from './merchants.js';

// The Settle (Hecto Financial) rules of the vendor's guides (shared/seeds, reference §6).

/**
 * `pg` is `settle` or `settle.{MID}`; absent means the merchant's default MID. Only MIDs contracted for
 * key-in (API) payments can charge through the REST API; anything else has no usable non-auth module.
 */
export function resolveApiMid(merchant: Merchant, pg: string | undefined): SettleMid {
  const [provider, mid, ...rest] = (pg ?? '').split('.');
  if (rest.length > 0 || (pg !== undefined && pg !== '' && provider !== 'settle')) throw errors.pgNotConfigured();
  const wanted = mid ?? merchant.settle.default_mid;
  const found = merchant.settle.mids.find((m) => m.mid === wanted);
  if (!found || found.kind !== 'api') throw errors.pgNotConfigured();
  return found;
}

/** A real YYMMDD date (any century) or a 10-digit business registration number. */
function isRealBirth(birth: string): boolean {
  if (birth.length === 10) return true;
  const month = Number(birth.slice(2, 4));
  const day = Number(birth.slice(4, 6));
  const year = 2000 + Number(birth.slice(0, 2));
  const date = new Date(Date.UTC(year, month - 1, day));
  return month >= 1 && month <= 12 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * What the MID's contract asks of the card holder. Where the contract does not require a birth date the
 * dummy `123456` (or any well-formed value) is accepted; where it does, the dummy is a wrong birth date.
 * Returns the decline reason code, or null when the contract is satisfied.
 */
export function contractDecline(mid: SettleMid, input: { birth?: string | undefined; pwd_2digit?: string | undefined }): string | null {
  if (mid.requires_birth) {
    if (!input.birth) return 'birth_required';
    if (!isRealBirth(input.birth)) return 'wrong_birth';
  }
  if (mid.requires_pwd_2digit && !input.pwd_2digit) return 'pwd_required';
  return null;
}

/** `YYYY-MM` or `YYYYMM` → `YYYYMM`. */
export const normaliseExpiry = (expiry: string) => expiry.replace('-', '');

/** A card is valid through the last day of its expiry month, Korean time. */
export const isExpired = (expiry: string, nowMs: number) => Number(expiry) < kstMonth(nowMs);
