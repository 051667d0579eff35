import type { StockRecord } from '#shared/domain/catalog';
import { levelView } from '#shared/domain/locationLevel';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES, NotMigratedError } from '#shared/domain/errors';
import {
  recordIdTaken,
  type InventoryRecord,
  type InventoryRecordStore,
  type InventoryRecordView,
  type RecordLevelChange,
} from '#shared/domain/inventoryRecord';
import type { StockMovement } from '#shared/domain/stock';
import { getMany } from '#shared/store/batch';
import { catalogItem } from '#shared/store/catalogItems';
import { documentClient, tableName } from '#shared/store/client';
import { LocationLevelItem, StockGuardItem } from '#shared/store/entities';
import { inventoryRecordItems, recordKey } from '#shared/store/inventoryRecordItems';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { insertStockRecordWith, stockRecords } from '#shared/store/stock';
import { newStockRecordItems } from '#shared/store/levelItems';
import { movementWrites } from '#shared/store/levelChanges';
import { recordCounted } from '#shared/store/recordCounts';
import { commit, type NamedWrite, type WriteAction } from '#shared/store/transactions';

type Item = Record<string, unknown>;

/**
 * OrderCloud's records as names of the ledger's levels. A record item is a view of its level: a
 * copy of the level's numbers and version, written in the level's own transactions (by every
 * movement, through levelViewUpdates; here, when OrderCloud itself changes the level or its
 * names). Every write that changes a level goes through the movement writes of shared/store/stock.
 */
export const recordLevelStore: Pick<
  InventoryRecordStore,
  'insertRecordLevel' | 'readLevelAt' | 'readLevel' | 'writeLevelChange' | 'replaceRecordFields'
> = {
  async insertRecordLevel(view, level, created, own, attachment) {
    try {
      // The record's writes go first: a taken ID is the refusal reported, even where a level exists too.
      const refused = await insertStockRecordWith(level, created, own, attachment, recordIdWrites(tableName(), view));
      if (refused) throw recordIdTaken(view.record.id);
      return true;
    } catch (error) {
      if (error instanceof ConflictError && error.is(IDENTITY_RULES.stockPerLocation)) return false;
      throw error;
    }
  },

  async readLevelAt(tenantId, owner, itemId, locationId) {
    // The level's Medusa name (at its item and location) names it, and so does its guard (by product, variant and location).
    const [guard, view] = await getMany(documentClient(), tableName(), [
      keys.stock(tenantId, owner.productId, owner.variantId, locationId),
      ...(itemId === undefined ? [] : [keys.locationLevel(tenantId, itemId, locationId)]),
    ]);
    const levelId = (view && fromItem(LocationLevelItem, view).stockRecordId) ?? (guard && fromItem(StockGuardItem, guard).recordId);
    if (levelId !== undefined) return stockRecords.readStockRecord(tenantId, levelId);
    if (view) throw new NotMigratedError(`Medusa's level of ${itemId} at ${locationId} was stored before the stock ledger`);
    return undefined;
  },

  readLevel: (tenantId, levelId) => stockRecords.readStockRecord(tenantId, levelId),

  async writeLevelChange(change, attachment) {
    const refused = await commit(recordLevelChangeWrites(tableName(), change), attachment);
    const error = recordLevelChangeRefusal(change, refused);
    if (error) throw error;
  },

  async replaceRecordFields(previous, next, attachment) {
    const refused = await commit([recordFieldsWrite(tableName(), previous, next)], attachment);
    if (refused) throw new ConcurrentChangeError('The inventory record changed since it was read');
  },
};

/** A new record's ID guard, the record and its owner's count, in the transaction of the level it names: refused as 'id' when the ID is taken. */
export function recordIdWrites(TableName: string, view: InventoryRecordView): NamedWrite<'id' | 'count'>[] {
  const { guard, record } = inventoryRecordItems(view);
  return [
    { name: 'id', action: putNew(TableName, guard) },
    { name: 'id', action: putNew(TableName, record) },
    recordCounted(TableName, view.record.tenantId, view.record, 1, 'count'),
  ];
}

/** A level change through OrderCloud: the record's side (see nameWrites) and the movement, with every other name's copy. */
export function recordLevelChangeWrites(
  TableName: string,
  { level, movement, enteredLowStock, previous, next }: RecordLevelChange,
): NamedWrite<'id' | 'name' | 'oldId' | 'record' | 'view' | 'movement' | 'event'>[] {
  const own = [previous?.id, next?.record.id].filter((id) => id !== undefined);
  return [...nameWrites(TableName, previous, next), ...movementWrites(TableName, level, movement, enteredLowStock, own)];
}

/** What a refused level change means: a taken ID, or the level or its record changed since they were read (read both again). */
export function recordLevelChangeRefusal(change: RecordLevelChange, refused: string | undefined): Error | undefined {
  if (refused === undefined) return undefined;
  if (refused === 'id') return recordIdTaken(change.next!.record.id);
  if (refused === 'record' || refused === 'name') return new ConcurrentChangeError('The level or its record changed since they were read');
  return new Error(`Inventory record change refused by its ${refused} item at version ${change.level.version}`);
}

/** The record's own fields replaced, its copy of the level as read: refused as 'name' when the record changed since. */
export function recordFieldsWrite(TableName: string, previous: InventoryRecord, next: InventoryRecordView): NamedWrite<'name'> {
  return { name: 'name', action: { Put: { TableName, Item: inventoryRecordItems(next).record, ...unchanged(previous) } } };
}

/**
 * The record's side of a level change: a new name takes its ID (guard and record put only if
 * absent: 'id'), the record as read is replaced or removed only if unchanged ('name'), and a
 * name that goes frees its ID.
 */
function nameWrites(
  TableName: string,
  previous: InventoryRecord | undefined,
  next: InventoryRecordView | undefined,
): NamedWrite<'id' | 'name' | 'oldId'>[] {
  const items = next && inventoryRecordItems(next);
  if (previous && items && previous.id === next.record.id)
    return [{ name: 'name', action: { Put: { TableName, Item: items.record, ...unchanged(previous) } } }];
  // The owners' counts of records follow (a rename within one owner leaves its count as it is).
  const counts =
    previous && next && previous.productId === next.record.productId && previous.variantId === next.record.variantId
      ? []
      : [
          ...(previous ? [recordCounted(TableName, previous.tenantId, previous, -1, 'name' as const)] : []),
          ...(next ? [recordCounted(TableName, next.record.tenantId, next.record, 1, 'id' as const)] : []),
        ];
  return [
    ...(items
      ? [
          { name: 'id' as const, action: putNew(TableName, items.guard) },
          { name: 'id' as const, action: putNew(TableName, items.record) },
        ]
      : []),
    ...counts,
    ...(previous
      ? [
          {
            name: 'name' as const,
            action: { Delete: { TableName, Key: recordKey(previous.tenantId, previous, previous.id), ...unchanged(previous) } },
          },
          {
            name: 'oldId' as const,
            action: { Delete: { TableName, Key: keys.inventoryRecordId(previous.tenantId, previous.productId, previous.id) } },
          },
        ]
      : []),
  ];
}

/** The record as read, unchanged since: its own fields (lastUpdated) and its copy of the level (version). */
const unchanged = (record: InventoryRecord) => ({
  ConditionExpression: 'lastUpdated = :read AND #version = :version',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':read': record.lastUpdated, ':version': record.version },
});

const putNew = (TableName: string, Item: Item): WriteAction => ({
  Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
});

/**
 * The items of a level made through OrderCloud, as its create writes them (its guard, the level,
 * its first movement, Medusa's name of it, the record and its ID guard), for fixtures to load.
 * The level's own item is the fixture's to write, once for all its levels.
 */
export function recordLevelItems(
  view: InventoryRecordView,
  level: StockRecord & { inventoryItemId: string; levelId: string },
  created: StockMovement,
): Item[] {
  const { guard, item, movement } = newStockRecordItems(level, created);
  const record = inventoryRecordItems(view);
  return [guard, item, movement, catalogItem.locationLevel(levelView(level)), record.guard, record.record];
}
