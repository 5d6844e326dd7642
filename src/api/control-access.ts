import { errors } from '../core/errors.js';
import type { HeaderLookup } from './request.js';

// Who may call the control API. It can reset the sandbox, read every live token and move the clock, so a
// browser on a foreign site (CSRF, DNS rebinding) must not reach it, and off loopback it takes a key.
// The vendor routes are not guarded here: the real API answers any caller that holds a token.

/** The header that carries the control key. */
export const CONTROL_KEY_HEADER = 'X-Sandbox-Control-Key';

export interface ControlAccess {
  /** Host names (a Host header may add a port) the control API answers to, besides the loopback names. */
  allowedHosts?: readonly string[];
  /** Origins besides the request's own that may call it (the public URL's, behind a proxy). */
  allowedOrigins?: readonly string[];
  /** When set, every control request must carry it in `X-Sandbox-Control-Key`. */
  key?: string | null;
}

/** The host name of a Host header (`Example.test:8080` → `example.test`, `[::1]:80` → `[::1]`); null if it is none. */
export function hostnameOf(host: string): string | null {
  // A Host header is a host and a port only: no user info, path, query or blanks.
  if (host === '' || /[\s/?#@\\]/.test(host)) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

/** Whether a host name only ever reaches this machine: `localhost` (and `*.localhost`), 127.0.0.0/8, `::1`. */
export function isLoopback(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '::1';
}

/** Compares in time independent of where the texts differ, so the key cannot be guessed a character at a time. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < b.length; i++) diff |= (a.charCodeAt(i) || 0) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * The check the pipeline runs before every control operation: a known Host (DNS rebinding), no foreign
 * Origin (a cross-site form or fetch; the sandbox's own pages are same-origin, and servers send none), and
 * the key when one is set. Throws the refusal's envelope.
 */
export function controlGuard({ allowedHosts = [], allowedOrigins = [], key = null }: ControlAccess): (header: HeaderLookup) => void {
  const hosts = new Set(allowedHosts.map((host) => hostnameOf(host) ?? host.toLowerCase()));
  const origins = new Set(allowedOrigins.map((origin) => origin.toLowerCase().replace(/\/+$/, '')));
  return (header) => {
    const host = header('host') ?? '';
    const hostname = hostnameOf(host);
    if (hostname === null || !(isLoopback(hostname) || hosts.has(hostname))) throw errors.controlHostRefused(host || '(none)');
    const origin = header('origin');
    if (origin !== undefined && !sameOrigin(origin, host) && !origins.has(origin.toLowerCase())) throw errors.controlOriginRefused(origin);
    if (key !== null && !sameText(header(CONTROL_KEY_HEADER.toLowerCase()) ?? '', key)) throw errors.controlKeyRequired(CONTROL_KEY_HEADER);
  };
}

/** Whether an Origin is the request's own (`http(s)://` + its Host); `null` (a sandboxed or file page) never is. */
function sameOrigin(origin: string, host: string): boolean {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host === new URL(`${url.protocol}//${host}`).host;
  } catch {
    return false;
  }
}
