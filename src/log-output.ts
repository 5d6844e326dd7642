// Where the CLI's log lines go. pino's default destination writes every line to stdout with its own system call
// as it is logged (~7 µs per request, more under load, and more again on a VM). Here lines are gathered and
// written together at most FLUSH_MS after the first of them (or once 64 KiB are pending), in order and still
// synchronously (a pipe or file on Linux), so a request costs a string append and a busy server one write per
// FLUSH_MS. Lines are written before the process exits, however it exits, except by SIGKILL (or a crash of Node
// itself): then at most the last FLUSH_MS of lines are lost, never data (the store writes its own).

/** How long a line may wait for others to be written with it, in milliseconds. */
const FLUSH_MS = 20;

/** A pino destination that writes to stdout in batches, at most FLUSH_MS after a line is logged. */
export class LogOutput {
  #pending = '';
  #scheduled = false;
  #held = false;
  readonly #flushSoon = () => {
    this.#scheduled = false;
    this.flush();
  };

  constructor() {
    process.once('exit', () => this.flush());
  }

  write(line: string): boolean {
    this.#pending += line;
    if (this.#held) return true;
    // Bounded, so a burst of lines within one turn cannot grow without limit.
    if (this.#pending.length >= 1 << 16) this.flush();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      setTimeout(this.#flushSoon, FLUSH_MS);
    }
    return true;
  }

  /**
   * Keeps every line until `release`: the CLI holds what is logged while it starts (Fastify's "Server listening
   * at") so that its banner is the first thing on stdout. Lines still go out if the process exits meanwhile.
   */
  hold(): void {
    this.#held = true;
  }

  /** Writes `first` (the banner), then the lines held, and goes back to writing in batches. */
  release(first: string): void {
    this.#held = false;
    this.#pending = first + this.#pending;
    this.flush();
  }

  /** Writes what is pending now. */
  flush(): void {
    if (this.#pending === '') return;
    const text = this.#pending;
    this.#pending = '';
    process.stdout.write(text);
  }
}

let shared: LogOutput | undefined;
/** The one LogOutput over stdout, made on first use. */
export function stdoutLog(): LogOutput {
  return (shared ??= new LogOutput());
}
