/**
 * The host to print in a URL for a server listening on `host`: a wildcard address is reached at loopback, and an
 * IPv6 address needs its brackets.
 */
export function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
