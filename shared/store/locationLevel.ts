import type { LocationLevel } from '#shared/domain/catalog';
import { ConcurrentChangeError, NotFoundError } from '#shared/domain/errors';
import { levelExists, type LocationLevelStore, type SettableQuantity } from '#shared/domain/locationLevel';
import { catalogItem } from '#shared/store/catalogItems';
import { tableName } from '#shared/store/client';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { keys } from '#shared/store/keys';
import { commit } from '#shared/store/transactions';

const levelKey = (level: LocationLevel) => keys.locationLevel(level.tenantId, level.inventoryItemId, level.locationId);

/** Written only over the level as read: its quantities are what the answer was computed from. */
const asRead = (level: LocationLevel) => ({
  ConditionExpression: 'stockedQuantity = :stocked AND reservedQuantity = :reserved AND incomingQuantity = :incoming',
  ExpressionAttributeValues: {
    ':stocked': level.stockedQuantity,
    ':reserved': level.reservedQuantity,
    ':incoming': level.incomingQuantity,
  },
});

/** An inventory item's location levels: `LEVEL#<location>` items in the item's partition, one per location (the key). */
export const locationLevelStore: LocationLevelStore = {
  async readItem(tenantId, itemId) {
    return (await inventoryLinkStore.readInventoryItems(tenantId, [itemId])).get(itemId);
  },

  async insertLevel(level, attachment) {
    const TableName = tableName();
    const refused = await commit(
      [
        {
          name: 'item',
          action: {
            ConditionCheck: {
              TableName,
              Key: keys.inventoryItem(level.tenantId, level.inventoryItemId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        },
        {
          name: 'location',
          action: {
            ConditionCheck: {
              TableName,
              Key: keys.location(level.tenantId, level.locationId),
              ConditionExpression: 'attribute_exists(pk)',
            },
          },
        },
        {
          name: 'level',
          action: {
            Put: { TableName, Item: catalogItem.locationLevel(level), ConditionExpression: 'attribute_not_exists(pk)' },
          },
        },
      ],
      attachment,
    );
    if (refused === 'item') throw new NotFoundError('InventoryItem', level.inventoryItemId);
    if (refused === 'location') throw new NotFoundError('Location', level.locationId);
    if (refused === 'level') throw levelExists(level.inventoryItemId, level.locationId);
  },

  async updateLevel(level, set, attachment) {
    const quantities = ['stockedQuantity', 'reservedQuantity', 'incomingQuantity'] as const;
    const kept = quantities.filter((quantity) => !set.includes(quantity as SettableQuantity));
    const values = Object.fromEntries(quantities.map((quantity) => [`:${quantity}`, level[quantity]]));
    const refused = await commit(
      [
        {
          name: 'level',
          action: {
            Update: {
              TableName: tableName(),
              Key: levelKey(level),
              UpdateExpression: `SET ${[...set.map((quantity) => `${quantity} = :${quantity}`), 'updatedAt = :now'].join(', ')}`,
              // Concurrent updates of the same quantity simply follow each other; the rest must be as the answer shows it.
              ConditionExpression: ['attribute_exists(pk)', ...kept.map((quantity) => `${quantity} = :${quantity}`)].join(' AND '),
              ExpressionAttributeValues: { ...values, ':now': level.updatedAt },
            },
          },
        },
      ],
      attachment,
    );
    if (refused === 'level') throw new ConcurrentChangeError('The level changed since it was read');
  },

  async deleteLevel(level, attachment) {
    const refused = await commit(
      [{ name: 'level', action: { Delete: { TableName: tableName(), Key: levelKey(level), ...asRead(level) } } }],
      attachment,
    );
    if (refused === 'level') throw new ConcurrentChangeError('The level changed since it was read');
  },
};
