/** Milliseconds since the epoch; everything the API shows is derived from it in whole seconds. */
export interface Clock {
  now(): number;
}

export const toUnixSeconds = (ms: number) => Math.floor(ms / 1000);

/** The sandbox clock as everyone outside the timeline sees it: read-only, since moving time must run what falls due. */
export interface ClockView {
  now(): number;
  readonly frozen: boolean;
}

/**
 * The sandbox clock: real time by default; tests freeze it, set it, or move it forward instead of sleeping.
 * Only the timeline moves it (time/timeline.ts), because moving time must run what falls due on the way.
 */
export class SandboxClock implements ClockView {
  private frozenAt: number | null = null;
  private offset = 0;

  constructor(private readonly source: Clock = { now: () => Date.now() }) {}

  now(): number {
    return this.frozenAt ?? this.source.now() + this.offset;
  }

  /** Stops time at `at` (default: the current sandbox time). */
  freeze(at: number = this.now()): void {
    this.frozenAt = at;
  }

  /** Lets time run again from the current sandbox time. */
  resume(): void {
    if (this.frozenAt === null) return;
    this.offset = this.frozenAt - this.source.now();
    this.frozenAt = null;
  }

  /** Back to the source's time, running. */
  realTime(): void {
    this.frozenAt = null;
    this.offset = 0;
  }

  set(at: number): void {
    if (this.frozenAt !== null) this.frozenAt = at;
    else this.offset = at - this.source.now();
  }

  advance(ms: number): void {
    this.set(this.now() + ms);
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }
}
