import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, IDENTITY_RULES, InvalidCursorError, NotFoundError } from '#shared/domain/errors';
import { merchantApiKeyId, viewOf, type MerchantApiKeyStore, type StoredMerchantApiKey } from '#shared/domain/merchantApiKey';
import { catalogItem, plainMerchantApiKey } from '#shared/store/catalogItems';
import { documentClient, tableName } from '#shared/store/client';
import { MerchantApiKeyItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { ENTITY, TABLE } from '#shared/store/table';
import { commit } from '#shared/store/transactions';
import { openCursor, sealCursor } from '#shared/store/cursorSeal';
import { keyDigestOf, legacyDigestOf, legacyIdTag, openLegacyId } from '#shared/store/merchantKeyDigest';

export { LAST_USE_PRECISION_SECONDS, merchantApiKeyStore } from '#shared/store/merchantApiKeyCheck';

const KEY_PREFIX = 'APIKEY#';

/**
 * Merchant API keys live in the tenant's own partition, under their keyed digest (see
 * merchantKeyDigest.ts; a key stored before digests were keyed, under its SHA-256 until its
 * first use, then under the tag of the ID it keeps).
 */
export const merchantApiKeyAdminStore: MerchantApiKeyStore = {
  digest: keyDigestOf,

  async insert(tenantId, key, attachment) {
    const refused = await commit(
      [
        {
          name: 'key',
          action: {
            Put: {
              TableName: tableName(),
              Item: catalogItem.merchantApiKey(tenantId, key),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ],
      attachment,
    );
    // 192 random bits never collide in practice; should they, the caller asks again.
    if (refused) throw new ConflictError(IDENTITY_RULES.merchantApiKeyUnique, 'A key with this digest already exists; create another');
  },

  async list(tenantId, { cursor, limit }) {
    const pk = keys.tenant(tenantId).pk;
    const start = cursor === undefined ? undefined : await decodeCursor(tenantId, cursor, pk);
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': KEY_PREFIX },
        Limit: limit,
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    return {
      keys: await Promise.all((page.Items ?? []).map((item) => storedKey(tenantId, item))),
      nextCursor: page.LastEvaluatedKey ? await sealCursor(tenantId, 'merchant-api-keys', String(page.LastEvaluatedKey.sk)) : null,
    };
  },

  /**
   * By the digest the ID starts, or by the tag of the ID a migrated key kept: side by side, one
   * round trip. Two reads are not isolated from a key's re-storing between them: found nowhere,
   * the key is looked for once more (see merchantApiKeyCheck.ts).
   */
  async find(tenantId, id) {
    return (await findOnce(tenantId, id)) ?? findOnce(tenantId, id);
  },

  /** Where the key was found; should its first use have moved it meanwhile (see merchantApiKeyCheck.ts), where it went. */
  async revoke(tenantId, key, revokedAt, attachment) {
    const id = key.legacyId ?? merchantApiKeyId(key.keyHash);
    let at = await placeOf(tenantId, key);
    for (let attempt = 1; ; attempt++) {
      const refused = await commit(
        [
          {
            name: 'key',
            action: {
              Update: {
                TableName: tableName(),
                Key: keys.merchantApiKey(tenantId, at),
                UpdateExpression: 'SET active = :false, revokedAt = if_not_exists(revokedAt, :revokedAt)',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':false': false, ':revokedAt': revokedAt },
              },
            },
          },
        ],
        attachment,
      );
      if (!refused) return;
      const moved = attempt === 1 ? await merchantApiKeyAdminStore.find(tenantId, id) : undefined;
      const next = moved && (await placeOf(tenantId, moved));
      if (next === undefined || next === at) throw new NotFoundError('MerchantApiKey', id);
      at = next;
    }
  },
};

async function findOnce(tenantId: string, id: string): Promise<StoredMerchantApiKey | undefined> {
  const [page, migrated] = await Promise.all([
    documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.tenant(tenantId).pk, ':prefix': `${KEY_PREFIX}${id}` },
        ConsistentRead: true,
        Limit: 1,
      }),
    ),
    legacyIdTag(tenantId, id).then((tag) =>
      documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.merchantApiKey(tenantId, tag), ConsistentRead: true })),
    ),
  ]);
  // Each found item is the key only if it is named by this ID (a migrated key's tag could, by chance, start with another's ID).
  for (const item of [page.Items?.[0], migrated.Item]) {
    if (item?.[TABLE.typeAttribute] !== ENTITY.MerchantApiKey) continue;
    const stored = await storedKey(tenantId, item);
    if (viewOf(stored).id === id) return stored;
  }
  return undefined;
}

/** The digest (or tag) a stored key's item is keyed by. */
const placeOf = async (tenantId: string, key: StoredMerchantApiKey): Promise<string> =>
  key.legacyId === undefined ? key.keyHash : legacyIdTag(tenantId, key.legacyId);

/**
 * A key as the domain knows it: a migrated key's ID unsealed. An ID sealed under a secret since
 * rotated no longer opens: that key can no longer be used (its digest is of the old pepper), and
 * is named by its place instead, so that it can still be listed and revoked.
 */
async function storedKey(tenantId: string, item: Record<string, unknown>): Promise<StoredMerchantApiKey> {
  const { legacyIdSealed, digest: _digest, tenantId: _tenant, ...stored } = fromItem(MerchantApiKeyItem, item);
  if (legacyIdSealed === undefined) return stored;
  const legacyId = await openLegacyId(tenantId, legacyIdSealed).catch(() => undefined);
  return legacyId === undefined ? { ...stored, keyHash: String(item.sk).slice(KEY_PREFIX.length) } : { ...stored, legacyId };
}

/**
 * Stores a key a document gives in plain text, unless the tenant has it already, active or
 * revoked, in any of its three places (see merchantApiKeyCheck.ts): a key stored before digests
 * were keyed is not stored a second time beside it. Whether it was stored.
 */
export async function insertPlainMerchantApiKey(tenantId: string, key: string, now: string): Promise<boolean> {
  const TableName = tableName();
  const legacyHash = legacyDigestOf(key);
  const absent = (sk: { pk: string; sk: string }) => ({ TableName, Key: sk, ConditionExpression: 'attribute_not_exists(pk)' });
  const refused = await commit([
    {
      name: 'key',
      action: {
        Put: {
          TableName,
          Item: catalogItem.merchantApiKey(tenantId, await plainMerchantApiKey(key, now)),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    },
    { name: 'legacy', action: { ConditionCheck: absent(keys.merchantApiKey(tenantId, legacyHash)) } },
    {
      name: 'migrated',
      action: { ConditionCheck: absent(keys.merchantApiKey(tenantId, await legacyIdTag(tenantId, merchantApiKeyId(legacyHash)))) },
    },
  ]);
  return refused === undefined;
}

/** A list cursor is the last key's sort key, sealed: accepted only when this tenant's key list sealed it. */
async function decodeCursor(tenantId: string, cursor: string, pk: string): Promise<{ pk: string; sk: string }> {
  const sk = await openCursor(tenantId, 'merchant-api-keys', cursor);
  if (typeof sk !== 'string' || !/^APIKEY#[0-9a-f]{64}$/.test(sk)) throw new InvalidCursorError(cursor, 'merchant-api-keys');
  return { pk, sk };
}
