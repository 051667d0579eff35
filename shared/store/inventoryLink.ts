import { QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { InventoryItem, LocationLevel, Variant } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import { documentClient, tableName } from '#shared/store/client';
import { cancellationCodes } from '#shared/store/conditions';
import { fromItem, type EntityType } from '#shared/store/items';
import { keys } from '#shared/store/keys';

type Item = Record<string, unknown>;

export interface LinkWrite {
  tenantId: string;
  productId: string;
  variantId: string;
  inventoryItemId: string;
  requiredQuantity: number;
  /** Used only if the pair has no link yet. */
  newId: string;
  now: string;
}

/** Transactions cancelled only by a concurrent transaction on the same items are tried again, this many times in all. */
const WRITE_ATTEMPTS = 6;

/**
 * Creates the link of a variant to an inventory item, or updates its required quantity,
 * in one transaction: the product, the variant under it and the item must exist
 * (ConditionChecks), and the link keeps the ID it was first given (if_not_exists).
 * The link's key is the pair, so concurrent calls can only ever touch one item.
 */
export async function upsertVariantInventoryLink(write: LinkWrite): Promise<void> {
  const { tenantId, productId, variantId, inventoryItemId } = write;
  const TableName = tableName();
  const exists = (key: { pk: string; sk: string }) => ({ ConditionCheck: { TableName, Key: key, ConditionExpression: 'attribute_exists(pk)' } });
  const command = new TransactWriteCommand({
    TransactItems: [
      exists(keys.product(tenantId, productId)),
      exists(keys.variant(tenantId, productId, variantId)),
      exists(keys.inventoryItem(tenantId, inventoryItemId)),
      {
        Update: {
          TableName,
          Key: keys.variantInventoryLink(tenantId, productId, variantId, inventoryItemId),
          UpdateExpression:
            'SET #id = if_not_exists(#id, :id), #type = :type, tenantId = :tenantId, productId = :productId, variantId = :variantId, ' +
            'inventoryItemId = :inventoryItemId, requiredQuantity = :requiredQuantity, createdAt = if_not_exists(createdAt, :now), updatedAt = :now',
          ExpressionAttributeNames: { '#id': 'id', '#type': 'type' },
          ExpressionAttributeValues: {
            ':id': write.newId,
            ':type': 'VariantInventoryLink' satisfies EntityType,
            ':tenantId': tenantId,
            ':productId': productId,
            ':variantId': variantId,
            ':inventoryItemId': inventoryItemId,
            ':requiredQuantity': write.requiredQuantity,
            ':now': write.now,
          },
        },
      },
    ],
  });

  for (let attempt = 1; ; attempt++) {
    try {
      await documentClient().send(command);
      return;
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes === undefined) throw error;
      // The guards in order: which one failed decides which object is reported missing.
      if (codes[0] === 'ConditionalCheckFailed') throw new NotFoundError('Product', productId);
      if (codes[1] === 'ConditionalCheckFailed') throw new NotFoundError('Variant', variantId);
      if (codes[2] === 'ConditionalCheckFailed') throw new NotFoundError('InventoryItem', inventoryItemId);
      // Concurrent upserts of the same pair conflict with each other; the write is safe to repeat.
      if (attempt >= WRITE_ATTEMPTS || !onlyConflicts(codes)) throw error;
      await pause(attempt);
    }
  }
}

function onlyConflicts(codes: string[]): boolean {
  const failed = codes.filter((code) => code !== 'None');
  return failed.length > 0 && failed.every((code) => code === 'TransactionConflict');
}

/** Jittered, growing pause, so that colliding writers spread out. */
const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * 2 ** attempt));

/** A variant and its inventory links, read together from the product's partition (one query). */
export async function readVariantWithLinks(
  tenantId: string,
  productId: string,
  variantId: string,
): Promise<{ variant?: Variant; links: VariantInventoryLink[] }> {
  const variantKey = keys.variant(tenantId, productId, variantId);
  const linkPrefix = keys.variantInventoryLinks(tenantId, productId, variantId).sk;
  const range = await queryAll({
    KeyConditionExpression: 'pk = :pk AND sk BETWEEN :variant AND :lastLink',
    ExpressionAttributeValues: { ':pk': variantKey.pk, ':variant': variantKey.sk, ':lastLink': `${linkPrefix}\uffff` },
  });
  // The range can also hold variants whose IDs sort in between (`v!x` after `v`); keep only this one's items.
  const items = range.filter((item) => item.sk === variantKey.sk || (typeof item.sk === 'string' && item.sk.startsWith(linkPrefix)));
  const variant = items.find((item) => item.sk === variantKey.sk);
  return {
    ...(variant ? { variant: fromItem<Variant>(variant) } : {}),
    links: items
      .filter((item) => item.type === 'VariantInventoryLink')
      .map((item) => fromItem<VariantInventoryLink>(item))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)),
  };
}

/** Inventory items with their location levels: one query per item's partition, all at once. Missing items are left out. */
export async function readInventoryItems(
  tenantId: string,
  itemIds: readonly string[],
): Promise<Map<string, { item: InventoryItem; levels: LocationLevel[] }>> {
  const unique = [...new Set(itemIds)];
  const partitions = await Promise.all(
    unique.map((id) =>
      queryAll({ KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.inventoryItem(tenantId, id).pk } }),
    ),
  );
  const found = new Map<string, { item: InventoryItem; levels: LocationLevel[] }>();
  partitions.forEach((items, index) => {
    const item = items.find((entry) => entry.type === 'InventoryItem');
    if (!item) return;
    const levels = items
      .filter((entry) => entry.type === 'LocationLevel')
      .map((entry) => fromItem<LocationLevel>(entry))
      .sort((a, b) => a.locationId.localeCompare(b.locationId));
    found.set(unique[index]!, { item: fromItem<InventoryItem>(item), levels });
  });
  return found;
}

/** A strongly consistent query, every page. */
async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead'>): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, TableName: tableName(), ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((page.Items ?? []) as Item[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
