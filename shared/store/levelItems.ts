import type { Level, StockRecord } from '#shared/domain/catalog';
import { isLowStock, type StockMovement } from '#shared/domain/stock';
import { toItem } from '#shared/store/items';
import { indexKeys, keys, stockKeys } from '#shared/store/keys';
import { ENTITY, STOCK_INDEXES, type TableIndex } from '#shared/store/table';
import type { NamedWrite, WriteAction } from '#shared/store/transactions';

/**
 * The items of a level as the ledger stores them: the level with its index keys, its history
 * entries, its identity guard and its low-stock outbox entry, and the conditions every write of
 * them shares.
 */

type Item = Record<string, unknown>;

export const versionCondition = (version: number) => ({
  ConditionExpression: '#version = :read',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':read': version },
});

/**
 * The writes that create a record, for every route that creates one (ShopSynch's create,
 * DayZero's initial inventory): the identity guard (refused as 'stock' when the product,
 * variant and location already have a record), the record and its first history entry.
 */
export function newStockRecordWrites(
  table: string,
  record: StockRecord,
  created: StockMovement,
): NamedWrite<'stock' | 'record' | 'movement'>[] {
  const { guard, item, movement } = newStockRecordItems(record, created);
  return [
    { name: 'stock', action: putNew(table, guard) },
    { name: 'record', action: putNew(table, item) },
    { name: 'movement', action: putNew(table, movement) },
  ];
}

/** The items of a new record: its identity guard, the record with its index keys, and its first movement (fixtures load them as they are). */
export function newStockRecordItems(record: StockRecord, created: StockMovement): { guard: Item; item: Item; movement: Item } {
  return {
    guard: guardItem(record),
    item: stockRecordItem(record),
    movement: movementItem(created),
  };
}

/** Holds the identity rule: one record per product, variant and location. */
export const guardItem = (record: StockRecord): Item =>
  toItem(ENTITY.StockGuard, keys.stock(record.tenantId, record.productId, record.variantId, record.locationId), {
    tenantId: record.tenantId,
    recordId: record.id,
  });

export const putNew = (TableName: string, Item: Item): WriteAction => ({
  Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/** The record with its index keys: the list indexes always, the low-stock index only while it is low. */
export function stockRecordItem(record: Level): Item {
  const indexed = (index: TableIndex, key: { pk: string; sk: string }) => ({ [index.partitionKey]: key.pk, [index.sortKey]: key.sk });
  // A level without a product (an item's that only Medusa shows) is in no list.
  const listed = record.productId === null ? undefined : { ...record, productId: record.productId };
  return toItem(ENTITY.StockRecord, stockKeys.record(record.tenantId, record.id), {
    ...record,
    ...(listed ? indexed(STOCK_INDEXES.byProduct, stockKeys.byProduct(listed)) : {}),
    ...(listed ? indexed(STOCK_INDEXES.byWarehouse, stockKeys.byWarehouse(listed)) : {}),
    ...(listed && isLowStock(listed) ? indexed(STOCK_INDEXES.lowStock, stockKeys.lowStock(listed)) : {}),
    // A variant's record is found with the variant by its ID alone (DayZero's GET: one Query).
    ...(record.variantId === null ? {} : indexKeys.variantById(record.tenantId, record.variantId, record.locationId)),
  });
}

export function movementItem(movement: StockMovement): Item {
  return toItem(ENTITY.StockMovement, stockKeys.movement(movement.tenantId, movement.recordId, movement.version), movement);
}

/** The outbox entry of a crossing into low stock: the stream turns it into one InventoryLowStock event. */
export function lowStockEventItem(record: Level): Item {
  return toItem(ENTITY.LowStockEvent, stockKeys.lowStockEvent(record.tenantId, record.id, record.version), {
    tenantId: record.tenantId,
    recordId: record.id,
    version: record.version,
    record: JSON.stringify(record),
  });
}
