import type { Core } from '../context.js';
import { kstStamp } from '../time/kst.js';

// Generated identifiers of a payment, all from the sandbox's seeded generator.

/**
 * A new imp_uid, unique across the sandbox: `imps_` + 12 digits for API (key-in and billing) payments,
 * `imp_` + 12 digits for payment-window payments, as the vendor numbers them.
 */
export function newImpUid(core: Core, prefix: 'imps_' | 'imp_'): string {
  for (;;) {
    const uid = `${prefix}${core.random.digits(12)}`;
    if (!core.records.payments.get(uid)) return uid;
  }
}

/** The PG's transaction id: the MID, the Korean time of approval and 6 digits. */
export const newPgTid = (core: Core, mid: string, nowMs: number) => `${mid}${kstStamp(nowMs)}${core.random.digits(6)}`;

/** The card company's 8-digit approval number. */
export const newApplyNum = (core: Core) => core.random.digits(8);
