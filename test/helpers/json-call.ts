// A JSON request to a running sandbox, as the page tests make their data: the body as JSON, the merchant's token
// when there is one (read at each call: tests set it once the server is up), the answer's JSON.

/** `call(method, path, body?, auth = true)` against the base URL and token the getters give at the time of the call. */
export function jsonCall(base: () => string, token: () => string | undefined) {
  return async (method: string, path: string, body?: unknown, auth = true): Promise<any> => {
    const bearer = auth ? token() : undefined;
    const res = await fetch(base() + path, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return (await res.json()) as any;
  };
}
