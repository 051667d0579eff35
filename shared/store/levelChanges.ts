import type { Level, StockRecord } from '#shared/domain/catalog';
import { ownItemId, type OwnItem } from '#shared/domain/ownItem';
import type { StockMovement } from '#shared/domain/stock';
import { catalogItem } from '#shared/store/catalogItems';
import { itemCounted } from '#shared/store/itemCounts';
import { keys, stockKeys } from '#shared/store/keys';
import { guardItem, lowStockEventItem, movementItem, putNew, stockRecordItem, versionCondition } from '#shared/store/levelItems';
import { levelUpdate, movedLevelCopy } from '#shared/store/levelWrite';
import { linkCopyItem } from '#shared/store/linkCopies';
import { notVariable } from '#shared/store/productCounters';
import type { NamedWrite } from '#shared/store/transactions';

/**
 * The writes that change a level, shared by every API that changes one: a movement (the level's
 * next version with its views and history), a variant's move or permanent delete, and the first
 * level of an owner's own item.
 */

/**
 * The writes of one movement: the level's next version over the version read, its other names'
 * copies, its history entry and, on a crossing into low stock, the outbox entry. `except` names
 * OrderCloud records the caller writes itself in the same transaction (an item appears once in one).
 */
export function movementWrites(
  TableName: string,
  next: Level,
  movement: StockMovement,
  enteredLowStock: boolean,
  except: readonly string[] = [],
): NamedWrite<'record' | 'view' | 'movement' | 'event'>[] {
  return [
    { name: 'record', action: levelUpdate(TableName, next) },
    ...levelViewUpdates(TableName, next, except),
    { name: 'movement', action: putNew(TableName, movementItem(movement)) },
    ...(enteredLowStock ? [{ name: 'event' as const, action: putNew(TableName, lowStockEventItem(next)) }] : []),
  ];
}

/**
 * The other APIs' names of a level carry a copy of its quantities and version, written in the
 * level's own transaction: whichever name a client reads, it reads the level as committed.
 * Medusa's level (at the item and location) always exists once the level has an item;
 * OrderCloud's records exist as they were created. The level's version condition makes every
 * copy follow one order of writes.
 */
export function levelViewUpdates(TableName: string, level: Level, except: readonly string[] = []): NamedWrite<'view'>[] {
  const medusa: NamedWrite<'view'>[] =
    level.inventoryItemId === undefined
      ? []
      : [
          {
            name: 'view',
            action: {
              Update: {
                TableName,
                Key: keys.locationLevel(level.tenantId, level.inventoryItemId, level.locationId),
                UpdateExpression:
                  'SET stockedQuantity = :onHand, reservedQuantity = :reserved, incomingQuantity = :incoming, version = :version, updatedAt = :at, ledger = :ledger',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: {
                  ':ledger': level,
                  ':onHand': level.onHandQty,
                  ':reserved': level.reservedQty,
                  ':incoming': level.incomingQty,
                  ':version': level.version,
                  ':at': level.updatedAt,
                },
              },
            },
          },
        ];
  const { productId } = level;
  // OrderCloud's records are a product's: a level without one has none.
  const named = productId === null ? [] : level.orderCloudRecordIds.filter((recordId) => !except.includes(recordId));
  const orderCloud: NamedWrite<'view'>[] = named.map((recordId) => ({
    name: 'view',
    action: {
      Update: {
        TableName,
        Key:
          level.variantId === null
            ? keys.productInventoryRecord(level.tenantId, productId!, recordId)
            : keys.variantInventoryRecord(level.tenantId, productId!, level.variantId, recordId),
        // The record's NotificationPoint is the level's reorder level.
        UpdateExpression:
          'SET quantityAvailable = :available, notificationPoint = :reorderLevel, version = :version, lastUpdated = :at, ledger = :ledger',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: {
          ':ledger': level,
          ':available': level.onHandQty - level.reservedQty,
          ':reorderLevel': level.reorderLevel,
          ':version': level.version,
          ':at': level.updatedAt,
        },
      },
    },
  }));
  return [...medusa, ...orderCloud];
}

/**
 * A variant's record moving to another product, in the variant's transaction: its guard leaves
 * the old product's key for the new one, and the record (as read: any movement in between
 * refuses it) takes the new productId and index keys. Refused as 'stock' on any change.
 */
export function movedStockRecordWrites(table: string, record: StockRecord, productId: string): NamedWrite<'stock'>[] {
  const moved = { ...record, productId };
  return [
    {
      name: 'stock',
      action: {
        Delete: {
          TableName: table,
          Key: keys.stock(record.tenantId, record.productId, record.variantId, record.locationId),
          ConditionExpression: 'recordId = :id',
          ExpressionAttributeValues: { ':id': record.id },
        },
      },
    },
    { name: 'stock', action: putNew(table, guardItem(moved)) },
    { name: 'stock', action: { Put: { TableName: table, Item: stockRecordItem(moved), ...versionCondition(record.version) } } },
    // Medusa's name carries a copy of the level, which a write through that name moves: the copy moves too.
    ...movedLevelCopy(table, moved).map((action) => ({ name: 'stock' as const, action })),
  ];
}

/** Removing a record with its guard and its whole history (versions 1..version), only as read. Refused as 'stock' on any change. */
export function deletedStockRecordWrites(table: string, record: StockRecord): NamedWrite<'stock'>[] {
  return [
    {
      name: 'stock',
      action: { Delete: { TableName: table, Key: stockKeys.record(record.tenantId, record.id), ...versionCondition(record.version) } },
    },
    {
      name: 'stock',
      action: { Delete: { TableName: table, Key: keys.stock(record.tenantId, record.productId, record.variantId, record.locationId) } },
    },
    ...Array.from({ length: record.version }, (_, i) => ({
      name: 'stock' as const,
      action: { Delete: { TableName: table, Key: stockKeys.movement(record.tenantId, record.id, i + 1) } },
    })),
  ];
}

/**
 * A level's place as Medusa sees it (its item and location), which also holds the rule of one
 * level per item and location; and, for an owner stocked for the first time, its own item, the
 * owner's reference to it (only if it still has none) and, for a variant, its link. `ownerWritten`: the
 * owner is written in the same transaction with its reference to the new item (DayZero's new variant).
 */
export function ownItemWrites(
  TableName: string,
  record: StockRecord,
  own: OwnItem,
  ownerWritten = false,
  legacy = false,
): NamedWrite<'stock' | 'owner'>[] {
  const ownerKey =
    own.owner.variantId === null
      ? keys.product(record.tenantId, own.owner.productId)
      : keys.variant(record.tenantId, own.owner.productId, own.owner.variantId);
  const view: NamedWrite<'stock'> = {
    name: 'stock',
    action: putNew(
      TableName,
      catalogItem.locationLevel({
        id: record.levelId ?? '',
        tenantId: record.tenantId,
        inventoryItemId: ownItemId(own),
        locationId: record.locationId,
        stockedQuantity: record.onHandQty,
        reservedQuantity: record.reservedQty,
        incomingQuantity: record.incomingQty,
        stockRecordId: record.id,
        version: record.version,
        ledger: record,
        createdAt: record.createdAt,
        updatedAt: record.updatedAt,
      }),
    ),
  };
  // Every level counts on its owner (levelCount: up with each level made, down with each removed): a
  // permanent delete of the owner is conditional on the count being the levels it removes, so a level
  // made meanwhile, through any API, or one its read missed, refuses it.
  // A product's own stock is a SIMPLE or DIGITAL product's only (see productCounters); `legacy`: stock stored
  // before the rule, which the migration carries over whatever its product's type (units are never dropped).
  const [typed, typeValues] = own.owner.variantId === null && !legacy ? [` AND ${notVariable.condition}`, notVariable.values] : ['', {}];
  if (own.kind === 'existing') {
    return [
      view,
      {
        name: 'owner',
        action: {
          Update: {
            TableName,
            Key: ownerKey,
            UpdateExpression: 'ADD levelCount :one',
            ConditionExpression: `inventoryItemId = :item${typed}`,
            ExpressionAttributeValues: { ':item': own.itemId, ':one': 1, ...typeValues },
          },
        },
      },
    ];
  }
  const writes: NamedWrite<'stock' | 'owner'>[] = [
    view,
    { name: 'owner', action: putNew(TableName, catalogItem.inventoryItem(own.item)) },
    {
      name: 'owner',
      action: {
        Update: {
          TableName,
          Key: ownerKey,
          UpdateExpression: 'SET inventoryItemId = :item ADD levelCount :one',
          ConditionExpression: `attribute_exists(pk) AND attribute_not_exists(inventoryItemId)${typed}`,
          ExpressionAttributeValues: { ':item': own.item.id, ':one': 1, ...typeValues },
        },
      },
    },
    ...(own.link
      ? [
          { name: 'owner' as const, action: putNew(TableName, catalogItem.variantInventoryLink(own.link)) },
          { name: 'owner' as const, action: putNew(TableName, linkCopyItem(own.link)) },
        ]
      : []),
  ];
  // The new item counts in the tenant's items (see itemCounts), whoever writes its owner.
  return [
    ...(ownerWritten ? writes.filter((write) => !write.action.Update) : writes),
    itemCounted(TableName, record.tenantId, own.item.id, 1, 'owner'),
  ];
}
