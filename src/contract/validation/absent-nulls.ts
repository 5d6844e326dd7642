// The vendor reads a JSON `null` as a field not sent: `{"pg": null, "buyer_email": null}` charges like a body
// without them (clients that serialise every field of a request object send nulls for the ones they leave unset).
// Dropping nulls before validation does it once for every operation: an optional field is then absent, and a
// required one is reported missing, as it would be if left out.

/** Whether parsed JSON holds an object member whose value is null, at any depth. */
function holdsNullMember(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(holdsNullMember);
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (item === null || holdsNullMember(item)) return true;
  }
  return false;
}

function copyWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyWithoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).flatMap(([key, item]) => (item === null ? [] : [[key, copyWithoutNulls(item)]])));
}

/**
 * Parsed JSON without the object members whose value is null, at any depth (array items stay). A body with no
 * null member, the common one, is returned as it is rather than copied.
 */
export function withoutNulls(value: unknown): unknown {
  return holdsNullMember(value) ? copyWithoutNulls(value) : value;
}
