import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, IDENTITY_RULES, InvalidCursorError, NotFoundError } from '#shared/domain/errors';
import { hashMerchantApiKey, merchantApiKeyId, type MerchantApiKeyStore } from '#shared/domain/merchantApiKey';
import { catalogItem } from '#shared/store/catalogItems';
import { documentClient, tableName } from '#shared/store/client';
import { MerchantApiKeyItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { ENTITY, TABLE } from '#shared/store/table';
import { commit, isConditionFailure } from '#shared/store/transactions';
import { openCursor, sealCursor } from '#shared/store/cursorSeal';

export { hashMerchantApiKey } from '#shared/domain/merchantApiKey';

/** A key's last use is recorded at most this often: a write per request would double the cost of every ShopSynch call. */
export const LAST_USE_PRECISION_SECONDS = 3_600;

/**
 * Merchant API keys live in the tenant's own partition, keyed by their SHA-256 digest.
 * The pipeline asks `isActive` on every ShopSynch request, without any cache, so a
 * revoked key is refused on its very next request.
 */
export const merchantApiKeyStore = {
  /** Whether the key is an active merchant API key of the tenant: one consistent read (and, at most hourly, a note of its use). */
  async isActive(tenantId: string, key: string): Promise<boolean> {
    const keyHash = hashMerchantApiKey(key);
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.merchantApiKey(tenantId, keyHash), ConsistentRead: true }),
    );
    if (Item === undefined) return false;
    const stored = fromItem(MerchantApiKeyItem, Item);
    if (stored.active) await noteUse(tenantId, keyHash, stored.lastUsedAt);
    return stored.active;
  },
};

async function noteUse(tenantId: string, keyHash: string, lastUsedAt: string | undefined): Promise<void> {
  const now = new Date();
  const stale = new Date(now.getTime() - LAST_USE_PRECISION_SECONDS * 1000).toISOString();
  if (lastUsedAt !== undefined && lastUsedAt > stale) return;
  try {
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.merchantApiKey(tenantId, keyHash),
        UpdateExpression: 'SET lastUsedAt = :now',
        ConditionExpression: 'active = :true AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)',
        ExpressionAttributeValues: { ':now': now.toISOString().replace(/\.\d{3}Z$/, 'Z'), ':true': true, ':stale': stale },
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

const KEY_PREFIX = 'APIKEY#';

export const merchantApiKeyAdminStore: MerchantApiKeyStore = {
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
      keys: (page.Items ?? []).map((item) => fromItem(MerchantApiKeyItem, item)),
      nextCursor: page.LastEvaluatedKey ? await sealCursor(tenantId, 'merchant-api-keys', String(page.LastEvaluatedKey.sk)) : null,
    };
  },

  async find(tenantId, id) {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.tenant(tenantId).pk, ':prefix': `${KEY_PREFIX}${id}` },
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    const [item] = page.Items ?? [];
    return item && item[TABLE.typeAttribute] === ENTITY.MerchantApiKey ? fromItem(MerchantApiKeyItem, item) : undefined;
  },

  async revoke(tenantId, keyHash, revokedAt, attachment) {
    const refused = await commit(
      [
        {
          name: 'key',
          action: {
            Update: {
              TableName: tableName(),
              Key: keys.merchantApiKey(tenantId, keyHash),
              UpdateExpression: 'SET active = :false, revokedAt = if_not_exists(revokedAt, :revokedAt)',
              ConditionExpression: 'attribute_exists(pk)',
              ExpressionAttributeValues: { ':false': false, ':revokedAt': revokedAt },
            },
          },
        },
      ],
      attachment,
    );
    if (refused) throw new NotFoundError('MerchantApiKey', merchantApiKeyId(keyHash));
  },
};

/** A list cursor is the last key's sort key, sealed: accepted only when this tenant's key list sealed it. */
async function decodeCursor(tenantId: string, cursor: string, pk: string): Promise<{ pk: string; sk: string }> {
  const sk = await openCursor(tenantId, 'merchant-api-keys', cursor);
  if (typeof sk !== 'string' || !/^APIKEY#[0-9a-f]{64}$/.test(sk)) throw new InvalidCursorError(cursor, 'merchant-api-keys');
  return { pk, sk };
}
