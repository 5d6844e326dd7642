import type { Customer } from '../contract/customer.js';
import { merchantView, type MerchantView } from './control/merchant-list.js';
import type { Payment } from '../contract/payment.js';
import { BillingKeyRecords } from './billing/billing-key-records.js';
import { BillingKeys } from './billing/billing-keys.js';
import { CardCatalogue, type CardFixture } from './cards/cards.js';
import { StandardCodes, type StandardCodeTables } from './codes/standard-codes.js';
import type { Core, SharedRecords } from './context.js';
import { copy } from './copy.js';
import { errors } from './errors.js';
import { Controls } from './control/controls.js';
import { FaultInjector } from './control/faults.js';
import { listBillingKeys, listPayments } from './control/inventory.js';
import { ScriptedOutcomes } from './control/outcomes.js';
import { MerchantDirectory, type Merchant } from './merchants/merchants.js';
import { Tenants } from './merchants/tenants.js';
import { Charges } from './payments/charges.js';
import { PaymentQueries } from './payments/listing.js';
import { PaymentRecords } from './payments/payment-records.js';
import { Payments } from './payments/payments.js';
import { Prepares } from './payments/prepare.js';
import { RandomSource, randomSeed } from './random.js';
import { CashReceipts } from './receipts/receipts.js';
import { ScheduleChanges } from './schedules/edit.js';
import { ScheduleRecords } from './schedules/schedule-records.js';
import { Schedules } from './schedules/schedules.js';
import type { Snapshot } from './state/snapshot.js';
import { SandboxState, parseSnapshot } from './state/state.js';
import { MemoryStore, type Store } from './state/store.js';
import { StateWriter } from './state/writer.js';
import { SandboxClock, type Clock, type ClockView } from './time/clock.js';
import { Timeline } from './time/timeline.js';
import { cryptoTokenSource, type TokenSource } from './tokens/token-source.js';
import { Tokens, clampImportedToken } from './tokens/tokens.js';
import { Vbanks } from './vbanks/vbanks.js';
import type { WebhookTransport } from './webhooks/transport.js';
import { anyWebhookTarget, webhookTargets } from './webhooks/targets.js';
import { Webhooks, type WebhookAttemptListener } from './webhooks/webhooks.js';
import { PaymentWindow } from './window/window.js';

export interface SandboxOptions {
  merchants: readonly Merchant[];
  cards: CardFixture;
  /** Bank and card company standard codes (GET /banks, GET /cards). */
  codes: StandardCodeTables;
  /** Where a payment's receipt can be seen: its `receipt_url` (the HTTP door serves the page). */
  receiptUrl: (impUid: string) => string;
  /** How webhooks are sent (fetch in src/outbound by default); tests and embedders may pass their own. */
  webhookTransport: WebhookTransport;
  /** Seed of every generated value; random (and reported as `sandbox.seed`) when absent. */
  seed?: number;
  /** Time source; the sandbox runs its own clock from it, which tests freeze and move. Real time by default. */
  clock?: Clock;
  /** Where state is made durable; in memory by default. */
  store?: Store;
  /** Where access tokens come from: the cryptographic generator by default, never the seed (see tokens/token-source.ts). */
  tokenSource?: TokenSource;
  /**
   * Where webhooks may be sent: hosts (`hooks.test`, `hooks.test:8443`) or URL prefixes (`https://hooks.test/in/`).
   * Absent: anywhere (an SSRF surface when the sandbox is reachable by others).
   */
  webhookAllow?: readonly string[];
  /**
   * Told of every webhook attempt once it is logged in the state: its URL, imp_uid, status and cause of failure
   * (the CLI logs failed ones). It must not throw.
   */
  onWebhookAttempt?: WebhookAttemptListener;
}

/** One sandbox: the state, the rules, and the controls a test or the control API needs. */
export class Sandbox {
  readonly seed: number;
  /** Read-only: time moves through `freeze`, `setTime` and `advance`, which run what falls due on the way. */
  readonly clock: ClockView;
  readonly merchants: MerchantDirectory;
  readonly cards: CardCatalogue;
  readonly codes: StandardCodes;
  readonly tokens: Tokens;
  readonly charges: Charges;
  readonly billingKeys: BillingKeys;
  readonly payments: Payments;
  /** Payment listings (by status, every attempt of a merchant_uid) and the balance lookup. */
  readonly paymentQueries: PaymentQueries;
  readonly schedules: Schedules;
  /** A schedule moved, put back in the queue, or retried now. */
  readonly scheduleChanges: ScheduleChanges;
  /** Amounts registered for the payment window (POST /payments/prepare). */
  readonly prepares: Prepares;
  /** The payment window behind IMP.request_pay: checkout decisions and virtual accounts. */
  readonly window: PaymentWindow;
  /** Virtual accounts issued through the API (POST /vbanks). */
  readonly vbanks: Vbanks;
  /** Cash receipts of payments and of cash sales outside the sandbox. */
  readonly cashReceipts: CashReceipts;
  /** Webhook deliveries: `settle()` waits for those in flight, `list()` shows every attempt. */
  readonly webhooks: Webhooks;
  /** Scripted charge outcomes (control API). */
  readonly outcomes: ScriptedOutcomes;
  /** Fault injection per endpoint, applied by the request pipeline (control API). */
  readonly faults = new FaultInjector();
  /** What the control API does on a merchant's behalf: cancel a payment, set its webhook. */
  readonly control: Controls;
  private readonly timeline: Timeline;
  private readonly state = new SandboxState();
  private readonly writer: StateWriter;
  private readonly records: SharedRecords;

  private constructor(options: SandboxOptions) {
    this.seed = options.seed ?? randomSeed();
    const clock = new SandboxClock(options.clock);
    this.clock = clock;
    const { tables } = this.state;
    this.merchants = new MerchantDirectory(options.merchants, tables.tenants);
    this.writer = new StateWriter(this.state, options.store ?? new MemoryStore());
    this.records = {
      payments: new PaymentRecords(tables.payments),
      schedules: new ScheduleRecords(tables.schedules),
      billingKeys: new BillingKeyRecords(tables.billing_keys),
    };
    this.timeline = new Timeline(clock);
    this.cards = new CardCatalogue(options.cards);
    this.codes = new StandardCodes(options.codes);
    this.outcomes = new ScriptedOutcomes(this.cards, this.state, this.merchants);
    const core = this.coreOf(clock, options);
    const tokenSource = options.tokenSource ?? cryptoTokenSource;
    this.tokens = new Tokens(core, tokenSource, tables.tokens);
    this.charges = new Charges(core);
    this.billingKeys = new BillingKeys(core);
    this.payments = new Payments(core);
    this.paymentQueries = new PaymentQueries(core);
    const targets = options.webhookAllow ? webhookTargets(options.webhookAllow) : anyWebhookTarget;
    this.webhooks = new Webhooks(core, options.webhookTransport, targets, tables.webhook_deliveries, options.onWebhookAttempt);
    this.schedules = new Schedules(core, this.charges, this.billingKeys);
    this.scheduleChanges = new ScheduleChanges(core, this.schedules);
    this.prepares = new Prepares(core, tables.prepared);
    this.window = new PaymentWindow(core, this.prepares);
    this.vbanks = new Vbanks(core, this.codes);
    this.cashReceipts = new CashReceipts(core, tables.cash_receipts);
    const tenants = new Tenants({
      core,
      table: tables.tenants,
      newToken: tokenSource,
      forget: (code) => this.state.clear(code),
      forgetOutcomes: (code) => this.outcomes.clear(code),
    });
    this.control = new Controls(this.merchants, this.records.payments, this.payments, tenants, this.billingKeys);
    // At one instant, schedules run first, then webhook retries, then virtual-account due dates.
    this.timeline.add('scheduled payments', this.schedules);
    this.timeline.add('webhook retries', this.webhooks);
    this.timeline.add('virtual account due dates', this.window);
  }

  /** What every domain is built with: the clock, the seeded randomness, the records, and the ways to write and notify. */
  private coreOf(clock: SandboxClock, options: SandboxOptions): Core {
    return {
      clock,
      random: new RandomSource(this.seed),
      records: this.records,
      nextSeq: () => this.state.nextSeq(),
      merchants: this.merchants,
      cards: this.cards,
      receiptUrl: options.receiptUrl,
      write: (change) => this.writer.write(change),
      timeline: this.timeline,
      outcomes: this.outcomes,
      notify: (merchant, payment, status, notifyOptions) => this.webhooks.notify(merchant, payment, status, notifyOptions),
    };
  }

  /** Builds a sandbox and restores what its store holds. */
  static async create(options: SandboxOptions): Promise<Sandbox> {
    const sandbox = new Sandbox(options);
    await sandbox.writer.load();
    const conflict = sandbox.merchants.tenantConflict([...sandbox.state.tables.tenants.values()]);
    if (conflict !== null) {
      await sandbox.writer.close();
      throw new Error(`the saved state does not fit the merchants file: ${conflict}`);
    }
    sandbox.timeline.start();
    return sandbox;
  }

  /**
   * Forgets everything, or everything of one merchant (scripted outcomes included). Forgetting everything also
   * clears the faults and puts the clock back to real time, running, unless `keepClock`: a frozen or moved clock
   * is part of what a test set up.
   */
  async reset(merchant?: string, { keepClock = false }: { keepClock?: boolean } = {}): Promise<void> {
    if (merchant !== undefined) this.merchants.require(merchant);
    await this.writer.write(() => this.state.clear(merchant));
    this.outcomes.clear(merchant);
    if (merchant !== undefined) return;
    this.faults.clear();
    if (!keepClock) await this.timeline.realTime();
  }

  /** The whole state as JSON; `import` takes it back. */
  export(): Snapshot {
    return copy(this.state.snapshot());
  }

  /**
   * Replaces the whole state with an exported one (bare or in GET /sandbox/state's envelope), checked whole first:
   * a refused import changes nothing. Tenants are part of the state: those the snapshot lacks are gone after it.
   */
  async import(snapshot: unknown): Promise<void> {
    const parsed = copy(parseSnapshot(snapshot));
    const conflict = this.merchants.tenantConflict(parsed.tenants);
    if (conflict !== null) throw errors.badRequest(`not a sandbox snapshot: ${conflict}`);
    const now = this.clock.now();
    parsed.tokens = parsed.tokens.map((token) => clampImportedToken(token, now));
    await this.writer.write(() => this.state.restore(parsed));
  }

  /** Stops due work from running, cancels webhooks in flight, flushes pending writes and releases the store. */
  async close(): Promise<void> {
    this.timeline.stop();
    await this.webhooks.close();
    await this.writer.close();
  }

  // Time moves only through these, and moving it forward runs every schedule, webhook retry and expiry due.

  /** Stops time at `at` (ms; default now); a jump forward runs what falls due on the way. */
  freeze(at?: number): Promise<void> {
    return this.timeline.freeze(at);
  }

  /** Lets time run again from the current sandbox time. */
  resume(): void {
    this.timeline.resume();
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

  listPayments(merchant?: string): (Payment & { merchant: string })[] {
    if (merchant !== undefined) this.merchants.require(merchant);
    return listPayments(this.records.payments, merchant);
  }

  listBillingKeys(merchant?: string): (Customer & { merchant: string })[] {
    if (merchant !== undefined) this.merchants.require(merchant);
    return listBillingKeys(this.records.billingKeys, merchant);
  }

  /** Grows with every change (a taken-back one too): cheap to poll for "something happened". */
  get version(): number {
    return this.writer.version;
  }

  /** Merchants and their Settle contracts, without API keys or secrets. */
  listMerchants(): MerchantView[] {
    return this.merchants.all().map(merchantView);
  }
}
