import { errors } from '../errors.js';
import type { SandboxClock } from './clock.js';

/**
 * Work that falls due as sandbox time passes: scheduled payments, webhook retries, and (added by the payment
 * window) virtual-account due dates. Each kind registers one task with `Timeline.add`; tasks due at the same
 * instant run in registration order.
 */
export interface TimedTask {
  /** Sandbox time (ms) of the earliest work due, or null when nothing is waiting. */
  nextDue(): number | null;
  /** Runs everything due at `now` (ms), in order, and resolves when it is done. */
  runDue(now: number): Promise<void>;
  /** Resolves once work started outside `runDue` (for example webhooks sent by a request) has finished. */
  settle?(): Promise<void>;
}

/** The last instant the sandbox clock may reach: the end of year 9999 (UTC), as far as dates are written with 4 digits. */
const LATEST_TIME_MS = Date.UTC(9999, 11, 31, 23, 59, 59);

/** Refuses a time the clock cannot take, before anything due runs on the way to it. */
function checkTime(ms: number, parameter: string): void {
  if (!Number.isSafeInteger(ms) || ms < 0 || ms > LATEST_TIME_MS) {
    throw errors.invalidParameter(parameter, '샌드박스 시각은 1970-01-01부터 9999-12-31 사이여야 합니다.');
  }
}

/** How often a running (unfrozen) clock is checked for due work. */
const TICK_MS = 1000;

/**
 * Moves sandbox time and runs what becomes due. Moving forward steps through every instant something is due,
 * with the clock set to that instant, so a schedule at 09:00 is paid at 09:00 even when time jumps a day, and
 * a webhook retried "one minute later" is retried once per minute of the jump. One pass runs at a time.
 */
export class Timeline {
  private readonly tasks: { name: string; task: TimedTask }[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly clock: SandboxClock) {}

  /** Registers a kind of timed work; `name` only documents the order. */
  add(name: string, task: TimedTask): void {
    this.tasks.push({ name, task });
  }

  /** Moves time forward by `ms`, running everything that falls due on the way. */
  advance(ms: number): Promise<void> {
    const target = this.clock.now() + Math.max(0, ms);
    checkTime(target, 'days, hours, minutes, seconds');
    return this.exclusive(() => this.stepTo(this.clock.now() + Math.max(0, ms)));
  }

  /** Sets the time; forward jumps run what falls due on the way, backward jumps run nothing. */
  set(at: number): Promise<void> {
    checkTime(at, 'at');
    return this.exclusive(async () => {
      if (at <= this.clock.now()) this.clock.set(at);
      else await this.stepTo(at);
    });
  }

  /** Stops time at `at` (default: now); a jump forward runs what falls due on the way, as `set` does. */
  freeze(at?: number): Promise<void> {
    if (at !== undefined) checkTime(at, 'at');
    return this.exclusive(async () => {
      if (at !== undefined && at > this.clock.now()) await this.stepTo(at);
      // Frozen at `at` exactly: a running clock may have ticked since it was set there.
      this.clock.freeze(at);
    });
  }

  /** Lets time run again from the current sandbox time. */
  resume(): void {
    this.clock.resume();
  }

  /** Back to real time, running (a jump, backward or forward, that runs nothing: it follows a reset). */
  realTime(): Promise<void> {
    return this.exclusive(async () => this.clock.realTime());
  }

  /** Runs what is due at the current time. */
  runDue(): Promise<void> {
    return this.exclusive(() => this.runAt(this.clock.now()));
  }

  /** Waits until every task's outstanding work (webhooks in flight) has finished. */
  async settle(): Promise<void> {
    await this.queue;
    for (const { task } of this.tasks) await task.settle?.();
  }

  /** Checks for due work every second while the clock runs; a frozen clock only moves through this class. */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.clock.frozen) void this.runDue();
    }, TICK_MS);
    // A sandbox must never keep the process (or a test runner) alive by itself.
    (this.timer as { unref?: () => void }).unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async stepTo(target: number): Promise<void> {
    let lastRun = -Infinity;
    for (;;) {
      const next = this.nextDue();
      // A task whose due time did not move past the instant it just ran at would loop forever: stop stepping.
      if (next === null || next > target || next <= lastRun) break;
      if (next > this.clock.now()) this.clock.set(next);
      lastRun = this.clock.now();
      await this.runAt(lastRun);
    }
    this.clock.set(target);
    await this.runAt(target);
  }

  private async runAt(now: number): Promise<void> {
    for (const { task } of this.tasks) {
      await task.runDue(now);
      // Webhooks a step sent may schedule retries; they must be known before the next step is chosen.
      await task.settle?.();
    }
  }

  private nextDue(): number | null {
    let next: number | null = null;
    for (const { task } of this.tasks) {
      const due = task.nextDue();
      if (due !== null && (next === null || due < next)) next = due;
    }
    return next;
  }

  /** Runs passes one after another; a failed pass never blocks the next. */
  private exclusive(pass: () => Promise<void>): Promise<void> {
    const run = this.queue.then(pass, pass);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
