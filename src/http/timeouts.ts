/** Bounds on a connection's time, so slow or silent clients cannot hold sockets open. Milliseconds. */
export interface HttpTimeouts {
  /** The whole request, headers and body, from its first byte (answered 408). */
  request: number;
  /** The headers alone (answered 408); at most `request`, as Node requires. */
  headers: number;
  /** An idle keep-alive connection between requests (closed). */
  keepAlive: number;
}

export const DEFAULT_TIMEOUTS: HttpTimeouts = { request: 30_000, headers: 10_000, keepAlive: 5_000 };
