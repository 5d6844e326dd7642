import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiAnswer, Json } from './exchange.js';

// A recording on disk: DIR/exchanges.jsonl, one redacted exchange a line, in the order the upstream answered them.

export interface RecordedExchange {
  seq: number;
  method: string;
  path: string;
  /** The request body as the client sent it (JSON, or form fields), redacted; absent without a body. */
  body?: Json;
  form: boolean;
  /** Whether the client sent an access token (its value is never kept). */
  authorized: boolean;
  answer: ApiAnswer;
}

export const recordingFile = (dir: string): string => join(dir, 'exchanges.jsonl');

/** Appends exchanges in the order they are given, one write at a time, however fast they come. */
export class RecordingWriter {
  private queue: Promise<void>;

  constructor(private readonly dir: string) {
    this.queue = mkdir(dir, { recursive: true }).then(() => undefined);
  }

  append(exchange: RecordedExchange): Promise<void> {
    this.queue = this.queue.then(() => appendFile(recordingFile(this.dir), JSON.stringify(exchange) + '\n'));
    return this.queue;
  }

  /** Settles once every exchange appended so far is on disk. */
  flushed(): Promise<void> {
    return this.queue;
  }
}

export async function readRecording(dir: string): Promise<RecordedExchange[]> {
  const text = await readFile(recordingFile(dir), 'utf8');
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as RecordedExchange);
}
