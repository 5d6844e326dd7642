import type { GetTokenBody } from '../../contract/requests.js';
import { ok, type Answer } from '../answer.js';
import { toUnixSeconds } from '../time/clock.js';
import type { Core } from '../context.js';
import { errors } from '../errors.js';
import type { Merchant } from '../merchants/merchants.js';
import type { TokenRecord } from '../../contract/records.js';
import type { TableOf } from '../state/collections.js';
import type { TokenSource } from './token-source.js';

const LIFETIME_MS = 30 * 60 * 1000;
const LAST_MINUTE_MS = 60 * 1000;
const EXTENSION_MS = 5 * 60 * 1000;

export interface AuthResponse {
  access_token: string;
  now: number;
  expired_at: number;
}

/** Access tokens (reference §2): one live token per merchant, shared by every caller that asks for it. */
export class Tokens {
  constructor(
    private readonly core: Core,
    private readonly newToken: TokenSource,
    private readonly tokens: TableOf<'tokens'>,
  ) {}

  async issue(body: GetTokenBody): Promise<Answer<AuthResponse>> {
    const { imp_key: key, imp_secret: secret } = body;
    if (!key || !secret) throw errors.missingCredentials();
    const merchant = await this.core.merchants.authenticate(key, secret);
    if (!merchant) throw errors.badCredentials();

    const now = this.core.clock.now();
    const tokens = this.tokens;
    const current = tokens.lookup('merchant', merchant.code)[0];
    let record = current && current.expires_at > now ? current : null;
    if (record && record.expires_at - now <= LAST_MINUTE_MS) {
      record = { ...record, expires_at: record.expires_at + EXTENSION_MS };
    } else if (!record) {
      record = { token: this.newToken(), merchant: merchant.code, issued_at: now, expires_at: now + LIFETIME_MS };
    }
    if (record !== current) {
      const changed = record;
      // One live token per merchant: a new token replaces the old one.
      await this.core.write(() => {
        if (current && current.token !== changed.token) tokens.delete(current.token);
        tokens.put(changed);
      });
    }
    return ok({ access_token: record.token, now: toUnixSeconds(now), expired_at: toUnixSeconds(record.expires_at) });
  }

  /** The merchant a live token belongs to; anything else is the vendor's 401. */
  verify(token: string | null): Merchant {
    if (!token) throw errors.unauthorized();
    const record = this.tokens.get(token);
    if (!record || record.expires_at <= this.core.clock.now()) throw errors.unauthorized();
    const merchant = this.core.merchants.get(record.merchant);
    if (!merchant) throw errors.unauthorized();
    return merchant;
  }
}

/**
 * A token brought in by an import keeps no more than the normal lifetime: issued no later than `now`, valid at
 * most 30 minutes from its issue. An import cannot plant a token that outlives the rule that issues them (an
 * extended token loses its extension).
 */
export function clampImportedToken(record: TokenRecord, now: number): TokenRecord {
  const issuedAt = Math.min(record.issued_at, now);
  return { ...record, issued_at: issuedAt, expires_at: Math.min(record.expires_at, issuedAt + LIFETIME_MS) };
}
