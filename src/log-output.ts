// Where the CLI's log lines go. pino's default destination writes every line to stdout with its own system call
// as it is logged (~7 µs per request, more under load). Here the lines of one turn of the event loop are gathered
// and written together just after it, in order and still synchronously (a pipe or file on Linux), so a request
// costs a string append. Lines are written before the process exits, however it exits, except by SIGKILL (or a
// crash of Node itself): then at most the lines of the last turn are lost, never data (the store writes its own).

/** A pino destination that writes to stdout once per turn of the event loop. */
export class LogOutput {
  #pending = '';
  #scheduled = false;
  readonly #flushSoon = () => {
    this.#scheduled = false;
    this.flush();
  };

  constructor() {
    process.once('exit', () => this.flush());
  }

  write(line: string): boolean {
    this.#pending += line;
    // Bounded, so a burst of lines within one turn cannot grow without limit.
    if (this.#pending.length >= 1 << 16) this.flush();
    else if (!this.#scheduled) {
      this.#scheduled = true;
      setImmediate(this.#flushSoon);
    }
    return true;
  }

  /** Writes what is pending now (the CLI does before its banner, so the log keeps its order). */
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
