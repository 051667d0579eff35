import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { sideBySide } from '#shared/domain/concurrency';
import type { InventoryRecordStore } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { ProductItem, VariantItem } from '#shared/store/entities';
import { withAddresses } from '#shared/store/inventoryRecordItems';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { migrationCheckpointKeys, recordCountsMigrated } from '#shared/store/migration/recordCounts';
import { recordCountKey, recordCountRange, trustedCount } from '#shared/store/recordCounts';
import { ENTITY } from '#shared/store/table';

type Item = Record<string, unknown>;

/**
 * A page of an owner's records in ID order, in one round trip of two calls side by side: a
 * BatchGet of the owner, its count item (and, until the count migration is known to be done, its
 * checkpoints), and a Query of the records' key range in the order asked, reading no more than
 * `limit` records. The record sort keys are `...#INVRECORD#<ID>` with IDs of letters, digits,
 * `-` and `_` (escaping leaves them as they are), so key order is the list's ID order.
 */
export const readRecordPage: InventoryRecordStore['readRecordPage'] = async (tenantId, owner, { descending, limit }) => {
  const ownerKey =
    owner.variantId === null ? keys.product(tenantId, owner.productId) : keys.variant(tenantId, owner.productId, owner.variantId);
  const checkpoints = migrationCheckpointKeys();
  const range = recordCountRange(tenantId, owner);
  const [[ownerItem, counter, ...progress], items] = await sideBySide([
    getMany(documentClient(), tableName(), [ownerKey, recordCountKey(tenantId, owner), ...(checkpoints as { pk: string; sk: string }[])]),
    queryUpTo(limit, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: { ':pk': range.pk, ':first': range.first, ':last': range.last },
      ScanIndexForward: !descending,
    }),
  ]);
  const count = trustedCount(counter, recordCountsMigrated(checkpoints.length === 0 ? undefined : progress));
  const context = ownerItem
    ? owner.variantId === null
      ? { product: fromItem(ProductItem, ownerItem) }
      : { variant: fromItem(VariantItem, ownerItem) }
    : {};
  if (count === undefined) return { ...context, records: [] };
  const records = items.filter((item) => item.type === ENTITY.InventoryRecord && item.variantId === owner.variantId);
  return { ...context, count, records: await withAddresses(tenantId, records) };
};

/** Up to `limit` items of a Query, strongly consistent, following pages only while fewer were read. */
async function queryUpTo(
  limit: number,
  input: { KeyConditionExpression: string; ExpressionAttributeValues: Item; ScanIndexForward: boolean },
) {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        ...input,
        TableName: tableName(),
        ConsistentRead: true,
        Limit: limit - items.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start && items.length < limit);
  return items;
}
