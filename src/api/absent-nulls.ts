// The vendor reads a JSON `null` as a field not sent: `{"pg": null, "buyer_email": null}` charges like a body
// without them (clients that serialise every field of a request object send nulls for the ones they leave unset).
// Dropping nulls before validation does it once for every operation: an optional field is then absent, and a
// required one is reported missing, as it would be if left out.

/** A copy of parsed JSON without the object members whose value is null, at any depth (array items stay). */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === null ? [] : [[key, withoutNulls(item)]])));
}
