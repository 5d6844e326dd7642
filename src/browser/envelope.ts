/** The vendor's answer around every JSON response, as the sandbox's operations send it. */
export interface Envelope<T> {
  code: number;
  message: string | null;
  response: T | null;
}

/** POSTs `body` as JSON to `url` and reads the envelope of the answer. */
export async function postJson<T>(url: string, body: unknown): Promise<Envelope<T>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return (await res.json()) as Envelope<T>;
}
