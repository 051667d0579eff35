import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { LocationLevel } from '#shared/domain/catalog';
import { sideBySide } from '#shared/domain/concurrency';
import { ConcurrentChangeError } from '#shared/domain/errors';
import type { LocationLevelStore, SettableQuantity } from '#shared/domain/locationLevel';
import { documentClient, tableName } from '#shared/store/client';
import { LevelItem, LocationItem, VariantItem } from '#shared/store/entities';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys } from '#shared/store/keys';
import { insertLevel, removeLevel } from '#shared/store/ledgerLevel';
import { writeMovementWith } from '#shared/store/stock';
import { commit, type NamedWrite } from '#shared/store/transactions';

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

/**
 * An inventory item's location levels: `LEVEL#<location>` items in the item's partition, one per
 * location (the key), each Medusa's view of a ledger entry (`stockRecordId`, a stock record's
 * partition) that every write goes through. Levels stored before the ledger have no entry yet and
 * are updated and deleted in place.
 */
export const locationLevelStore: LocationLevelStore = {
  async readItem(tenantId, itemId) {
    return (await inventoryLinkStore.readInventoryItems(tenantId, [itemId])).get(itemId);
  },

  async readCreateContext(tenantId, itemId, locationId) {
    const [stocked, location] = await sideBySide([
      locationLevelStore.readItem(tenantId, itemId),
      documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.location(tenantId, locationId), ConsistentRead: true })),
    ]);
    return { ...(stocked ? { stocked } : {}), ...(location.Item ? { location: fromItem(LocationItem, location.Item) } : {}) };
  },

  async readOwnerVariant(tenantId, productId, variantId) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: keys.variant(tenantId, productId, variantId), ConsistentRead: true }),
    );
    return Item ? fromItem(VariantItem, Item) : undefined;
  },

  async readLevel(tenantId, levelId) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: stockKeys.record(tenantId, levelId), ConsistentRead: true }),
    );
    return Item ? fromItem(LevelItem, Item) : undefined;
  },

  insertLevel,
  removeLevel,
  writeMovement: (next, movement, enteredLowStock, attachment) => writeMovementWith(next, movement, enteredLowStock, attachment, []),

  async updateLevel(level, set, attachment) {
    const refused = await commit([unmigratedLevelUpdate(tableName(), level, set)], attachment);
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

/** A level stored before the ledger, its quantities in `set` set in place: refused as 'level' when the others changed since it was read. */
export function unmigratedLevelUpdate(TableName: string, level: LocationLevel, set: readonly SettableQuantity[]): NamedWrite<'level'> {
  const quantities = ['stockedQuantity', 'reservedQuantity', 'incomingQuantity'] as const;
  const kept = quantities.filter((quantity) => !set.includes(quantity as SettableQuantity));
  const values = Object.fromEntries(quantities.map((quantity) => [`:${quantity}`, level[quantity]]));
  return {
    name: 'level',
    action: {
      Update: {
        TableName,
        Key: levelKey(level),
        UpdateExpression: `SET ${[...set.map((quantity) => `${quantity} = :${quantity}`), 'updatedAt = :now'].join(', ')}`,
        // Concurrent updates of the same quantity simply follow each other; the rest must be as the answer shows it.
        ConditionExpression: ['attribute_exists(pk)', ...kept.map((quantity) => `${quantity} = :${quantity}`)].join(' AND '),
        ExpressionAttributeValues: { ...values, ':now': level.updatedAt },
      },
    },
  };
}
