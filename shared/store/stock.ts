import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Attachment } from '#shared/domain/attachment';
import type { Level, StockRecord } from '#shared/domain/catalog';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { OwnItem } from '#shared/domain/ownItem';
import { type Page, type PageRequest, type StockMovement, type StockRecordStore } from '#shared/domain/stock';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { decodeCursor, encodeCursor } from '#shared/store/cursor';
import { LocationItem, ProductItem, StockMovementItem, StockRecordItem, VariantItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys, stockKeys } from '#shared/store/keys';
import { STOCK_INDEXES, TABLE, type TableIndex } from '#shared/store/table';
import { movementWrites, ownItemWrites } from '#shared/store/levelChanges';
import { newStockRecordWrites } from '#shared/store/levelItems';
import { commit, type NamedWrite } from '#shared/store/transactions';

type Item = Record<string, unknown>;
type StockListName = 'listStockRecords' | 'listLowStock' | 'listMovements';

/**
 * Stock records, each in its own partition under its ID (one GetItem reads it), with its
 * history beside it. A guard item keyed by product, variant and location, written in the
 * same transaction as the record, holds the identity rule. The record carries the keys of
 * the list indexes, and those of the sparse low-stock index only while it is low.
 */
export const stockRecords = {
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
} satisfies Omit<StockRecordStore, StockListName>;

/** The stock lists: they seal their cursors, so only routes given the sealing secret bundle them (through stockStore). */
const stockLists = {
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
} satisfies Pick<StockRecordStore, StockListName>;

/**
 * stockRecords and the stock lists. Code that only reads and moves records uses stockRecords, so
 * that a bundle not given the sealing secret holds no cursor sealing (pure: unused, it is dropped).
 */
export const stockStore: StockRecordStore = /* @__PURE__ */ Object.assign({}, stockRecords, stockLists);

/**
 * The same store, whose movements also write `alongside(next)` in their transaction: DayZero's
 * adjustment entry rides on the movement it records, refused and retried with it.
 */
export function stockStoreWith(
  alongside: (next: StockRecord) => NamedWrite<'alongside'>[],
): Pick<StockRecordStore, 'readStockRecord' | 'writeMovement'> {
  return {
    ...stockRecords,
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
  const error = newLevelRefusal(refused);
  if (error) throw error;
  return refused as Name | undefined;
}

/** What a refused new level means (a level there already, an owner that took another item, a defect); undefined for the caller's own writes. */
export function newLevelRefusal(refused: string | undefined): Error | undefined {
  if (refused === 'stock')
    return new ConflictError(IDENTITY_RULES.stockPerLocation, 'A stock record already exists for this product at this location');
  if (refused === 'owner') return new ConcurrentChangeError('The owner of the stock took another inventory item meanwhile');
  if (refused === 'record' || refused === 'movement') return new Error(`Stock record transaction refused by its ${refused} item`);
  return undefined;
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
  const error = movementRefusal(next, await commit(writes, attachment));
  if (error) throw error;
}

/** What a refused movement means: another movement committed first (read again), or a defect. */
export function movementRefusal(next: Level, refused: string | undefined): Error | undefined {
  if (refused === undefined) return undefined;
  // Another movement committed first: its version took ours.
  if (refused === 'record') return new ConcurrentChangeError('Stock record changed since it was read');
  // The version was ours but its history entry exists: a history from an earlier record under this ID (a defect, not a race).
  return new Error(`Stock movement refused by its ${refused} item at version ${next.version}`);
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
