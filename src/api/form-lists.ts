/**
 * Form bodies name list entries PHP-style (`schedules[0][merchant_uid]=a&schedules[0][amount]=1000`), the way
 * form-encoding clients send the vendor's `schedules`. Such keys become an array of objects under `schedules`;
 * every other key (`merchant_uid[]` included) is left as it is.
 */
const INDEXED = /^([A-Za-z_][A-Za-z0-9_]*)\[([0-9]{1,3})\]\[([A-Za-z_][A-Za-z0-9_]*)\]$/;

export function nestIndexedFields(form: Record<string, string | string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  const lists = new Map<string, Record<string, unknown>[]>();
  for (const [key, value] of Object.entries(form)) {
    const match = INDEXED.exec(key);
    if (!match) {
      out[key] = value;
      continue;
    }
    const [, name, index, field] = match as unknown as [string, string, string, string];
    let list = lists.get(name);
    if (!list) lists.set(name, (list = []));
    (list[Number(index)] ??= Object.create(null) as Record<string, unknown>)[field] = value;
  }
  // Holes (schedules[0], schedules[2]) close up; entries keep their order.
  for (const [name, list] of lists) out[name] = list.filter((entry) => entry !== undefined);
  return out;
}
