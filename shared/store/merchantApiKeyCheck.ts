import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod/mini';
import { merchantApiKeyId } from '#shared/domain/merchantApiKey';
import { getMany } from '#shared/store/batch';
import { catalogItem } from '#shared/store/catalogItems';
import { documentClient, tableName } from '#shared/store/client';
import { MerchantApiKeyItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { KEYED_DIGEST, keyDigestOf, legacyDigestOf, legacyIdTag, sealLegacyId } from '#shared/store/merchantKeyDigest';
import { commit, isConditionFailure } from '#shared/store/transactions';

type Item = Record<string, unknown>;
type StoredKeyItem = z.infer<typeof MerchantApiKeyItem>;

/** A key's last use is recorded at most this often: a write per request would double the cost of every ShopSynch call. */
export const LAST_USE_PRECISION_SECONDS = 3_600;

/**
 * The ShopSynch key check. The pipeline asks `isActive` on every ShopSynch request, without any
 * cache, so a revoked key is refused on its very next request.
 */
export const merchantApiKeyStore = {
  /**
   * Whether the key is an active merchant API key of the tenant: one BatchGet, consistent, of the
   * three places the key can be stored (under its keyed digest; migrated, under the tag of the ID
   * it kept; under its SHA-256, not used since digests were keyed), then at most hourly a note of
   * its use. A key found by its SHA-256 is re-stored under its keyed digest instead of that note.
   */
  isActive: (tenantId: string, key: string): Promise<boolean> => check(tenantId, key, true),
};

async function check(tenantId: string, key: string, mayMigrate: boolean): Promise<boolean> {
  const keyHash = await keyDigestOf(key);
  const legacyHash = legacyDigestOf(key);
  const legacyId = merchantApiKeyId(legacyHash);
  const tag = await legacyIdTag(tenantId, legacyId);
  const places = [keys.merchantApiKey(tenantId, keyHash), keys.merchantApiKey(tenantId, tag), keys.merchantApiKey(tenantId, legacyHash)];
  let [keyed, migrated, legacy] = await getMany(documentClient(), tableName(), places);
  // A BatchGet is not isolated from a transaction: beside a key's re-storing, it may read the new
  // place before and the old one after it. Read once more when it found the key nowhere; a key
  // re-stored meanwhile is then found (a wrong key costs this second read).
  if (!keyed && !migrated && !legacy) [keyed, migrated, legacy] = await getMany(documentClient(), tableName(), places);
  // Each place holds this key only if the digest it holds is this key's, of the kind that place holds.
  const isKeyed = (item: Item | undefined) => item?.digest === KEYED_DIGEST && item.keyHash === keyHash;
  const hits: { at: string; item: Item }[] = [
    ...(isKeyed(keyed) ? [{ at: keyHash, item: keyed! }] : []),
    ...(isKeyed(migrated) && migrated!.legacyIdSealed !== undefined ? [{ at: tag, item: migrated! }] : []),
  ];
  const old = legacy && legacy.digest !== KEYED_DIGEST && legacy.keyHash === legacyHash ? legacy : undefined;
  if (hits.length === 0 && old === undefined) return false;
  // The same key stored twice is not possible through this code; were it so, one revocation is enough to refuse it.
  if ([...hits.map((hit) => hit.item), ...(old ? [old] : [])].some((item) => item.active !== true)) return false;
  const [hit] = hits;
  if (hit) {
    await noteUse(tenantId, hit.at, fromItem(MerchantApiKeyItem, hit.item).lastUsedAt);
    return true;
  }
  if (!mayMigrate) return true;
  const refused = await migrate(tenantId, fromItem(MerchantApiKeyItem, old!), { keyHash, legacyHash, legacyId, tag });
  // Revoked since it was read, or moved by a request beside this one: as it now stands.
  return refused ? check(tenantId, key, false) : true;
}

/**
 * Re-stores a key found by its SHA-256 under its keyed digest, in one transaction: the old item
 * goes only if it is still active and still this key, the new one comes only where none is. Its
 * ID (the start of the SHA-256) stays the same: the new item is found by a tag of it and holds it
 * sealed. Its use is noted in the same write.
 */
async function migrate(
  tenantId: string,
  stored: StoredKeyItem,
  at: { keyHash: string; legacyHash: string; legacyId: string; tag: string },
): Promise<'legacy' | 'keyed' | undefined> {
  const TableName = tableName();
  const item = catalogItem.merchantApiKey(
    tenantId,
    { keyHash: at.keyHash, last4: stored.last4, active: true, createdAt: stored.createdAt, lastUsedAt: nowSeconds() },
    { at: at.tag, legacyIdSealed: await sealLegacyId(tenantId, at.legacyId) },
  );
  return commit([
    {
      name: 'legacy' as const,
      action: {
        Delete: {
          TableName,
          Key: keys.merchantApiKey(tenantId, at.legacyHash),
          ConditionExpression: 'active = :true AND keyHash = :legacy',
          ExpressionAttributeValues: { ':true': true, ':legacy': at.legacyHash },
        },
      },
    },
    { name: 'keyed' as const, action: { Put: { TableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } } },
  ]);
}

const nowSeconds = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

async function noteUse(tenantId: string, at: string, lastUsedAt: string | undefined): Promise<void> {
  const now = new Date();
  const stale = new Date(now.getTime() - LAST_USE_PRECISION_SECONDS * 1000).toISOString();
  if (lastUsedAt !== undefined && lastUsedAt > stale) return;
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.merchantApiKey(tenantId, at),
        UpdateExpression: 'SET lastUsedAt = :now',
        ConditionExpression: 'active = :true AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
        ExpressionAttributeValues: { ':now': nowSeconds(), ':true': true, ':stale': stale },
      }),
    );
  } catch (error) {
    // Another request noted it first, or the note failed: the request itself is not the note's to fail.
    if (!isConditionFailure(error))
      console.warn(
        JSON.stringify({
          level: 'WARN',
          message: 'could not record a merchant API key use',
          error: error instanceof Error ? error.name : String(error),
        }),
      );
  }
}
