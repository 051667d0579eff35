import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/store/client';
import { ITEM_COUNTS_STEP, itemCounted } from '#shared/store/itemCounts';
import { keys } from '#shared/store/keys';
import type { MigrationStep, Outcome } from '#shared/store/migration/runner';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/** Attempts at one item while it keeps changing between the read and the write. */
const ATTEMPTS = 5;

/**
 * Every inventory item stored before the counts is counted in its tenant's items (see
 * shared/store/itemCounts): marked `counted` (only if it still exists and is not counted yet) in
 * the transaction that adds it to its shard, so an item counted by another write meanwhile, or
 * removed, is never counted twice. Run again, it finds every item counted.
 */
export const itemCounts: MigrationStep = {
  name: ITEM_COUNTS_STEP,
  types: [ENTITY.InventoryItem],
  async migrate(item): Promise<Outcome> {
    const tenantId = String(item.tenantId);
    const id = String(item.id);
    let current: Record<string, unknown> | undefined = item;
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (!current || current.counted === true) return 'already';
      const refused = await commit([
        {
          name: 'item',
          action: {
            Update: {
              TableName: tableName(),
              Key: keys.inventoryItem(tenantId, id),
              UpdateExpression: 'SET counted = :counted',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(counted)',
              ExpressionAttributeValues: { ':counted': true },
            },
          },
        },
        itemCounted(tableName(), tenantId, id, 1, 'count'),
      ]);
      if (!refused) return 'migrated';
      ({ Item: current } = await documentClient().send(
        new GetCommand({ TableName: tableName(), Key: keys.inventoryItem(tenantId, id), ConsistentRead: true }),
      ));
    }
    throw new Error('it kept changing during the migration; run it again');
  },
};
