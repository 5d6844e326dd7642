/**
 * A record's key structure, written once per collection in the base file's column layout so that each record is
 * only its values: each entry is a key whose value is stored as it is (text, number, list, null), or [key, shape]
 * for a value that is itself an object. The order of the entries is the order of the record's keys.
 */
export type Shape = (string | [string, Shape])[];

/**
 * Objects whose keys go into the shape: those a record holds directly (a payment's `payment`), whose keys its
 * schema fixes. Anything else is one value: a list, null, an object with a toJSON, and objects nested deeper,
 * whose keys may vary from record to record and would each make a shape of their own.
 */
const isNested = (value: unknown, depth: number): value is Record<string, unknown> =>
  depth === 0 && typeof value === 'object' && value !== null && !Array.isArray(value) && !('toJSON' in value);

/** The shape of `record`. A key holding undefined is left out, as JSON.stringify leaves it out. */
export function shapeOf(record: Record<string, unknown>, depth = 0): Shape {
  const shape: Shape = [];
  for (const key in record) {
    const value = record[key];
    if (value === undefined) continue;
    shape.push(isNested(value, depth) ? [key, shapeOf(value, depth + 1)] : key);
  }
  return shape;
}

/** Whether `record` has exactly `shape`: the writer checks each record against the previous one's shape. */
export function fits(record: Record<string, unknown>, shape: Shape, depth = 0): boolean {
  let i = 0;
  for (const key in record) {
    const value = record[key];
    if (value === undefined) continue;
    const entry = shape[i++];
    if (entry === undefined) return false;
    const nested = isNested(value, depth);
    if (typeof entry === 'string' ? entry !== key || nested : entry[0] !== key || !nested || !fits(value, entry[1], depth + 1)) return false;
  }
  return i === shape.length;
}

/** Appends `record`'s values to `out` in the order of its shape. */
export function pushValues(record: Record<string, unknown>, out: unknown[], depth = 0): void {
  for (const key in record) {
    const value = record[key];
    if (value === undefined) continue;
    if (isNested(value, depth)) pushValues(value, out, depth + 1);
    else out.push(value);
  }
}

/** How many values a record of `shape` has. */
export function widthOf(shape: Shape): number {
  let width = 0;
  for (const entry of shape) width += typeof entry === 'string' ? 1 : widthOf(entry[1]);
  return width;
}

/** `value` as a shape, or null when it is not one (a shape read from a file is checked before it is used). */
export function asShape(value: unknown): Shape | null {
  if (!Array.isArray(value)) return null;
  for (const entry of value) {
    if (typeof entry === 'string') continue;
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string' || asShape(entry[1]) === null) return null;
  }
  return value as Shape;
}

/** Makes the record back from `values` (the shape's values from index 1 on: index 0 names the shape). */
export type Builder = (values: unknown[]) => Record<string, unknown>;

/**
 * The builder of `shape`: a function made for it that is one object literal, so every record of a shape gets the
 * same hidden class at once, as JSON.parse gives it, instead of one transition per key. The keys enter the code
 * only as JSON string literals (JSON.stringify of a checked string). A literal `__proto__:` key would set the
 * prototype instead of a key, so a shape holding one is built key by key.
 */
export function builderOf(shape: Shape): Builder {
  if (mentionsProto(shape)) return (values) => buildSlowly(shape, values, { next: 1 });
  let next = 1;
  const literal = (s: Shape): string =>
    `{${s.map((entry) => (typeof entry === 'string' ? `${JSON.stringify(entry)}:v[${next++}]` : `${JSON.stringify(entry[0])}:${literal(entry[1])}`)).join(',')}}`;
  return new Function('v', `return ${literal(shape)};`) as Builder;
}

const mentionsProto = (shape: Shape): boolean => shape.some((e) => (typeof e === 'string' ? e === '__proto__' : e[0] === '__proto__' || mentionsProto(e[1])));

function buildSlowly(shape: Shape, values: unknown[], at: { next: number }): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const entry of shape) {
    const [key, value] = typeof entry === 'string' ? [entry, values[at.next++]] : [entry[0], buildSlowly(entry[1], values, at)];
    Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return record;
}
