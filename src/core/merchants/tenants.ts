import type { CreatedTenant, TenantRecord, TenantView } from '../../contract/tenants.js';
import type { Core } from '../context.js';
import { errors } from '../errors.js';
import type { TableOf } from '../state/collections.js';
import type { TokenSource } from '../tokens/token-source.js';
import { sha256Hex, type Merchant } from './merchants.js';

/** Draws before giving up on a free code: only a token source that repeats itself (a test's) runs out. */
const ATTEMPTS = 16;

/** `n` decimal digits drawn from a token's characters (codes and keys are digits, as the vendor's are). */
function digits(token: string, n: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += String(token.charCodeAt(i % token.length) % 10);
  return out;
}

export interface TenantDeps {
  core: Pick<Core, 'clock' | 'merchants' | 'write'>;
  table: TableOf<'tenants'>;
  /** The cryptographic token source (never the seed): a tenant's key and secret must not be guessable. */
  newToken: TokenSource;
  /** Forgets every record of a merchant (inside the write that deletes it) and its scripted outcomes. */
  forget(code: string): void;
  forgetOutcomes(code: string): void;
}

/**
 * Merchants made on demand, one per parallel test worker: a copy of a merchants-file merchant under a fresh code,
 * imp_key and imp_secret. Records are keyed by merchant already, so a tenant's token reads only its own.
 */
export class Tenants {
  constructor(private readonly deps: TenantDeps) {}

  /** A new tenant copied from `templateCode` (the first merchant of the file by default); its secret is answered only here. */
  async create(templateCode?: string): Promise<CreatedTenant> {
    const { core, table } = this.deps;
    const template = this.template(templateCode);
    const { code, imp_key } = this.freshIdentity();
    const imp_secret = this.deps.newToken() + this.deps.newToken();
    const record: TenantRecord = {
      code,
      template: template.code,
      imp_key,
      secret_sha256: await sha256Hex(imp_secret),
      created_at: core.clock.now(),
      name: template.name,
      settle: structuredClone(template.settle),
      ...(template.webhook ? { webhook: { ...template.webhook } } : {}),
    };
    await core.write(() => {
      // Checked again inside the write: another create may have taken the code while the digest was computed.
      if (core.merchants.taken(code, imp_key)) throw errors.internal();
      table.put(record);
    });
    return { ...viewOf(record), imp_key, imp_secret };
  }

  list(): TenantView[] {
    return Array.from(this.deps.table.values(), viewOf);
  }

  /** Drops a tenant and every record of it; other tenants and the merchants of the file are not touched. */
  async remove(code: string): Promise<void> {
    this.require(code);
    this.deps.forgetOutcomes(code);
    await this.deps.core.write(() => {
      this.deps.forget(code);
      this.deps.table.delete(code);
    });
  }

  /** Sets a tenant's webhook in its record, so it lasts as long as the tenant (a data file keeps it). */
  async setWebhook(code: string, webhook: NonNullable<Merchant['webhook']>): Promise<void> {
    this.require(code);
    await this.deps.core.write(() => this.deps.table.update(code, (draft) => (draft.webhook = { ...webhook })));
  }

  has(code: string): boolean {
    return this.deps.table.get(code) !== undefined;
  }

  private require(code: string): TenantRecord {
    const record = this.deps.table.get(code);
    if (!record) throw errors.unknownTenant(code);
    return record;
  }

  private template(code: string | undefined): Merchant {
    const { merchants } = this.deps.core;
    const template = code === undefined ? merchants.all()[0] : merchants.listed(code);
    if (!template) throw errors.unknownTemplate(code ?? '');
    return template;
  }

  private freshIdentity(): { code: string; imp_key: string } {
    for (let i = 0; i < ATTEMPTS; i++) {
      const code = `imp${digits(this.deps.newToken(), 8)}`;
      const imp_key = digits(this.deps.newToken(), 16);
      if (!this.deps.core.merchants.taken(code, imp_key)) return { code, imp_key };
    }
    throw errors.internal();
  }
}

const viewOf = ({ code, template, name, created_at }: TenantRecord): TenantView => ({ code, template, name, created_at });
