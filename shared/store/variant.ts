import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StockRecord } from '#shared/domain/catalog';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type {
  VariantDeleteStore,
  VariantList,
  VariantListStore,
  VariantReadStore,
  VariantRecord,
  VariantStore,
} from '#shared/domain/variant';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import {
  DayZeroVariantItem,
  LocationItem,
  ProductItem,
  StockGuardItem,
  StockRecordItem,
  TenantItem,
  VendorItem,
} from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { indexKeys, keys, NAME_SORT_END, stockKeys } from '#shared/store/keys';
import { deletedStockRecordWrites, movedStockRecordWrites, newStockRecordWrites } from '#shared/store/stock';
import { stripeChangeTaskPut, stripeSyncTaskPut } from '#shared/store/stripeSync';
import { ENTITY, VARIANT_BY_ID, VARIANT_LIST_INDEXES, type TableIndex } from '#shared/store/table';
import { commit, type NamedWrite } from '#shared/store/transactions';

/** DayZero variants: the variant, its SKU guard and its stock record (as ShopSynch's create writes one), written together. */
export const variantStore: VariantStore & VariantReadStore & VariantDeleteStore & VariantListStore = {
  async readVariantContext(tenantId, productId, vendorId) {
    const [tenant, product, vendor] = await getMany(documentClient(), tableName(), [
      keys.tenant(tenantId),
      keys.product(tenantId, productId),
      ...(vendorId === null ? [] : [keys.vendor(tenantId, vendorId)]),
    ]);
    const defaultLocationId = tenant ? fromItem(TenantItem, tenant).defaultLocationId : undefined;
    // Its name goes on the stock record; only the tenant says which location it is, so it is read second.
    const location =
      defaultLocationId === undefined
        ? undefined
        : (
            await documentClient().send(
              new GetCommand({ TableName: tableName(), Key: keys.location(tenantId, defaultLocationId), ConsistentRead: true }),
            )
          ).Item;
    return {
      ...(location ? { defaultLocation: fromItem(LocationItem, location) } : {}),
      ...(tenant ? { tenant: fromItem(TenantItem, tenant) } : {}),
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(vendor ? { vendor: fromItem(VendorItem, vendor) } : {}),
    };
  },

  /** One Query on the variantById index: the variant and its stock records (eventually consistent, as every index read). */
  async readVariant(tenantId, variantId) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: VARIANT_BY_ID,
        KeyConditionExpression: 'variantByIdPk = :pk',
        ExpressionAttributeValues: { ':pk': indexKeys.variantById(tenantId, variantId).variantByIdPk },
      }),
    );
    const item = Items.find((entry) => entry.type === ENTITY.Variant);
    if (!item) return undefined;
    const stock = Items.filter((entry) => entry.type === ENTITY.StockRecord).map((entry) => fromItem(StockRecordItem, entry));
    return toVariantRecord(item, stock).variant;
  },

  /**
   * A position is the variant's table key and its sort key in the list's index, exactly as a page
   * of this list returns them: the tenant's product partition (the list's product, when it has
   * one), a variant sort key, and an index sort key ending with that variant's ID; every value
   * within DynamoDB's key sizes. The index partition is never taken from a cursor.
   */
  isListPosition(tenantId, list, position) {
    const index = listIndex(list);
    const names = Object.keys(position);
    if (names.length !== 4 || position.index !== index.name) return false;
    const { pk, sk } = position;
    const indexSk = position[index.sortKey];
    if (pk === undefined || sk === undefined || indexSk === undefined) return false;
    const productPrefix = keys.product(tenantId, '').pk;
    const productPart = pk.slice(productPrefix.length);
    const variantPart = sk.slice(VARIANT_PREFIX.length);
    return (
      (list.productId === null
        ? pk.startsWith(productPrefix) && /^[^#]+$/.test(productPart)
        : pk === keys.product(tenantId, list.productId).pk) &&
      sk.startsWith(VARIANT_PREFIX) &&
      /^[^#]+$/.test(variantPart) &&
      indexSk.endsWith(`${list.sortBy === 'name' ? NAME_SORT_END : '#'}${variantPart}`) &&
      indexSk.length > variantPart.length + 1 &&
      Buffer.byteLength(pk) <= MAX_PARTITION_KEY_BYTES &&
      Buffer.byteLength(sk) <= MAX_SORT_KEY_BYTES &&
      Buffer.byteLength(indexSk) <= MAX_SORT_KEY_BYTES
    );
  },

  /**
   * One Query on the index of the list's scope and order, in the direction of travel, from the
   * position (ExclusiveStartKey); beside it, when there is a position, a one-item Query for
   * anything at or behind it. Both at once: one round trip.
   */
  async readVariantList(tenantId, list, { from, backwards, count }) {
    const index = listIndex(list);
    const partition = indexKeys.variantListPartition(tenantId, list.productId, list.archived);
    // The index is ascending; a descending list reads it backwards, and a prev page reads the other way.
    const ascending = list.descending === backwards;
    const names = { '#pk': index.partitionKey, '#sk': index.sortKey };
    const start =
      from === undefined ? undefined : { pk: from.pk, sk: from.sk, [index.partitionKey]: partition, [index.sortKey]: from[index.sortKey] };
    const [run, behind] = await Promise.all([
      queryUpTo(count, {
        IndexName: index.name,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': index.partitionKey },
        ExpressionAttributeValues: { ':pk': partition },
        ScanIndexForward: ascending,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
      start === undefined
        ? false
        : documentClient()
            .send(
              new QueryCommand({
                TableName: tableName(),
                IndexName: index.name,
                KeyConditionExpression: `#pk = :pk AND #sk ${ascending ? '<=' : '>='} :at`,
                ExpressionAttributeNames: names,
                ExpressionAttributeValues: { ':pk': partition, ':at': start[index.sortKey] },
                ScanIndexForward: !ascending,
                ProjectionExpression: '#pk',
                Limit: 1,
              }),
            )
            .then((page) => (page.Items ?? []).length > 0),
    ]);
    return {
      run: run.map((item) => {
        const { stockLocationId: _home, revision: _revision, ...variant } = fromItem(DayZeroVariantItem, item);
        return {
          variant,
          position: { index: index.name, pk: String(item.pk), sk: String(item.sk), [index.sortKey]: String(item[index.sortKey]) },
        };
      }),
      behind,
    };
  },

  /** A COUNT Query over the list's index partition, page after page (each page reads up to 1 MB of variants). */
  async countVariantList(tenantId, list) {
    const index = listIndex(list);
    let total = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = await documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': index.partitionKey },
          ExpressionAttributeValues: { ':pk': indexKeys.variantListPartition(tenantId, list.productId, list.archived) },
          Select: 'COUNT',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      total += page.Count ?? 0;
      start = page.LastEvaluatedKey;
    } while (start);
    return total;
  },

  /** The variant's product from the index, then everything the update decides on in one consistent round trip. */
  async readVariantUpdate(tenantId, variantId, wanted) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: VARIANT_BY_ID,
        KeyConditionExpression: 'variantByIdPk = :pk AND variantByIdSk = :variant',
        ExpressionAttributeValues: {
          ':pk': indexKeys.variantById(tenantId, variantId).variantByIdPk,
          ':variant': indexKeys.variantById(tenantId, variantId).variantByIdSk,
        },
        ProjectionExpression: 'productId',
      }),
    );
    const productId = Items[0]?.productId;
    if (typeof productId !== 'string') {
      const [tenant] = await getMany(documentClient(), tableName(), [keys.tenant(tenantId)]);
      return { ...(tenant ? { tenant: fromItem(TenantItem, tenant) } : {}), stockRecords: [], hasLinks: false, hasMovements: false };
    }
    const moves = wanted.productId !== null && wanted.productId !== productId;
    const variantKey = keys.variant(tenantId, productId, variantId);
    const stockPrefix = keys.stock(tenantId, productId, variantId, '').sk;
    const linkPrefix = keys.variantInventoryLinks(tenantId, productId, variantId).sk;
    // All three at once: one round trip of consistent reads.
    const [[tenant, variant, product, vendor], stockItems, links] = await Promise.all([
      getMany(documentClient(), tableName(), [
        keys.tenant(tenantId),
        variantKey,
        keys.product(tenantId, moves ? wanted.productId! : productId),
        ...(wanted.vendorId === null ? [] : [keys.vendor(tenantId, wanted.vendorId)]),
      ]),
      queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :stock)',
        ExpressionAttributeValues: { ':pk': variantKey.pk, ':stock': stockPrefix },
      }),
      documentClient().send(
        new QueryCommand({
          TableName: tableName(),
          ConsistentRead: true,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :links)',
          ExpressionAttributeValues: { ':pk': variantKey.pk, ':links': linkPrefix },
          Limit: 1,
        }),
      ),
    ]);
    // The guards name the variant's records, each in its own partition: read them consistently too.
    const recordIds = stockItems.map((item) => fromItem(StockGuardItem, item).recordId);
    const stock = (
      await getMany(
        documentClient(),
        tableName(),
        recordIds.map((id) => stockKeys.record(tenantId, id)),
      )
    )
      .filter((item) => item !== undefined)
      .map((item) => fromItem(StockRecordItem, item));
    // Any history beyond its creation (version 1) is a movement, as are units still held.
    const hasMovements = stock.some((record) => record.version > 1 || record.onHandQty !== 0 || record.reservedQty !== 0);
    const current = variant ? toVariantRecord(variant, stock) : undefined;
    return {
      ...(tenant ? { tenant: fromItem(TenantItem, tenant) } : {}),
      ...(current ? { current } : {}),
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(vendor ? { vendor: fromItem(VendorItem, vendor) } : {}),
      stockRecords: stock,
      hasLinks: (links.Items ?? []).length > 0,
      hasMovements,
    };
  },

  /** OrderCloud records share the product's partition; their IDs are their own, so the variant is matched by attribute. */
  async hasInventoryRecords(tenantId, productId, variantId) {
    const records = await queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :records)',
      FilterExpression: 'variantId = :variant',
      ExpressionAttributeValues: { ':pk': keys.product(tenantId, productId).pk, ':records': 'INVRECORD#', ':variant': variantId },
      ProjectionExpression: 'pk',
    });
    return records.length > 0;
  },

  async deleteVariant(variant, revision, stockRecords, attachment) {
    const table = tableName();
    const t = variant.tenantId;
    const refused = await commit(
      [
        {
          name: 'variant',
          action: { Delete: { TableName: table, Key: keys.variant(t, variant.productId, variant.id), ...revisionCondition(revision) } },
        },
        ...(variant.sku === null
          ? []
          : [
              {
                name: 'sku',
                action: {
                  Delete: {
                    TableName: table,
                    Key: keys.skuGuard(t, variant.sku),
                    ConditionExpression: 'variantId = :id',
                    ExpressionAttributeValues: { ':id': variant.id },
                  },
                },
              },
            ]),
        // Still as read (empty, never moved) when deleted: a movement in between makes the request read again.
        ...stockRecords.flatMap((record) => deletedStockRecordWrites(table, record)),
        // A create's sync still pending has nothing left to sync.
        { name: 'stripeTask', action: { Delete: { TableName: table, Key: keys.stripeSyncTask(t, variant.id) } } },
      ],
      attachment,
    );
    if (refused) throw new ConcurrentChangeError(`The variant's ${refused} changed since it was read`);
  },

  async replaceVariant(before, revision, after, stockRecords, stripeTask, attachment) {
    const table = tableName();
    const t = before.tenantId;
    const oldKey = keys.variant(t, before.productId, before.id);
    const newKey = keys.variant(t, after.productId, after.id);
    const moves = oldKey.pk !== newKey.pk;
    const { stock, ...fields } = after;
    // The list index keys follow the new name, product and archived state in the same write.
    const item = toItem(ENTITY.Variant, newKey, {
      ...fields,
      stockLocationId: stock.locationId,
      revision: revision + 1,
      ...indexKeys.variantById(t, after.id),
      ...indexKeys.variantList(after),
    });
    const unchanged = revisionCondition(revision);
    const skuChanges = before.sku !== after.sku;
    const writes: NamedWrite<'variant' | 'moved' | 'oldSku' | 'newSku' | 'stock' | 'stripeTask'>[] = [
      ...(stripeTask ? [{ name: 'stripeTask' as const, action: stripeChangeTaskPut(table, stripeTask) }] : []),
      moves
        ? { name: 'variant', action: { Delete: { TableName: table, Key: oldKey, ...unchanged } } }
        : { name: 'variant', action: { Put: { TableName: table, Item: item, ...unchanged } } },
      ...(moves
        ? [{ name: 'moved' as const, action: { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } } }]
        : []),
      ...(skuChanges && before.sku !== null
        ? [
            {
              name: 'oldSku' as const,
              action: {
                Delete: {
                  TableName: table,
                  Key: keys.skuGuard(t, before.sku),
                  ConditionExpression: 'variantId = :id',
                  ExpressionAttributeValues: { ':id': before.id },
                },
              },
            },
          ]
        : []),
      ...(skuChanges && after.sku !== null
        ? [
            {
              name: 'newSku' as const,
              action: {
                Put: {
                  TableName: table,
                  Item: toItem(ENTITY.SkuGuard, keys.skuGuard(t, after.sku), {
                    tenantId: t,
                    sku: after.sku,
                    productId: after.productId,
                    variantId: after.id,
                  }),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            },
          ]
        : []),
      // A SKU kept while moving: its guard names the new product.
      ...(!skuChanges && moves && after.sku !== null
        ? [
            {
              name: 'oldSku' as const,
              action: {
                Put: {
                  TableName: table,
                  Item: toItem(ENTITY.SkuGuard, keys.skuGuard(t, after.sku), {
                    tenantId: t,
                    sku: after.sku,
                    productId: after.productId,
                    variantId: after.id,
                  }),
                  ConditionExpression: 'variantId = :id',
                  ExpressionAttributeValues: { ':id': before.id },
                },
              },
            },
          ]
        : []),
      // Its stock records follow it (guard and index keys), as read: a stock movement in between makes this attempt read again.
      ...stockRecords.flatMap((record) => movedStockRecordWrites(table, record, after.productId)),
    ];
    const refused = await commit(writes, attachment);
    if (refused === 'newSku') throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
    if (refused) throw new ConcurrentChangeError(`The variant changed since it was read (${refused})`);
  },

  /** The guard's key is the SKU, so two variants with one SKU cannot both be written. */
  async insertVariant(variant, stock, stripeTask, attachment) {
    const { stock: level, ...fields } = variant;
    const table = tableName();
    const put = <Name extends string>(name: Name, item: Record<string, unknown>): NamedWrite<Name> => ({
      name,
      action: { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    });
    const writes = [
      put(
        'variant',
        toItem(ENTITY.Variant, keys.variant(variant.tenantId, variant.productId, variant.id), {
          ...fields,
          stockLocationId: level.locationId,
          ...indexKeys.variantById(variant.tenantId, variant.id),
          ...indexKeys.variantList(variant),
        }),
      ),
      ...(variant.sku === null
        ? []
        : [
            put(
              'sku',
              toItem(ENTITY.SkuGuard, keys.skuGuard(variant.tenantId, variant.sku), {
                tenantId: variant.tenantId,
                sku: variant.sku,
                productId: variant.productId,
                variantId: variant.id,
              }),
            ),
          ]),
      ...(stock ? newStockRecordWrites(table, stock.record, stock.created) : []),
      ...(stripeTask ? [{ name: 'stripeTask' as const, action: stripeSyncTaskPut(table, stripeTask) }] : []),
    ];
    const refused = await commit(writes, attachment);
    if (refused === 'sku') throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
    // The variant, its stock and its task have fresh keys: any other refusal is a defect.
    if (refused) throw new Error(`Variant transaction refused by its ${refused} item`);
  },
};

/** The index serving a list: the business's or the product's, by creation time or by name. */
function listIndex(list: VariantList): TableIndex {
  if (list.productId === null) return list.sortBy === 'name' ? VARIANT_LIST_INDEXES.byName : VARIANT_LIST_INDEXES.byCreated;
  return list.sortBy === 'name' ? VARIANT_LIST_INDEXES.productByName : VARIANT_LIST_INDEXES.productByCreated;
}

const VARIANT_PREFIX = keys.variant('', '', '').sk;
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;

/**
 * Up to `count` items of an index Query, as they come: one page unless the items are so large
 * that a 1 MB page holds fewer (then the next page continues from where it stopped).
 */
async function queryUpTo(count: number, input: Omit<QueryCommandInput, 'TableName' | 'Limit'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start = input.ExclusiveStartKey;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, TableName: tableName(), Limit: count - items.length, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start && items.length < count);
  return items;
}

/** The stored variant as the domain sees it, with its stock at its home location (0 where none is counted). */
function toVariantRecord(item: Record<string, unknown>, stockRecords: StockRecord[]): { variant: VariantRecord; revision: number } {
  const { stockLocationId, revision, ...fields } = fromItem(DayZeroVariantItem, item);
  const stock = stockRecords.find((record) => record.locationId === stockLocationId);
  return {
    variant: {
      ...fields,
      stock: stock
        ? { locationId: stock.locationId, onHand: stock.onHandQty, reserved: stock.reservedQty, countedAt: stock.countedAt }
        : { locationId: stockLocationId, onHand: 0, reserved: 0, countedAt: null },
    },
    revision,
  };
}

/** Variants written before revisions existed are at revision 0. */
function revisionCondition(revision: number) {
  return {
    ConditionExpression:
      revision === 0 ? 'attribute_exists(pk) AND (attribute_not_exists(revision) OR revision = :revision)' : 'revision = :revision',
    ExpressionAttributeValues: { ':revision': revision },
  };
}

/** A strongly consistent query, every page. */
async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ConsistentRead'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ...input, TableName: tableName(), ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
