import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { deriveKey, sealKey } from '#shared/store/cursorSeal';

/**
 * How a merchant API key is stored: as HMAC-SHA256 of the key under a *pepper*, a 32-byte key
 * derived (HKDF-SHA256, label `merchant-key digest v1`) from the stack's sealing secret, the one
 * the list cursors are sealed with. One secret to keep; the pepper and the cursor key reveal
 * nothing of each other. A copy of the table without the secret holds no digest that a dictionary
 * of likely keys could be checked against, however short an imported key is.
 *
 * Keys stored by earlier versions hold SHA-256 of the key (`legacyDigestOf`), which cannot become
 * an HMAC without the key: the ShopSynch key check re-stores each under its HMAC on its first use
 * (see merchantApiKeyCheck.ts). Such a key keeps the ID it was shown with (the start of its
 * SHA-256): its item is then found by a tag of that ID (an HMAC under its own label) and holds the
 * ID only sealed (AES-256-GCM under a third label), so the migrated item holds nothing of SHA-256.
 */
export const DIGEST_LABEL = 'merchant-key digest v1';
const ID_TAG_LABEL = 'merchant-key id tag v1';
const ID_SEAL_LABEL = 'merchant-key id seal v1';

/** What the item's `digest` attribute says of its `keyHash`; items of earlier versions have none (or `sha256`, once counted). */
export const KEYED_DIGEST = 'hmac-sha256 v1';
export const LEGACY_DIGEST = 'sha256';

/** The stored digest of a key: HMAC-SHA256 under the pepper, hex. */
export async function keyDigestOf(key: string): Promise<string> {
  return digestUnder(await sealKey(DIGEST_LABEL), key);
}

export const digestUnder = (pepper: Buffer, key: string): string => createHmac('sha256', pepper).update(key, 'utf8').digest('hex');

/** The digest a key was stored under before keys were peppered. */
export const legacyDigestOf = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

/**
 * The digest a key gets under a sealing secret given as text (the local `CURSOR_KEY`): for the
 * local demos and workloads, which name a fixture key by its ID in a path.
 */
export const keyDigestUnderSecret = (secret: string, key: string): string =>
  digestUnder(deriveKey(Buffer.from(secret, 'utf8'), DIGEST_LABEL), key);

/** Where a migrated key lives: a tag of the ID it keeps, so that a revoke by that ID finds it in one read. */
export async function legacyIdTag(tenantId: string, id: string): Promise<string> {
  return createHmac('sha256', await sealKey(ID_TAG_LABEL))
    .update(`${tenantId}\u0000${id}`, 'utf8')
    .digest('hex');
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const idAad = (tenantId: string) => Buffer.from(`merchant-key id\u0000${tenantId}`, 'utf8');

/** A migrated key's ID, sealed for its tenant: the list shows it, a copy of the table does not. */
export async function sealLegacyId(tenantId: string, id: string): Promise<string> {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await sealKey(ID_SEAL_LABEL), iv);
  cipher.setAAD(idAad(tenantId));
  const sealed = Buffer.concat([cipher.update(id, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, sealed, cipher.getAuthTag()]).toString('base64url');
}

/** The ID a sealLegacyId gave; throws if it was not sealed for this tenant under this stack's secret. */
export async function openLegacyId(tenantId: string, sealed: string): Promise<string> {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', await sealKey(ID_SEAL_LABEL), bytes.subarray(0, IV_BYTES), {
    authTagLength: TAG_BYTES,
  });
  decipher.setAAD(idAad(tenantId));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
}
