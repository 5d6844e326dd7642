/**
 * Where access tokens come from. Unlike every other generated value they must not be reproducible from the
 * seed (the seed is public: the banner and `/sandbox/health` print it), so the default draws from the
 * platform's cryptographic generator. Tests that compare two runs byte for byte may inject their own.
 */
export type TokenSource = () => string;

const TOKEN_BYTES = 20;

/** 40 lower-case hex digits from `crypto.getRandomValues` (Node 20 and browsers alike, no `node:` import). */
export const cryptoTokenSource: TokenSource = () => {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(TOKEN_BYTES));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
};
