import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { sideBySide } from '#shared/domain/concurrency';
import { ConcurrentChangeError, NotFoundError } from '#shared/domain/errors';
import type { InventoryItemStore } from '#shared/domain/inventoryItem';
import { deleteMany } from '#shared/store/batch';
import { catalogItem } from '#shared/store/catalogItems';
import { readCatalogSection } from '#shared/store/catalogSection';
import { documentClient, tableName } from '#shared/store/client';
import { InventoryItemItem, LocationItem } from '#shared/store/entities';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { fromItem } from '#shared/store/items';
import { itemCounted, readItemPage } from '#shared/store/itemCounts';
import { readItemIdsAt, readItemsById } from '#shared/store/itemsAtLocation';
import { itemSkuTaken, itemSkuWrites, releasedElsewhere } from '#shared/store/itemSkus';
import { keys, type Key } from '#shared/store/keys';
import { linkDeletes } from '#shared/store/linkCopies';
import { newLevelItems } from '#shared/store/ledgerLevel';
import { removedLevelWrites } from '#shared/store/levelRemoval';
import { commit, type NamedWrite } from '#shared/store/transactions';

/** Most actions one TransactWriteItems takes. */
const MAX_ACTIONS = 100;

/** Medusa's inventory items: the catalog's `INVITEM` items, listed through the `catalog` index, each read with its partition's levels. */
export const inventoryItemStore: InventoryItemStore = {
  async listItems(tenantId) {
    return (await readCatalogSection(tenantId, 'inventoryItem')).map((item) => fromItem(InventoryItemItem, item));
  },

  async readItemPage(tenantId, offset, limit) {
    const page = await readItemPage(tenantId, offset, limit);
    return page && { items: page.items.map((item) => fromItem(InventoryItemItem, item)), count: page.count };
  },

  readItemIdsAt,
  readItemsById,
  readItems: inventoryLinkStore.readInventoryItems,

  async readLocations(tenantId, locationIds) {
    const unique = [...new Set(locationIds)];
    const reads = await sideBySide(
      unique.map((id) =>
        documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.location(tenantId, id), ConsistentRead: true })),
      ),
    );
    return new Map(reads.flatMap(({ Item }) => (Item ? [[(Item as { id: string }).id, fromItem(LocationItem, Item)]] : [])));
  },

  async insertItem(item, levels, attachment) {
    const TableName = tableName();
    const writes: NamedWrite<'item' | 'sku' | `location#${string}` | 'level' | 'record' | 'movement'>[] = [
      {
        name: 'item',
        action: { Put: { TableName, Item: catalogItem.inventoryItem(item), ConditionExpression: 'attribute_not_exists(pk)' } },
      },
      ...itemSkuWrites(TableName, 'sku', undefined, item),
      itemCounted(TableName, item.tenantId, item.id, 1, 'item'),
      ...levels.flatMap(({ level, created, view }) => [
        {
          name: `location#${level.locationId}` as const,
          action: {
            ConditionCheck: { TableName, Key: keys.location(item.tenantId, level.locationId), ConditionExpression: 'attribute_exists(pk)' },
          },
        },
        ...newLevelItems(level, created, view).map(({ name, item: levelItem }) => ({
          name,
          action: { Put: { TableName, Item: levelItem, ConditionExpression: 'attribute_not_exists(pk)' } },
        })),
      ]),
    ];
    const refused = await commit(writes, attachment);
    if (refused === undefined) return;
    if (refused === 'sku') throw itemSkuTaken(item.sku ?? '');
    if (refused.startsWith('location#')) throw new NotFoundError('Location', refused.slice('location#'.length));
    throw new Error(`Inventory item transaction refused by its ${refused} item`);
  },

  async updateItem(next, read, attachment) {
    const writes: NamedWrite<'item' | 'sku' | 'released'>[] = [
      ...itemSkuWrites(tableName(), 'sku', read, next, 'released'),
      {
        name: 'item',
        action: {
          Update: {
            TableName: tableName(),
            Key: keys.inventoryItem(next.tenantId, next.id),
            UpdateExpression: 'SET sku = :sku, title = :title, description = :description, requiresShipping = :shipping, updatedAt = :at',
            // Over the item as read: the answer shows it with the levels read beside it.
            ConditionExpression: 'updatedAt = :read',
            ExpressionAttributeValues: {
              ':sku': next.sku,
              ':title': next.title,
              ':description': next.description,
              ':shipping': next.requiresShipping,
              ':at': next.updatedAt,
              ':read': read.updatedAt,
            },
          },
        },
      },
    ];
    let refused = await commit(writes, attachment);
    if (refused === 'released') refused = await commit(releasedElsewhere(writes, 'released'), attachment);
    if (refused === 'sku') throw itemSkuTaken(next.sku ?? '');
    if (refused) throw new ConcurrentChangeError('The inventory item changed since it was read');
  },

  async deleteItem(read, levels, attachment) {
    const TableName = tableName();
    const { item } = read;
    const removals = levels.map((level) => removedLevelWrites(TableName, level));
    const writes: NamedWrite<'item' | 'level' | 'link' | 'released'>[] = [
      {
        name: 'item',
        action: {
          Delete: {
            TableName,
            Key: keys.inventoryItem(item.tenantId, item.id),
            // Still an item of no product, as read, with no level made since the read (the count of its levels' creations).
            // Counted or not as read: the count takes back only a counted item (see itemCounts).
            // No link made since the read (its link version, see linkCopies): the links read are all it has.
            ConditionExpression: `updatedAt = :read AND attribute_not_exists(#owner) AND ${
              item.levelsVersion === undefined ? 'attribute_not_exists(levelsVersion)' : 'levelsVersion = :levels'
            } AND ${item.counted === true ? 'counted = :counted' : 'attribute_not_exists(counted)'} AND ${
              item.linkVersion === undefined ? 'attribute_not_exists(linkVersion)' : 'linkVersion = :links'
            }`,
            ExpressionAttributeNames: { '#owner': 'owner' },
            ExpressionAttributeValues: {
              ':read': item.updatedAt,
              ...(item.levelsVersion === undefined ? {} : { ':levels': item.levelsVersion }),
              ...(item.linkVersion === undefined ? {} : { ':links': item.linkVersion }),
              ...(item.counted === true ? { ':counted': true } : {}),
            },
          },
        },
      },
      ...(item.counted === true ? [itemCounted(TableName, item.tenantId, item.id, -1, 'item')] : []),
      ...removals.flatMap(({ writes: levelWrites }) => levelWrites),
      // Its links go with it, as Medusa removes them, with their copies: each as read (a link moved or removed meanwhile refuses it).
      ...(read.linkedVariants ?? []).flatMap((linked) =>
        linkDeletes(
          TableName,
          'link',
          { tenantId: item.tenantId, inventoryItemId: item.id, ...linked },
          { ConditionExpression: 'attribute_exists(pk)' },
        ),
      ),
      // Its SKU is free again (if its own: see releasedElsewhere).
      ...itemSkuWrites(TableName, 'released', item, undefined),
    ];
    let refused = await commitWithHistory(
      writes,
      removals.flatMap(({ history }) => history),
      attachment,
    );
    if (refused === 'released')
      refused = await commitWithHistory(
        releasedElsewhere(writes, 'released'),
        removals.flatMap(({ history }) => history),
        attachment,
      );
    if (refused) throw new ConcurrentChangeError('The inventory item or a level changed since it was read');
  },
};

/**
 * Commits the writes with as much of the removed levels' history as fits, and deletes the rest
 * right after, once nothing names it any more. Returns the name of the write that refused it.
 */
export async function commitWithHistory<Name extends string>(
  writes: NamedWrite<Name>[],
  history: readonly Key[],
  attachment: Parameters<typeof commit>[1],
): Promise<Name | 'history' | undefined> {
  const TableName = tableName();
  const room = Math.max(0, MAX_ACTIONS - writes.length - (attachment ? 1 : 0));
  const refused = await commit<Name | 'history'>(
    [...writes, ...history.slice(0, room).map((Key) => ({ name: 'history' as const, action: { Delete: { TableName, Key } } }))],
    attachment,
  );
  if (refused) return refused;
  if (history.length > room) await deleteMany(documentClient(), TableName, history.slice(room));
  return undefined;
}
