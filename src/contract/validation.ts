import type { TSchema } from 'typebox';
import { withoutNulls } from './validation/absent-nulls.js';
import { check } from './validation/ajv.js';
import { withBooleanTexts } from './validation/boolean-text.js';
import { accepted, refused, type Checked } from './validation/checked.js';
import { nonDecimalField } from './validation/number-text.js';
import { problemSentences } from './validation/problem-sentences.js';
import { fits } from './validation/typebox-check.js';
import { inputWording, refusalOf } from './validation/vendor-wording.js';

// The one way input is checked against the contract's schemas: requests (both doors, through src/api/pipeline.ts),
// data files, fixtures and config files. The helpers in ./validation/ are its steps: reading JSON text, reading
// form and query text as numbers and booleans, reading a JSON null as absent, the one Ajv pair, and the two wordings of a
// problem (the vendor's for a request, plain sentences for a file).

export { check } from './validation/ajv.js';
export { MAX_JSON_DEPTH, readJsonText } from './validation/json-text.js';

type RequestPart = 'body' | 'querystring' | 'params';

export interface InputOptions {
  part: RequestPart;
  /** Arrived as text (form bodies, query strings, path parameters), so it is read as the schema's types. */
  fromText: boolean;
  /** The vendor's operations read a JSON `null` member as a field not sent (./validation/absent-nulls.ts). */
  nullsAbsent: boolean;
}

/**
 * One part of a request, checked against its schema: the value to use (defaults filled, text read as the schema's
 * types) or the vendor's message refusing it. Without a schema the part is taken as it is.
 */
export function validateInput(schema: TSchema | undefined, data: unknown, { part, fromText, nullsAbsent }: InputOptions): Checked {
  const read = nullsAbsent ? withoutNulls(data) : data;
  if (!schema) return accepted(read);
  const given = part === 'body' && (read === undefined || read === null) ? {} : read;
  // Text is read as the vendor's PHP server reads it: `1`/`0` are booleans too (./validation/boolean-text.ts).
  const value = fromText ? withBooleanTexts(schema, given) : given;
  const nonDecimal = fromText ? nonDecimalField(schema, value) : null;
  if (nonDecimal !== null) return refused(inputWording.invalidParameter(nonDecimal, inputWording.nonDecimal));
  const problems = check(schema, value, { coerce: fromText });
  return problems ? refused(refusalOf(problems, part)) : accepted(value);
}

/** Every way `value` breaks `schema`, one sentence each naming the field; empty when it fits. */
export function describeProblems(schema: object, value: unknown): string[] {
  if (fits(schema, value)) return [];
  return problemSentences(check(schema, value, { coerce: false }) ?? []);
}
