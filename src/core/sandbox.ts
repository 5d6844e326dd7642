import { BillingKeys } from './billing-keys.js';
import { CardCatalogue, type CardFixture } from './cards.js';
import { Charges } from './charges.js';
import { SandboxClock, type Clock } from './clock.js';
import type { Core, Undo } from './context.js';
import { errors } from './errors.js';
import { MerchantDirectory, type Merchant } from './merchants.js';
import { Payments } from './payments.js';
import { RandomSource, randomSeed } from './random.js';
import { SandboxState, isSnapshot, type Snapshot } from './state.js';
import { MemoryStore, type Store } from './store.js';
import { Tokens } from './tokens.js';

export interface SandboxOptions {
  merchants: readonly Merchant[];
  cards: CardFixture;
  /** Seed of every generated value; random (and reported as `sandbox.seed`) when absent. */
  seed?: number;
  /** Time source; the sandbox wraps it in a clock tests can freeze and move. Real time by default. */
  clock?: Clock;
  /** Where state is made durable; in memory by default. */
  store?: Store;
  /** Base URL callers reach the sandbox at (receipt links). */
  publicUrl?: string;
}

/** One sandbox: the state, the rules, and the controls a test or the control API needs. */
export class Sandbox {
  readonly seed: number;
  readonly clock: SandboxClock;
  readonly merchants: MerchantDirectory;
  readonly tokens: Tokens;
  readonly charges: Charges;
  readonly billingKeys: BillingKeys;
  readonly payments: Payments;
  private readonly core: Core;
  private readonly state = new SandboxState();
  private readonly store: Store;

  private constructor(options: SandboxOptions) {
    this.seed = options.seed ?? randomSeed();
    this.clock = options.clock instanceof SandboxClock ? options.clock : new SandboxClock(options.clock);
    this.merchants = new MerchantDirectory(options.merchants);
    this.store = options.store ?? new MemoryStore();
    this.store.attach(() => this.state.snapshot());
    this.core = {
      clock: this.clock,
      random: new RandomSource(this.seed),
      state: this.state,
      merchants: this.merchants,
      cards: new CardCatalogue(options.cards),
      publicUrl: (options.publicUrl ?? 'http://127.0.0.1:8080').replace(/\/$/, ''),
      write: (change) => this.write(change),
    };
    this.tokens = new Tokens(this.core);
    this.charges = new Charges(this.core);
    this.billingKeys = new BillingKeys(this.core);
    this.payments = new Payments(this.core);
  }

  /** Builds a sandbox and restores what its store holds. */
  static async create(options: SandboxOptions): Promise<Sandbox> {
    const sandbox = new Sandbox(options);
    const saved = await sandbox.store.load();
    if (saved) sandbox.state.restore(saved);
    return sandbox;
  }

  private async write<T>(change: (undo: Undo) => T): Promise<T> {
    const reverts: (() => void)[] = [];
    const result = change((revert) => reverts.push(revert));
    try {
      await this.store.commit();
    } catch {
      for (const revert of reverts.reverse()) revert();
      throw errors.storageFailed();
    }
    return result;
  }

  /** Forgets everything, or everything of one merchant. */
  async reset(merchant?: string): Promise<void> {
    this.state.clear(merchant);
    await this.store.commit();
  }

  /** The whole state as JSON; `import` takes it back. */
  export(): Snapshot {
    return structuredClone(this.state.snapshot());
  }

  async import(snapshot: unknown): Promise<void> {
    if (!isSnapshot(snapshot)) throw errors.badRequest('not a sandbox snapshot');
    this.state.restore(structuredClone(snapshot));
    await this.store.commit();
  }

  /** Flushes pending writes and releases the store. */
  async close(): Promise<void> {
    await this.store.close();
  }
}
