import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { MerchantApiKeyItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';

/**
 * Merchant API keys are stored only as their SHA-256 digest: a leaked table does
 * not leak usable keys, and lookup by digest needs no comparison loop.
 */
export function hashMerchantApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export const merchantApiKeyStore = {
  /** Whether the key is an active merchant API key of the tenant: one consistent read. */
  async isActive(tenantId: string, key: string): Promise<boolean> {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.merchantApiKey(tenantId, hashMerchantApiKey(key)), ConsistentRead: true }),
    );
    return Item !== undefined && fromItem(MerchantApiKeyItem, Item).active;
  },
};
