import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { bitString, boolean, explicit, implicit, namedBits, objectIdentifier, octetString, sequence, set, subjectOf, time, unsignedInteger, utf8String } from './der.js';

// A local certificate authority and the server certificate it signs, so that a client whose address is fixed in
// its code (https://api.iamport.kr) can be pointed at the sandbox by name and trust it once the CA is trusted.

/** The names the server certificate holds: the vendor's API host, and this machine's. */
export const SERVER_NAMES = { dns: ['api.iamport.kr', 'localhost'], ip: ['127.0.0.1'] } as const;

const DAY = 86_400_000;
/** Ten years: a CA imported into a truststore should outlive the projects that trust it. */
const CA_DAYS = 3650;
/** Browsers and recent JDKs refuse a server certificate valid longer than 398 days. */
const SERVER_DAYS = 397;

/** A certificate and its private key, both PEM. */
export interface Issued {
  cert: string;
  key: string;
}

const OID = {
  commonName: '2.5.4.3',
  organization: '2.5.4.10',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  serverAuth: '1.3.6.1.5.5.7.3.1',
};

/** keyUsage bits (RFC 5280 §4.2.1.3). */
const USAGE = { digitalSignature: 0, keyCertSign: 5, cRLSign: 6 };

const name = (commonName: string) =>
  sequence([
    set([sequence([objectIdentifier(OID.organization), utf8String('iamport-sandbox')])]),
    set([sequence([objectIdentifier(OID.commonName), utf8String(commonName)])]),
  ]);

const extension = (oid: string, critical: boolean, value: Uint8Array) =>
  sequence([objectIdentifier(oid), ...(critical ? [boolean(true)] : []), octetString(value)]);

/** RFC 5280 §4.2.1.2 method 1: the SHA-1 of the public key's bits (the point, the SPKI's last 65 bytes on P-256). */
function keyIdentifier(publicKey: KeyObject): Buffer {
  const jwk = publicKey.export({ format: 'jwk' });
  const point = Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x!, 'base64url'), Buffer.from(jwk.y!, 'base64url')]);
  return createHash('sha1').update(point).digest();
}

/** 16 random bytes, the first kept in 0x40–0x7f so the serial is positive and always 16 bytes long. */
function serialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x3f) | 0x40;
  return unsignedInteger(bytes);
}

const pem = (label: string, der: Buffer) => `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n').replace(/\n?$/, '\n')}-----END ${label}-----\n`;

interface Signing {
  subject: Buffer;
  subjectKey: KeyObject;
  issuer: Buffer;
  issuerKey: KeyObject;
  issuerKeyId: Buffer;
  days: number;
  extensions: Buffer[];
  now: Date;
}

/** The certificate (RFC 5280 §4.1): the to-be-signed part, then its ECDSA-SHA256 signature by the issuer's key. */
function certificate(s: Signing): string {
  const algorithm = sequence([objectIdentifier(OID.ecdsaWithSha256)]);
  const notBefore = new Date(Math.floor(s.now.getTime() / 1000) * 1000 - DAY);
  const tbs = sequence([
    explicit(0, unsignedInteger(Buffer.from([2]))),
    serialNumber(),
    algorithm,
    s.issuer,
    sequence([time(notBefore), time(new Date(notBefore.getTime() + s.days * DAY))]),
    s.subject,
    s.subjectKey.export({ type: 'spki', format: 'der' }),
    explicit(3, sequence([...s.extensions, extension(OID.authorityKeyIdentifier, false, sequence([implicit(0, s.issuerKeyId)]))])),
  ]);
  return pem('CERTIFICATE', sequence([tbs, algorithm, bitString(sign('sha256', tbs, s.issuerKey))]));
}

const newKeyPair = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
const keyPem = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

/** A self-signed CA that may sign server certificates and nothing below them. */
export function createCa(): Issued {
  const now = new Date();
  const { publicKey, privateKey } = newKeyPair();
  const keyId = keyIdentifier(publicKey);
  // The date tells two of these CAs apart in a truststore's list.
  const subject = name(`iamport-sandbox local CA ${now.toISOString().slice(0, 10)}`);
  const cert = certificate({
    subject,
    subjectKey: publicKey,
    issuer: subject,
    issuerKey: privateKey,
    issuerKeyId: keyId,
    days: CA_DAYS,
    now,
    extensions: [
      extension(OID.basicConstraints, true, sequence([boolean(true), unsignedInteger(Buffer.from([0]))])),
      extension(OID.keyUsage, true, namedBits([USAGE.keyCertSign, USAGE.cRLSign])),
      extension(OID.subjectKeyIdentifier, false, octetString(keyId)),
    ],
  });
  return { cert, key: keyPem(privateKey) };
}

/** A server certificate for SERVER_NAMES, signed by `ca`. */
export function createServerCertificate(ca: Issued): Issued {
  const now = new Date();
  const { publicKey, privateKey } = newKeyPair();
  const caCert = new X509Certificate(ca.cert);
  const altNames = [
    ...SERVER_NAMES.dns.map((dns) => implicit(2, Buffer.from(dns, 'ascii'))),
    ...SERVER_NAMES.ip.map((ip) => implicit(7, Buffer.from(ip.split('.').map(Number)))),
  ];
  const cert = certificate({
    subject: name(SERVER_NAMES.dns[0]),
    subjectKey: publicKey,
    issuer: subjectOf(caCert.raw),
    issuerKey: createPrivateKey(ca.key),
    issuerKeyId: keyIdentifier(caCert.publicKey),
    days: SERVER_DAYS,
    now,
    extensions: [
      extension(OID.basicConstraints, true, sequence([])),
      extension(OID.keyUsage, true, namedBits([USAGE.digitalSignature])),
      extension(OID.extKeyUsage, false, sequence([objectIdentifier(OID.serverAuth)])),
      extension(OID.subjectAltName, false, sequence(altNames)),
      extension(OID.subjectKeyIdentifier, false, octetString(keyIdentifier(publicKey))),
    ],
  });
  return { cert, key: keyPem(privateKey) };
}
