/**
 * A deep copy of a plain JSON record, so no caller can edit what is stored through an object it was given.
 * Records are plain JSON data, for which a direct walk is several times faster than structuredClone (hot path).
 */
export function copy<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copy) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key in value) out[key] = copy((value as Record<string, unknown>)[key]);
    return out as T;
  }
  return value;
}
