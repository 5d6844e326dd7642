/**
 * Form bodies and query strings read as the vendor's server (PHP) reads them (`php_register_variable_ex`, PHP 8),
 * so a client that works live works here (issue #23, point 16). URLSearchParams decodes the pairs; the names follow
 * PHP's rules: leading spaces are dropped (`imp_key=K& imp_secret=S`), spaces and dots in a name become `_`,
 * `a[]=x&a[]=y` is a list and `a[k]=v` a map, nesting as deep as PHP's default `max_input_nesting_level` (64).
 * A later value of the same name replaces an earlier one. A map whose keys are all indices is a list, in the order
 * of its indices (`schedules[0][amount]`), since PHP has one kind of array and the schemas ask for lists.
 */
type FormValue = string | FormValue[] | { [key: string]: FormValue };
type FormMap = Record<string, FormValue>;

/** A name as PHP files it: the variable, then the keys of `[…]` (null for `[]`, appended). */
interface PhpName {
  variable: string;
  keys: (string | null)[];
}

const MAX_NESTING = 64;
const INDEX = /^(0|[1-9][0-9]{0,14})$/;

/** PHP's name rules; null when PHP drops the pair (an empty name, or nested past MAX_NESTING). */
export function phpName(raw: string): PhpName | null {
  const name = raw.replace(/^ +/, '');
  const open = name.indexOf('[');
  const plain = (text: string) => text.replace(/[ .]/g, '_');
  if (open === 0) return null;
  if (open === -1) return name === '' ? null : { variable: plain(name), keys: [] };
  // A `[` never closed is no list: it, and the spaces, dots and `[` after it, become `_` (PHP 8).
  if (name.indexOf(']', open) === -1) return { variable: plain(name.slice(0, open)) + name.slice(open).replace(/[ .[]/g, '_'), keys: [] };
  const keys: (string | null)[] = [];
  let at = open;
  // Each `[key]` follows the last; what comes after a `]` not followed by `[` (or a `[` never closed) is ignored.
  while (name[at] === '[') {
    const close = name.indexOf(']', at + 1);
    if (close === -1) break;
    if (keys.length === MAX_NESTING) return null;
    keys.push(close === at + 1 ? null : name.slice(at + 1, close));
    at = close + 1;
  }
  return { variable: plain(name.slice(0, open)), keys };
}

const isMap = (value: FormValue | undefined): value is FormMap => typeof value === 'object' && !Array.isArray(value);

/**
 * Where `[]` appends in each map: one past its largest index so far (PHP's next index), else 0. Kept as the map
 * fills rather than counted from its keys, so a body of a million `a[]=` costs no more than one of a million names.
 */
type NextIndices = WeakMap<FormMap, number>;

function put(map: FormMap, key: string, value: FormValue, next: NextIndices): void {
  map[key] = value;
  if (INDEX.test(key)) next.set(map, Math.max(next.get(map) ?? 0, Number(key) + 1));
}

/** Files `value` under `name` in `form`, as PHP fills `$_POST` (inside a list or map, replacing a text). */
function file(form: FormMap, { variable, keys }: PhpName, value: string, next: NextIndices): void {
  let map = form;
  let key = variable;
  for (const inner of keys) {
    const held = map[key];
    let child: FormMap;
    if (isMap(held)) child = held;
    else put(map, key, (child = Object.create(null) as FormMap), next);
    map = child;
    key = inner ?? String(next.get(child) ?? 0);
  }
  put(map, key, value, next);
}

/** Maps whose keys are all indices, as lists ordered by index; other values as they are. */
function withLists(value: FormValue): FormValue {
  if (!isMap(value)) return value;
  const keys = Object.keys(value);
  if (keys.length > 0 && keys.every((key) => INDEX.test(key))) {
    return keys.sort((a, b) => Number(a) - Number(b)).map((key) => withLists(value[key]!));
  }
  const out: FormMap = Object.create(null);
  for (const key of keys) out[key] = withLists(value[key]!);
  return out;
}

/** A form body or a query string, as PHP's `$_POST` or `$_GET` would hold it. */
export function readForm(text: string): FormMap {
  // Most requests have no query string: nothing to parse.
  if (text === '') return Object.create(null) as FormMap;
  const form: FormMap = Object.create(null);
  const next: NextIndices = new WeakMap();
  for (const [raw, value] of new URLSearchParams(text)) {
    const name = phpName(raw);
    if (name) file(form, name, value, next);
  }
  const out: FormMap = Object.create(null);
  for (const [key, value] of Object.entries(form)) out[key] = withLists(value);
  return out;
}
