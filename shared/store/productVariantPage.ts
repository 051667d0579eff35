import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { sideBySide } from '#shared/domain/concurrency';
import type { InventoryLinkStore } from '#shared/domain/inventoryLink';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { indexKeys, keys } from '#shared/store/keys';
import { variantCountCheckpointKeys, variantCountsMigrated } from '#shared/store/migration/variantCountsDone';
import { VARIANT_LIST_INDEXES } from '#shared/store/table';

type Item = Record<string, unknown>;

const INDEX = VARIANT_LIST_INDEXES.productByCreated;

/**
 * A page of a product's variants in Medusa's default order (created_at, then ID), in one round
 * trip of three calls side by side: a BatchGet of the product (its `variantCount`) and, until the
 * variant count migration is known to be done, its checkpoints; and a Query of each of the
 * product's two variant lists by creation time (active and archived: Medusa shows both), each
 * reading no more than offset + limit variants, merged. The index's sort key is
 * `createdAt#ID`, fixed-width time first, so its order is the list's. Keys have no offset: page
 * *n* reads up to 2 × n × limit variants, whatever the product holds beyond. Before the count
 * migration is done, `count` is undefined and nothing else is read (the caller reads the partition).
 */
export const readProductVariantPage: InventoryLinkStore['readProductVariantPage'] = async (tenantId, productId, { offset, limit }) => {
  const checkpoints = variantCountCheckpointKeys();
  const upTo = offset + limit;
  const [[product, ...progress], active, archived] = await sideBySide([
    getMany(documentClient(), tableName(), [keys.product(tenantId, productId), ...checkpoints]),
    queryUpTo(upTo, indexKeys.variantListPartition(tenantId, productId, false)),
    queryUpTo(upTo, indexKeys.variantListPartition(tenantId, productId, true)),
  ]);
  if (!product) return { productExists: false, variants: [] };
  if (!variantCountsMigrated(progress)) return { productExists: true, variants: [] };
  const sortKey = (item: Item) => String(item[INDEX.sortKey]);
  const merged = [...active, ...archived].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
  const count = typeof product.variantCount === 'number' ? product.variantCount : 0;
  return { productExists: true, count, variants: merged.slice(offset, upTo).map((item) => fromItem(VariantItem, item)) };
};

/** Up to `limit` variants of one of the product's lists, oldest first, following pages only while fewer were read. */
async function queryUpTo(limit: number, partition: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: INDEX.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': INDEX.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        Limit: limit - items.length,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start && items.length < limit);
  return items;
}
