import { createPrivateKey, X509Certificate } from 'node:crypto';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { StartupError } from '../startup-error.js';
import { createCa, createServerCertificate, type Issued } from './certificate.js';

// The TLS directory: the local CA and the server certificate it signed. The CA is made once and kept, so a
// truststore that imported it keeps working across restarts; the server certificate is renewed before it expires.

/** The server certificate is made again when fewer days than this remain (it lives 397). */
const RENEW_DAYS = 30;

/** What the HTTPS listener serves, and where the CA a client should trust is. */
export interface TlsMaterial {
  cert: string;
  key: string;
  caFile: string;
}

const FILES = { ca: 'ca.pem', caKey: 'ca-key.pem', cert: 'cert.pem', key: 'key.pem' };

/** A file's text, or null if there is none. */
async function readIfThere(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StartupError(`cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Written through a temp file renamed over it, so a reader never finds half a key; `mode` is set before any byte. */
async function writeWhole(file: string, text: string, mode: number): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, { mode });
  await chmod(temp, mode);
  await rename(temp, file);
}

async function saveIssued(dir: string, issued: Issued, certName: string, keyName: string): Promise<void> {
  await writeWhole(join(dir, keyName), issued.key, 0o600);
  await writeWhole(join(dir, certName), issued.cert, 0o644);
}

/** The kept CA, or a new one if the directory holds none. */
async function caOf(dir: string): Promise<{ ca: Issued; made: boolean }> {
  const [cert, key] = await Promise.all([readIfThere(join(dir, FILES.ca)), readIfThere(join(dir, FILES.caKey))]);
  if (cert !== null && key !== null) {
    refuseOtherKeys(dir, key);
    return { ca: { cert, key }, made: false };
  }
  if (cert !== null || key !== null) {
    throw new StartupError(`${dir} holds only one of ${FILES.ca} and ${FILES.caKey}: remove the other to make a new CA (and trust it again)`);
  }
  const ca = createCa();
  await saveIssued(dir, ca, FILES.ca, FILES.caKey);
  return { ca, made: true };
}

/**
 * A CA of one's own (from a company's PKI, say) may hold an RSA or other key; the certificates here are signed with
 * ECDSA on P-256 only, so any other key is refused by name before anything is signed with it.
 */
function refuseOtherKeys(dir: string, key: string): void {
  let found: string;
  try {
    const parsed = createPrivateKey(key);
    const curve = parsed.asymmetricKeyDetails?.namedCurve;
    found = parsed.asymmetricKeyType === 'ec' ? `an EC key on ${curve ?? 'an unnamed curve'}` : `an ${parsed.asymmetricKeyType?.toUpperCase() ?? 'unknown'} key`;
    if (parsed.asymmetricKeyType === 'ec' && curve === 'prime256v1') return;
  } catch (error) {
    throw new StartupError(`${join(dir, FILES.caKey)} is no private key in PEM (${(error as Error).message})`);
  }
  throw new StartupError(
    `${join(dir, FILES.caKey)} holds ${found}; the sandbox signs with ECDSA on P-256 only: give a P-256 CA, or remove ${FILES.ca} and ${FILES.caKey} to have a new CA made (and trust it again)`,
  );
}

/** Whether a kept server certificate can still be served: signed by this CA and not about to expire. */
function stillGood(cert: string, ca: Issued): boolean {
  try {
    const leaf = new X509Certificate(cert);
    const issuer = new X509Certificate(ca.cert);
    const left = new Date(leaf.validTo).getTime() - Date.now();
    return leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey) && left > RENEW_DAYS * 86_400_000;
  } catch {
    return false;
  }
}

/**
 * The TLS directory `dir`, made (mode 0700, keys 0600) with a new CA and server certificate if it holds none; the
 * server certificate made again if it was not signed by the CA or is near its end.
 */
export async function tlsMaterial(dir: string): Promise<TlsMaterial> {
  try {
    return await kept(dir);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    throw new StartupError(`TLS directory ${dir}: ${(error as Error).message} (pick another with --tls-dir)`);
  }
}

async function kept(dir: string): Promise<TlsMaterial> {
  const created = await mkdir(dir, { recursive: true, mode: 0o700 });
  if (created !== undefined) await chmod(dir, 0o700);
  const { ca, made } = await caOf(dir);
  const [cert, key] = made ? [null, null] : await Promise.all([readIfThere(join(dir, FILES.cert)), readIfThere(join(dir, FILES.key))]);
  if (cert !== null && key !== null && stillGood(cert, ca)) return { cert, key, caFile: join(dir, FILES.ca) };
  const server = createServerCertificate(ca);
  await saveIssued(dir, server, FILES.cert, FILES.key);
  return { ...server, caFile: join(dir, FILES.ca) };
}
