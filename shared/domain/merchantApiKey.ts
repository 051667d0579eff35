import { randomBytes } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { NotFoundError } from '#shared/domain/errors';

/**
 * Merchant API keys (ShopSynch's X-MerchantApiKey). A key is shown once, when it is
 * created, and stored only as its digest, keyed with a secret the stack holds (the store's
 * `digest`, see shared/store/merchantKeyDigest): a leaked table leaks no usable key, nor
 * a digest to check guesses of a short key against, and a lookup by digest needs no
 * comparison loop.
 */

/** A key's public name: the start of its digest, so it names the key without revealing it. */
export const merchantApiKeyId = (keyHash: string): string => keyHash.slice(0, 16);
export const MERCHANT_API_KEY_ID = /^[0-9a-f]{16}$/;

/** What may be shown of a key after its creation. */
export interface MerchantApiKeyView {
  id: string;
  /** The key's last four characters; null for keys stored before they were kept. */
  last4: string | null;
  active: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface StoredMerchantApiKey {
  keyHash: string;
  /**
   * The ID of a key stored before digests were keyed (the start of its unkeyed digest), which
   * it keeps once its digest is keyed on its first use; absent for every other key.
   */
  legacyId?: string | undefined;
  last4?: string | undefined;
  active: boolean;
  createdAt: string;
  lastUsedAt?: string | undefined;
  revokedAt?: string | undefined;
}

export interface MerchantApiKeyStore {
  /** The digest a key is stored under. */
  digest(key: string): Promise<string>;
  insert(tenantId: string, key: StoredMerchantApiKey, attachment?: Attachment): Promise<void>;
  list(
    tenantId: string,
    page: { cursor?: string | undefined; limit: number },
  ): Promise<{ keys: StoredMerchantApiKey[]; nextCursor: string | null }>;
  /** The tenant's key of this ID, if it has one. */
  find(tenantId: string, id: string): Promise<StoredMerchantApiKey | undefined>;
  revoke(tenantId: string, key: StoredMerchantApiKey, revokedAt: string, attachment?: Attachment): Promise<void>;
}

export const viewOf = (key: StoredMerchantApiKey): MerchantApiKeyView => ({
  id: key.legacyId ?? merchantApiKeyId(key.keyHash),
  last4: key.last4 ?? null,
  active: key.active,
  createdAt: key.createdAt,
  lastUsedAt: key.lastUsedAt ?? null,
  revokedAt: key.revokedAt ?? null,
});

export interface CreatedMerchantApiKey {
  /** The secret itself: in this answer only. */
  key: string;
  view: MerchantApiKeyView;
}

/** A new random key for the tenant: 192 bits, URL-safe. */
export async function createMerchantApiKey(
  store: MerchantApiKeyStore,
  tenantId: string,
  now: string,
  attach?: Attach<CreatedMerchantApiKey>,
): Promise<CreatedMerchantApiKey> {
  const key = `mk_live_${randomBytes(24).toString('base64url')}`;
  const stored: StoredMerchantApiKey = { keyHash: await store.digest(key), last4: key.slice(-4), active: true, createdAt: now };
  const created = { key, view: viewOf(stored) };
  await store.insert(tenantId, stored, attach?.(created));
  return created;
}

export async function listMerchantApiKeys(
  store: MerchantApiKeyStore,
  tenantId: string,
  page: { cursor?: string | undefined; limit: number },
) {
  const { keys, nextCursor } = await store.list(tenantId, page);
  return { keys: keys.map(viewOf), nextCursor };
}

/** Revokes the key: the very next request that presents it is refused. Revoking it again changes nothing. */
export async function revokeMerchantApiKey(
  store: MerchantApiKeyStore,
  tenantId: string,
  id: string,
  now: string,
  attach?: Attach<MerchantApiKeyView>,
): Promise<MerchantApiKeyView> {
  const stored = await store.find(tenantId, id);
  if (!stored) throw new NotFoundError('MerchantApiKey', id);
  const revoked = viewOf({ ...stored, active: false, revokedAt: stored.revokedAt ?? now });
  await store.revoke(tenantId, stored, revoked.revokedAt!, attach?.(revoked));
  return revoked;
}
