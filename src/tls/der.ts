// The few DER (X.690) encodings an X.509 certificate is made of: tag, length, value, nothing more. Node can sign
// and parse certificates but not write one, and a CA of our own is worth no dependency and no openssl at run time.

/** One encoded value: its tag byte, then its length and contents. */
function tlv(tag: number, contents: Uint8Array): Buffer {
  const n = contents.length;
  let length: Buffer;
  if (n < 0x80) length = Buffer.from([n]);
  else {
    const bytes: number[] = [];
    for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
    length = Buffer.from([0x80 | bytes.length, ...bytes]);
  }
  return Buffer.concat([Buffer.from([tag]), length, contents]);
}

export const sequence = (items: readonly Uint8Array[]): Buffer => tlv(0x30, Buffer.concat(items));
export const set = (items: readonly Uint8Array[]): Buffer => tlv(0x31, Buffer.concat(items));
export const octetString = (bytes: Uint8Array): Buffer => tlv(0x04, bytes);
export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));
export const boolean = (value: boolean): Buffer => tlv(0x01, Buffer.from([value ? 0xff : 0x00]));

/** A non-negative INTEGER from its big-endian bytes, in the fewest bytes DER allows (a 0x00 keeps it positive). */
export function unsignedInteger(bytes: Uint8Array): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const trimmed = bytes.subarray(start);
  return tlv(0x02, (trimmed[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : Buffer.from(trimmed));
}

/** A BIT STRING of whole bytes (a signature, a key). */
export const bitString = (bytes: Uint8Array): Buffer => tlv(0x03, Buffer.concat([Buffer.from([0]), bytes]));

/** A BIT STRING of named bits (bit 0 is the first byte's high bit), trailing zero bits dropped as DER requires. */
export function namedBits(bits: readonly number[]): Buffer {
  const last = bits.reduce((max, bit) => Math.max(max, bit), 0);
  const bytes = Buffer.alloc(Math.floor(last / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return tlv(0x03, Buffer.concat([Buffer.from([7 - (last & 7)]), bytes]));
}

export function objectIdentifier(dotted: string): Buffer {
  const arcs = dotted.split('.').map(Number);
  const bytes: number[] = [arcs[0]! * 40 + arcs[1]!];
  for (const arc of arcs.slice(2)) {
    const at = bytes.length;
    bytes.push(arc & 0x7f);
    for (let rest = arc >>> 7; rest > 0; rest >>>= 7) bytes.splice(at, 0, 0x80 | (rest & 0x7f));
  }
  return tlv(0x06, Buffer.from(bytes));
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime after, both in UTC to the second. */
export function time(date: Date): Buffer {
  const text = date.toISOString().replace(/[-:T]/g, '').replace(/\.\d{3}/, '');
  return date.getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(text.slice(2), 'ascii')) : tlv(0x18, Buffer.from(text, 'ascii'));
}

/** `[n]` EXPLICIT: the value wrapped in a constructed context tag. */
export const explicit = (n: number, value: Uint8Array): Buffer => tlv(0xa0 | n, value);

/** `[n]` IMPLICIT of a primitive value: the contents under a context tag of their own. */
export const implicit = (n: number, contents: Uint8Array): Buffer => tlv(0x80 | n, contents);

/** Where one encoded value lies in `der`: from its tag at `at` through `end`, its contents from `contents`. */
interface Span {
  tag: number;
  at: number;
  contents: number;
  end: number;
}

function spanAt(der: Uint8Array, at: number): Span {
  const first = der[at + 1]!;
  let length = first;
  let contents = at + 2;
  if (first & 0x80) {
    length = 0;
    for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + der[contents++]!;
  }
  if (contents + length > der.length) throw new Error('DER value runs past its end');
  return { tag: der[at]!, at, contents, end: contents + length };
}

/** The encoded values inside a constructed one. */
function childrenOf(der: Uint8Array, parent: Span): Span[] {
  const children: Span[] = [];
  for (let at = parent.contents; at < parent.end; at = children[children.length - 1]!.end) children.push(spanAt(der, at));
  return children;
}

/**
 * The subject Name of a certificate, encoded as it is there: a certificate it issues must name its issuer with the
 * same bytes (RFC 5280 §7.1), whatever the name holds.
 */
export function subjectOf(certificate: Uint8Array): Buffer {
  const tbs = childrenOf(certificate, spanAt(certificate, 0))[0]!;
  const fields = childrenOf(certificate, tbs);
  // version [0] is optional; then serial, signature, issuer, validity, subject.
  const subject = fields[fields[0]!.tag === 0xa0 ? 5 : 4]!;
  return Buffer.from(certificate.subarray(subject.at, subject.end));
}
