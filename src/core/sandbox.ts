import { BillingKeys } from './billing/billing-keys.js';
import { CardCatalogue, type CardFixture } from './cards/cards.js';
import { Charges } from './payments/charges.js';
import { SandboxClock, type Clock } from './time/clock.js';
import type { Core, Undo } from './context.js';
import { errors } from './errors.js';
import { FaultInjector } from './control/faults.js';
import { listBillingKeys, listPayments } from './control/inventory.js';
import { MerchantDirectory, type Merchant } from './merchants/merchants.js';
import { ScriptedOutcomes } from './control/outcomes.js';
import { Payments } from './payments/payments.js';
import { Prepares } from './payments/prepare.js';
import { RandomSource, randomSeed } from './random.js';
import { SandboxState, isSnapshot, type Snapshot } from './state/state.js';
import { Schedules } from './schedules/schedules.js';
import { MemoryStore, type Store } from './state/store.js';
import { Timeline } from './time/timeline.js';
import { Tokens } from './tokens/tokens.js';
import { Webhooks } from './webhooks/webhooks.js';
import { PaymentWindow } from './window/window.js';

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
  readonly schedules: Schedules;
  /** Amounts registered for the payment window (POST /payments/prepare). */
  readonly prepares: Prepares;
  /** The payment window behind IMP.request_pay: checkout decisions and virtual accounts. */
  readonly window: PaymentWindow;
  /** Webhook deliveries: `settle()` waits for those in flight, `list()` shows every attempt. */
  readonly webhooks: Webhooks;
  /** Scripted charge outcomes (control API). */
  readonly outcomes: ScriptedOutcomes;
  /** Fault injection per endpoint, applied by the doors (control API). */
  readonly faults = new FaultInjector();
  private readonly timeline: Timeline;
  private readonly core: Core;
  private readonly state = new SandboxState();
  private readonly store: Store;

  private constructor(options: SandboxOptions) {
    this.seed = options.seed ?? randomSeed();
    this.clock = options.clock instanceof SandboxClock ? options.clock : new SandboxClock(options.clock);
    this.merchants = new MerchantDirectory(options.merchants);
    this.store = options.store ?? new MemoryStore();
    this.store.attach(this.state);
    this.timeline = new Timeline(this.clock);
    const cards = new CardCatalogue(options.cards);
    this.outcomes = new ScriptedOutcomes(cards);
    this.core = {
      clock: this.clock,
      random: new RandomSource(this.seed),
      state: this.state,
      merchants: this.merchants,
      cards,
      publicUrl: (options.publicUrl ?? 'http://127.0.0.1:8080').replace(/\/$/, ''),
      write: (change) => this.write(change),
      timeline: this.timeline,
      outcomes: this.outcomes,
      notify: (...event) => this.webhooks.notify(...event),
    };
    this.tokens = new Tokens(this.core);
    this.charges = new Charges(this.core);
    this.billingKeys = new BillingKeys(this.core);
    this.payments = new Payments(this.core);
    this.webhooks = new Webhooks(this.core);
    this.schedules = new Schedules(this.core, this.charges, this.billingKeys);
    // At one instant, schedules run before webhook retries; the payment window adds vbank due dates after these.
    this.timeline.add('scheduled payments', this.schedules);
    this.timeline.add('webhook retries', this.webhooks);
    this.prepares = new Prepares(this.core);
    this.window = new PaymentWindow(this.core, this.prepares);
    this.timeline.add('virtual account due dates', this.window);
  }

  /** Builds a sandbox and restores what its store holds. */
  static async create(options: SandboxOptions): Promise<Sandbox> {
    const sandbox = new Sandbox(options);
    const saved = await sandbox.store.load();
    if (saved) sandbox.state.restore(saved);
    // What was just loaded is already on disk.
    sandbox.state.takeChanges();
    sandbox.timeline.start();
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

  /** Forgets everything, or everything of one merchant (scripted outcomes included; faults only with everything). */
  async reset(merchant?: string): Promise<void> {
    this.state.clear(merchant);
    this.outcomes.clear(merchant);
    if (merchant === undefined) this.faults.clear();
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

  /** Stops due work from running, cancels webhooks in flight, flushes pending writes and releases the store. */
  async close(): Promise<void> {
    this.timeline.stop();
    await this.webhooks.close();
    await this.store.close();
  }

  // The clock as the control API moves it: moving forward runs every schedule and webhook retry that falls due.

  /** Stops time at `at` (ms; default now). */
  freeze(at?: number): void {
    this.clock.freeze(at);
  }

  /** Lets time run again from the current sandbox time. */
  resume(): void {
    this.clock.resume();
  }

  /** Moves time forward by `ms`, running what falls due in order, each at its own instant. */
  advance(ms: number): Promise<void> {
    return this.timeline.advance(ms);
  }

  /** Sets the time (ms); a forward jump runs what falls due on the way. */
  setTime(at: number): Promise<void> {
    return this.timeline.set(at);
  }

  /** Runs what is due now (a running clock does this every second by itself). */
  runDue(): Promise<void> {
    return this.timeline.runDue();
  }

  listPayments(merchant?: string) {
    return listPayments(this.state, merchant);
  }

  listBillingKeys(merchant?: string) {
    return listBillingKeys(this.state, merchant);
  }

  /** Sets where a merchant's webhooks go (the console's Notification URL), for this process. */
  setWebhook(code: string, webhook: NonNullable<Merchant['webhook']>): NonNullable<Merchant['webhook']> {
    const merchant = this.merchants.get(code);
    if (!merchant) throw errors.unknownMerchant(code);
    merchant.webhook = { ...webhook };
    return { ...webhook };
  }
}
