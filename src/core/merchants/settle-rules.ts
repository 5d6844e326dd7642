import type { Payment } from '../../contract/payment.js';
import { errors } from '../errors.js';
import { toUnixSeconds } from '../time/clock.js';
import { DAY_SECONDS, kstMonth, startOfKstDay } from '../time/kst.js';
import type { Merchant, SettleMid } from './merchants.js';

// The Settle (Hecto Financial) rules of the vendor's guides (shared/seeds, reference §6).

/**
 * `pg` is `settle` or `settle.{MID}`. The vendor: "지정하지 않거나 유효하지 않은 값이 전달되면 기본PG설정된 값을
 * 이용해 결제" (reference §6.1, the OpenAPI `pg` of onetime), so a `pg` that names no key-in (API) MID of the
 * merchant (absent, another provider, an unknown or window-only MID, malformed) falls back to the default MID, or,
 * when that one is contracted for the window only, to the merchant's first key-in MID. Only a merchant with no
 * key-in MID at all has no usable non-auth module.
 */
export function resolveApiMid(merchant: Merchant, pg: string | undefined): SettleMid {
  const apiMids = merchant.settle.mids.filter((m) => m.kind === 'api');
  const [provider, mid, ...rest] = (pg ?? '').split('.');
  const named = provider === 'settle' && rest.length === 0 ? apiMids.find((m) => m.mid === (mid ?? merchant.settle.default_mid)) : undefined;
  const found = named ?? apiMids.find((m) => m.mid === merchant.settle.default_mid) ?? apiMids[0];
  if (!found) throw errors.pgNotConfigured();
  return found;
}

/**
 * A test channel (since 2026-01-26, reference §13): its payments and billing keys carry `sandbox: true`, and
 * `GET /payments/{imp_uid}` hides its payments unless asked with `include_sandbox=true`. Absent means live.
 */
export const isTestChannel = (mid: SettleMid): boolean => mid.sandbox === true;

/** Hecto cancels test payments at the PG "매일 23:00~23:50" (reference §6.3, §13); the sandbox takes the first instant. */
const TEST_AUTO_CANCEL_SECONDS = 23 * 60 * 60;

/**
 * The instant (UNIX seconds) Hecto's test mode cancels a payment made at `paidAt`: 23:00:00 KST of that day, or
 * of the next day for a payment made at 23:00 or later (that night's batch has started).
 */
function testAutoCancelAt(paidAt: number): number {
  const tonight = startOfKstDay(paidAt) + TEST_AUTO_CANCEL_SECONDS;
  return paidAt < tonight ? tonight : tonight + DAY_SECONDS;
}

/**
 * Whether the PG has already cancelled this paid payment on its own: a test-channel payment of a merchant that opted
 * in (`settle.test_auto_cancel`), and the sandbox clock past its night's auto-cancel. PortOne is not told, so the
 * record still says `paid` (reference §13); only a cancel, which reaches the PG, finds out. Virtual accounts are
 * left out: in test mode nothing is deposited, so nothing is cancelled (reference §13).
 */
export function cancelledAtPg(merchant: Merchant, payment: Payment, nowMs: number): boolean {
  if (!merchant.settle.test_auto_cancel || !payment.sandbox || payment.pay_method === 'vbank') return false;
  return toUnixSeconds(nowMs) >= testAutoCancelAt(payment.paid_at);
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
