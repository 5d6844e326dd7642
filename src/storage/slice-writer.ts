import type { FileHandle } from 'node:fs/promises';

/** How much one slice of the base file holds before it is written and the event loop runs. */
const SLICE_BYTES = 1024 * 1024;

/**
 * Gathers ASCII text into one reused buffer and writes it a slice at a time. Each piece of text is copied out as
 * soon as it is made, so it dies young; text joined into a string slice instead lives on through the write that
 * awaits it, is promoted to the old generation and grows the heap for as long as V8 keeps the pages.
 */
export class SliceWriter {
  private readonly buffer = Buffer.allocUnsafe(SLICE_BYTES);
  private used = 0;
  /** Bytes written so far. */
  bytes = 0;

  constructor(private readonly handle: FileHandle) {}

  /** Adds `text` (ASCII only); answers a promise, to be awaited, only when a slice is written first. */
  put(text: string): Promise<void> | undefined {
    if (text.length <= this.buffer.length - this.used) {
      this.used += this.buffer.write(text, this.used, 'latin1');
      return undefined;
    }
    return this.flush().then(() => this.putAfterFlush(text));
  }

  /** Writes what the buffer holds. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    await this.handle.writeFile(this.buffer.subarray(0, this.used));
    this.bytes += this.used;
    this.used = 0;
  }

  private async putAfterFlush(text: string): Promise<void> {
    if (text.length <= this.buffer.length) {
      this.used += this.buffer.write(text, 0, 'latin1');
      return;
    }
    await this.handle.writeFile(text, 'latin1');
    this.bytes += text.length;
  }
}
