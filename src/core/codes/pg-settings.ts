import type { PgSetting, Tier } from '../../contract/codes.js';
import { ok, type Answer } from '../answer.js';
import type { Caller } from '../context.js';
import { errors } from '../errors.js';
import { isTestChannel } from '../merchants/settle-rules.js';

/**
 * getPgSettingList: each Settle MID of the caller's merchant. An API (key-in) MID is the console's `api_payment`
 * setting, a window MID its `payment` setting (vendor V1 OpenAPI, PgSettingAnnotation). `sandbox` says whether the
 * MID is a test channel (reference §13), as its payments and billing keys do.
 */
export function pgSettings(caller: Caller): Answer<PgSetting[]> {
  return ok(
    caller.merchant.settle.mids.map((mid) => ({
      pg_provider: 'settle',
      pg_id: mid.mid,
      sandbox: isTestChannel(mid),
      type: mid.kind === 'api' ? 'api_payment' : 'payment',
    })),
  );
}

/** GetTier: the sandbox has no sub-merchants, so every tier code is one never registered (vendor: 404). */
export function tierOf(): Answer<Tier> {
  throw errors.tierNotFound();
}
