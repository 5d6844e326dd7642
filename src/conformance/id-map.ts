import { isObject, type Json } from './exchange.js';

// Ids the upstream issued, mapped to the ones the replay target issued for the same exchange, so later requests
// refer to the target's records. Only imp_uid is issued by the API: customer_uid and merchant_uid are the
// merchant's own and are sent as recorded, and the token is the target's own (replay.ts fetches it).

const ISSUED = new Set(['imp_uid']);

export class IdMap {
  private readonly ids = new Map<string, string>();

  /** Learns every issued id that differs between the recorded answer and the target's, walking both alike. */
  learn(recorded: Json, actual: Json, key = ''): void {
    if (ISSUED.has(key) && typeof recorded === 'string' && typeof actual === 'string' && recorded !== actual) {
      this.ids.set(recorded, actual);
      return;
    }
    if (Array.isArray(recorded) && Array.isArray(actual)) recorded.forEach((item, i) => this.learn(item, actual[i] ?? null, key));
    else if (isObject(recorded) && isObject(actual)) for (const [k, v] of Object.entries(recorded)) this.learn(v, actual[k] ?? null, k);
  }

  text(value: string): string {
    let out = value;
    for (const [from, to] of this.ids) out = out.split(from).join(to);
    return out;
  }

  json(value: Json): Json {
    if (typeof value === 'string') return this.text(value);
    if (Array.isArray(value)) return value.map((item) => this.json(item));
    if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, this.json(v)]));
    return value;
  }
}
