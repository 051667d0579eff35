import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Attachment } from '#shared/domain/attachment';
import type { Level, StockRecord } from '#shared/domain/catalog';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import { ownItemId, type OwnItem } from '#shared/domain/ownItem';
import { catalogItem } from '#shared/store/catalogItems';
import { isLowStock, type Page, type PageRequest, type StockMovement, type StockRecordStore } from '#shared/domain/stock';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { decodeCursor, encodeCursor } from '#shared/store/cursor';
import { LocationItem, ProductItem, StockMovementItem, StockRecordItem, VariantItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { indexKeys, keys, stockKeys } from '#shared/store/keys';
import { ENTITY, STOCK_INDEXES, TABLE, type TableIndex } from '#shared/store/table';
import { levelUpdate, movedLevelCopy } from '#shared/store/levelWrite';
import { commit, type NamedWrite, type WriteAction } from '#shared/store/transactions';
import { notVariable } from '#shared/store/productCounters';

type Item = Record<string, unknown>;

/**
 * Stock records, each in its own partition under its ID (one GetItem reads it), with its
 * history beside it. A guard item keyed by product, variant and location, written in the
 * same transaction as the record, holds the identity rule. The record carries the keys of
 * the list indexes, and those of the sparse low-stock index only while it is low.
 */
export const stockStore: StockRecordStore = {
  async readStockContext(tenantId, wanted) {
    const [product, location, variant] = await getMany(documentClient(), tableName(), [
      keys.product(tenantId, wanted.productId),
      keys.location(tenantId, wanted.locationId),
      ...(wanted.variantId === null ? [] : [keys.variant(tenantId, wanted.productId, wanted.variantId)]),
    ]);
    return {
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(variant ? { variant: fromItem(VariantItem, variant) } : {}),
      ...(location ? { location: fromItem(LocationItem, location) } : {}),
    };
  },

  async insertStockRecord(record, created, own, attachment) {
    await insertStockRecordWith(record, created, own, attachment, []);
  },

  async readStockRecord(tenantId, recordId) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: stockKeys.record(tenantId, recordId), ConsistentRead: true }),
    );
    // The level of an item no product owns is no stock record: the routes that read records do not show it.
    return Item && Item.productId !== null ? fromItem(StockRecordItem, Item) : undefined;
  },

  async writeMovement(next, movement, enteredLowStock, attachment) {
    await writeMovementWith(next, movement, enteredLowStock, attachment, []);
  },

  async listStockRecords(tenantId, filter, page) {
    const { index, pk, prefix } =
      filter.locationId === undefined
        ? { index: STOCK_INDEXES.byProduct, ...stockKeys.byProductRange(tenantId, filter.productId, filter.variantId) }
        : {
            index: STOCK_INDEXES.byWarehouse,
            ...stockKeys.byWarehouseRange(tenantId, filter.locationId, filter.productId, filter.variantId),
          };
    return queryRecords(tenantId, 'stock-records', index, pk, prefix, page);
  },

  async listLowStock(tenantId, filter, page) {
    const { pk, prefix } = stockKeys.lowStockRange(tenantId, filter.locationId);
    return queryRecords(tenantId, 'low-stock', STOCK_INDEXES.lowStock, pk, prefix, page);
  },

  async listMovements(tenantId, recordId, page) {
    const { pk, first, last } = stockKeys.movements(tenantId, recordId);
    const recordSk = stockKeys.record(tenantId, recordId).sk;
    // Newest first; the first page also reads the record itself (it sorts after its history), proving it exists.
    const start =
      page.cursor === undefined
        ? undefined
        : await decodeCursor(tenantId, 'movements', page.cursor, {
            pk: (value) => value === pk,
            sk: (value) => value.startsWith(first) && value <= last,
          });
    const result = await query({
      KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :first AND :record',
      ExpressionAttributeNames: { '#pk': TABLE.partitionKey, '#sk': TABLE.sortKey },
      ExpressionAttributeValues: { ':pk': pk, ':first': first, ':record': recordSk },
      ScanIndexForward: false,
      ConsistentRead: true,
      Limit: start ? page.limit : page.limit + 1,
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    const items = result.Items;
    if (!start) {
      if (items[0]?.sk !== recordSk || items[0].productId === null) return undefined;
      items.shift();
    }
    return {
      items: items.map((item) => fromItem(StockMovementItem, item)),
      nextCursor: await encodeCursor(tenantId, 'movements', result.LastEvaluatedKey),
    };
  },
};

/**
 * The same store, whose movements also write `alongside(next)` in their transaction: DayZero's
 * adjustment entry rides on the movement it records, refused and retried with it.
 */
export function stockStoreWith(alongside: (next: StockRecord) => NamedWrite<'alongside'>[]): StockRecordStore {
  return {
    ...stockStore,
    writeMovement: (next, movement, enteredLowStock, attachment) =>
      writeMovementWith(next, movement, enteredLowStock, attachment, alongside(next)),
  };
}

/**
 * insertStockRecord's transaction with `alongside` writes in it (another API's name of the new
 * level), put first so that their refusal is the one reported: answers the name of the refused
 * alongside write, if any; the level's own refusals throw as insertStockRecord's do.
 */
export async function insertStockRecordWith<Name extends string>(
  record: StockRecord,
  created: StockMovement,
  own: OwnItem | undefined,
  attachment: Attachment | undefined,
  alongside: NamedWrite<Name>[],
  legacy = false,
): Promise<Name | undefined> {
  const TableName = tableName();
  const refused = await commit<Name | 'stock' | 'record' | 'movement' | 'owner'>(
    [
      ...alongside,
      ...newStockRecordWrites(TableName, record, created),
      ...(own ? ownItemWrites(TableName, record, own, false, legacy) : []),
    ],
    attachment,
  );
  if (refused === 'stock')
    throw new ConflictError(IDENTITY_RULES.stockPerLocation, 'A stock record already exists for this product at this location');
  if (refused === 'owner') throw new ConcurrentChangeError('The owner of the stock took another inventory item meanwhile');
  if (refused === 'record' || refused === 'movement') throw new Error(`Stock record transaction refused by its ${refused} item`);
  return refused;
}

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

/** Writes a level's next version with its history entry and its views, only over the version read (see writeMovement). */
export async function writeMovementWith(
  next: Level,
  movement: StockMovement,
  enteredLowStock: boolean,
  attachment: Attachment | undefined,
  alongside: NamedWrite<'alongside'>[],
): Promise<void> {
  const writes = [...movementWrites(tableName(), next, movement, enteredLowStock), ...alongside];
  const refused = await commit(writes, attachment);
  // Another movement committed first: its version took ours.
  if (refused === 'record') throw new ConcurrentChangeError('Stock record changed since it was read');
  // The version was ours but its history entry exists: a history from an earlier record under this ID (a defect, not a race).
  if (refused) throw new Error(`Stock movement refused by its ${refused} item at version ${next.version}`);
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

const versionCondition = (version: number) => ({
  ConditionExpression: '#version = :read',
  ExpressionAttributeNames: { '#version': 'version' },
  ExpressionAttributeValues: { ':read': version },
});

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
    ...(own.link ? [{ name: 'owner' as const, action: putNew(TableName, catalogItem.variantInventoryLink(own.link)) }] : []),
  ];
  return ownerWritten ? writes.filter((write) => !write.action.Update) : writes;
}

/** Holds the identity rule: one record per product, variant and location. */
export const guardItem = (record: StockRecord): Item =>
  toItem(ENTITY.StockGuard, keys.stock(record.tenantId, record.productId, record.variantId, record.locationId), {
    tenantId: record.tenantId,
    recordId: record.id,
  });

const putNew = (TableName: string, Item: Item): WriteAction => ({
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
function lowStockEventItem(record: Level): Item {
  return toItem(ENTITY.LowStockEvent, stockKeys.lowStockEvent(record.tenantId, record.id, record.version), {
    tenantId: record.tenantId,
    recordId: record.id,
    version: record.version,
    record: JSON.stringify(record),
  });
}

/** One page of records from a stock index: the partition, narrowed to the sort-key prefix of the filter. */
async function queryRecords(
  tenantId: string,
  list: 'stock-records' | 'low-stock',
  index: TableIndex,
  pk: string,
  prefix: string,
  page: PageRequest,
): Promise<Page<StockRecord>> {
  const recordRoot = stockKeys.record(tenantId, '').pk;
  const start =
    page.cursor === undefined
      ? undefined
      : await decodeCursor(tenantId, list, page.cursor, {
          [TABLE.partitionKey]: (value) => value.startsWith(recordRoot),
          [TABLE.sortKey]: (value) => value === 'STOCK',
          [index.partitionKey]: (value) => value === pk,
          [index.sortKey]: (value) => value.startsWith(prefix),
        });
  const result = await query({
    IndexName: index.name,
    KeyConditionExpression: prefix === '' ? '#ipk = :pk' : '#ipk = :pk AND begins_with(#isk, :prefix)',
    ExpressionAttributeNames: { '#ipk': index.partitionKey, ...(prefix === '' ? {} : { '#isk': index.sortKey }) },
    ExpressionAttributeValues: { ':pk': pk, ...(prefix === '' ? {} : { ':prefix': prefix }) },
    Limit: page.limit,
    ...(start ? { ExclusiveStartKey: start } : {}),
  });
  return {
    items: result.Items.map((item) => fromItem(StockRecordItem, item)),
    nextCursor: await encodeCursor(tenantId, list, result.LastEvaluatedKey),
  };
}

async function query(input: Omit<QueryCommandInput, 'TableName'>): Promise<{ Items: Item[]; LastEvaluatedKey?: Item }> {
  const page = await documentClient().send(new QueryCommand({ ...input, TableName: tableName() }));
  return { Items: (page.Items ?? []) as Item[], ...(page.LastEvaluatedKey ? { LastEvaluatedKey: page.LastEvaluatedKey } : {}) };
}
