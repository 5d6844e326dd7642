import { open } from 'node:fs/promises';
import { UnreadableDataFileError } from './errors.js';
import { eachLine } from './file-lines.js';
import { asShape, builderOf, widthOf, type Builder } from './record-shapes.js';

/** The header's "layout" of the column layout (`writeBaseFile`); a header without one is the one-record-per-line layout. */
export const COLUMNS_LAYOUT = 'columns';

/** A collection's shapes as read so far in the column layout, each with its builder and width. */
type Shapes = { build: Builder; width: number }[];

/**
 * Reads the layouts `writeBaseFile` writes, one line at a time: the column layout, and the one-record-per-line
 * layout of earlier versions (each record a JSON object). Anything else is refused, naming the line; `layout`
 * learns whether the header named a layout, so a broken column-layout file is not read again as another layout.
 */
export async function readByLine(file: string, wholeFileLimit: number, layout: { columns: boolean }): Promise<Record<string, unknown>> {
  const reader = new LineReader(file, wholeFileLimit, layout);
  const handle = await open(file);
  try {
    // The first line is the short header; a file whose first chunk holds no line break is another layout.
    await eachLine(handle, (line) => reader.line(line), () => reader.refuse("not the snapshot's first line"));
  } finally {
    await handle.close();
  }
  return reader.end();
}

class LineReader {
  private n = 0;
  private whole: Record<string, unknown> | null = null;
  private records: unknown[] | null = null;
  private shapes: Shapes = [];
  private ended = false;
  /** The layout the header names. */
  private named: unknown;

  constructor(
    private readonly file: string,
    private readonly wholeFileLimit: number,
    private readonly layout: { columns: boolean },
  ) {}

  refuse(problem: string): UnreadableDataFileError {
    const which = this.layout.columns
      ? `a file in the sandbox's layout ${JSON.stringify(this.named)}`
      : `a file over ${Math.round(this.wholeFileLimit / 1024 / 1024)} MiB must keep the one-record-per-line layout the sandbox writes`;
    return new UnreadableDataFileError(this.file, `line ${Math.max(this.n, 1)}: ${problem} (${which})`);
  }

  line(line: string): void {
    this.n++;
    if (this.ended) {
      if (line.trim() !== '') throw this.refuse('text after the end of the snapshot');
    } else if (this.whole === null) this.header(line);
    else if (this.records === null) {
      const name = line.endsWith(':[') ? this.parse(line.slice(0, -2)) : null;
      if (typeof name !== 'string') throw this.refuse('not the start of a collection ("name":[)');
      this.whole[name] = this.records = [];
      this.shapes = [];
    } else if (line === '],' || line === ']}') {
      this.records = null;
      this.ended = line === ']}';
    } else {
      const value = this.parse(line.endsWith(',') ? line.slice(0, -1) : line);
      if (this.layout.columns) this.columns(value, this.records);
      else this.records.push(value);
    }
  }

  end(): Record<string, unknown> {
    if (!this.ended) throw this.refuse('the file ends before the snapshot does');
    return this.whole!;
  }

  private header(line: string): void {
    const header = line.endsWith(',') ? this.parse(`${line.slice(0, -1)}}`) : null;
    if (typeof header !== 'object' || header === null || Array.isArray(header)) throw this.refuse("not the snapshot's first line");
    const { layout, ...whole } = header as Record<string, unknown>;
    // Any header naming a layout is the sandbox's own: a layout it does not know is not read as another one.
    this.layout.columns = layout !== undefined;
    this.named = layout;
    if (layout !== undefined && layout !== COLUMNS_LAYOUT) throw this.refuse('a layout this version does not know (written by a newer one?)');
    this.whole = whole;
  }

  /** A line of the column layout: a record ([shape index, ...values]), or the next shape ({"shape":[...]}) of the collection. */
  private columns(value: unknown, records: unknown[]): void {
    if (Array.isArray(value)) {
      const shape = typeof value[0] === 'number' ? this.shapes[value[0]] : undefined;
      if (!shape) throw this.refuse('a record of a shape not declared before it');
      if (value.length !== shape.width + 1) throw this.refuse(`a record of ${value.length - 1} values where its shape has ${shape.width}`);
      records.push(shape.build(value));
      return;
    }
    const shape = typeof value === 'object' && value !== null ? asShape((value as { shape?: unknown }).shape) : null;
    if (!shape) throw this.refuse('neither a record ([shape, ...values]) nor a shape ({"shape":[...]})');
    this.shapes.push({ build: builderOf(shape), width: widthOf(shape) });
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw this.refuse(`not valid JSON (${(error as Error).message})`);
    }
  }
}
