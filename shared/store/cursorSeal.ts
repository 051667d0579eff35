import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { readSealSecretSource } from '#shared/config';

/**
 * Sealed list cursors. A cursor is AES-256-GCM over the position it holds (a table key, or a
 * list's own position), with the tenant and the list's name as associated data: it shows
 * nothing of the table, and a cursor changed by one bit, made by hand, or handed out for another
 * tenant or another list fails to open. Layout, base64url: version (1 byte), IV (12), ciphertext,
 * tag (16). The key is derived (HKDF-SHA256) from the stack's sealing secret, read once per
 * container; the same secret gives other keys under other labels (see sealKey).
 */
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** No cursor this API hands out comes near this; anything longer is refused before it is decoded. */
export const MAX_SEALED_CURSOR_LENGTH = 8_192;

/** The lists whose cursors are sealed: a cursor opens only on the list (and tenant) that made it. */
export type SealedList = 'stock-records' | 'low-stock' | 'movements' | 'catalog-export' | 'merchant-api-keys' | 'variants';

let secret: Promise<Buffer> | undefined;

/** Reads the stack's secret by its ARN: Secrets Manager's client, given only by functions the secret is granted to. */
export type StackSecretReader = (secretArn: string) => Promise<string | undefined>;
let stackSecretReader: StackSecretReader | undefined;

/**
 * Gives this function the reader of the stack's secret. Only the composition root of the routes
 * flagged `needsSealingSecret` calls it (functions/commons/sealingRoute.ts), so that only their
 * bundles carry the Secrets Manager client; test/bundle.test.ts checks that every bundle reaching
 * this module's sealing code is one of them.
 */
export function readStackSecretWith(reader: StackSecretReader): void {
  stackSecretReader = reader;
}

/** The sealing secret: CURSOR_KEY as given, or the stack's secret read once (a failed read is retried next time). */
function sealSecret(): Promise<Buffer> {
  secret ??= readSecret().catch((error: unknown) => {
    secret = undefined;
    throw error;
  });
  return secret;
}

async function readSecret(): Promise<Buffer> {
  const source = readSealSecretSource();
  if (source.kind === 'key') return Buffer.from(source.key, 'utf8');
  if (!stackSecretReader)
    throw new Error('This function is not given the sealing secret: its route needs needsSealingSecret and sealingRoute');
  const value = await stackSecretReader(source.secretArn);
  if (!value) throw new Error('The cursor sealing secret is empty');
  return Buffer.from(value, 'utf8');
}

const derived = new Map<string, Promise<Buffer>>();

/**
 * A 32-byte key for one purpose, derived from the sealing secret with HKDF-SHA256 under its label:
 * one secret to keep, and keys that reveal nothing of each other.
 */
export function sealKey(label: string): Promise<Buffer> {
  let key = derived.get(label);
  if (!key) {
    key = sealSecret().then((ikm) => deriveKey(ikm, label));
    key.catch(() => derived.delete(label));
    derived.set(label, key);
  }
  return key;
}

/** The key of one label, from the secret's bytes (what sealKey does once the secret is read). */
export const deriveKey = (ikm: Buffer, label: string): Buffer =>
  Buffer.from(hkdfSync('sha256', ikm, Buffer.alloc(0), `inventory-api ${label}`, 32));

const associatedData = (tenantId: string, list: SealedList) => Buffer.from(`cursor\u0000${list}\u0000${tenantId}`, 'utf8');

/** `content` (any JSON) sealed for this tenant and list. */
export async function sealCursor(tenantId: string, list: SealedList, content: unknown): Promise<string> {
  const key = await sealKey('cursor v1');
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(tenantId, list));
  const sealed = Buffer.concat([cipher.update(JSON.stringify(content), 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** What a cursor sealed for this tenant and list holds; undefined for any other text. */
export async function openCursor(tenantId: string, list: SealedList, cursor: string): Promise<unknown> {
  if (cursor.length > MAX_SEALED_CURSOR_LENGTH || !/^[A-Za-z0-9_-]+$/.test(cursor)) return undefined;
  const bytes = Buffer.from(cursor, 'base64url');
  // Only the one spelling this module writes: another spelling of the same bytes is not a cursor it handed out.
  if (bytes.toString('base64url') !== cursor) return undefined;
  if (bytes.length < 1 + IV_BYTES + TAG_BYTES + 1 || bytes[0] !== VERSION) return undefined;
  const key = await sealKey('cursor v1');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(tenantId, list));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
