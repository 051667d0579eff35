import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { CatalogExportStore } from '#shared/domain/catalogExport';
import { sideBySide, inBatches } from '#shared/domain/concurrency';
import { InvalidCursorError } from '#shared/domain/errors';
import { openCursor, sealCursor } from '#shared/store/cursorSeal';
import { documentClient, tableName } from '#shared/store/client';
import {
  InventoryItemItem,
  LocationItem,
  LocationLevelItem,
  ProductItem,
  TenantItem,
  VariantItem,
  VendorItem,
} from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { CATALOG_SECTIONS, catalogEntry } from '#shared/store/catalogIndexKeys';
import { ENTITY, INDEXES, TABLE } from '#shared/store/table';
import { inventoryItemGroups, productGroups, queryAll, rootGroup, tenantGroups, variantExtras } from '#shared/store/catalogExportStored';

type Item = Record<string, unknown>;

const INDEX = INDEXES.find((index) => index.name === 'catalog')!;
/** Partitions read at once while a page is assembled. */
const CONCURRENCY = 16;

/**
 * Reads the catalog through the `catalog` index: all the tenant's locations (every page
 * carries them, since its entries refer to them), then one page of the other roots, then
 * each product's and inventory item's own partition for its variants or levels.
 */
export const catalogExportStore: CatalogExportStore = {
  async readPage(tenantId, { cursor, limit }) {
    const partition = catalogEntry.partition(tenantId);
    const opened = cursor === undefined ? undefined : await decodeCursor(tenantId, cursor, partition);
    const start = opened?.key;
    // Every page of one export names the same run, so a restore never mixes two exports.
    const exportId = opened?.exportId ?? `exp_${randomUUID().replaceAll('-', '')}`;
    const [tenant, locations, roots] = await sideBySide([
      documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.tenant(tenantId), ConsistentRead: true })),
      queryAll({
        ...onIndex(),
        KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :section)',
        ExpressionAttributeValues: { ':pk': partition, ':section': CATALOG_SECTIONS.location },
      }),
      documentClient().send(
        new QueryCommand({
          ...onIndex(),
          KeyConditionExpression: '#pk = :pk AND #sk >= :after',
          ExpressionAttributeValues: { ':pk': partition, ':after': CATALOG_SECTIONS.vendor },
          Limit: limit,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      ),
    ]);
    const items = roots.Items ?? [];
    const typed = (type: string) => items.filter((item) => item[TABLE.typeAttribute] === type);
    const [products, inventoryItems] = await sideBySide([
      inBatches(typed(ENTITY.Product), CONCURRENCY, async (item) => {
        const product = fromItem(ProductItem, item);
        const partitionItems = await queryAll({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.product(tenantId, product.id).pk },
          ConsistentRead: true,
        });
        return {
          product,
          partition: partitionItems,
          variants: partitionItems
            .filter((entry) => entry[TABLE.typeAttribute] === ENTITY.Variant)
            .map((entry) => fromItem(VariantItem, entry)),
        };
      }),
      inBatches(
        typed(ENTITY.InventoryItem).map((entry) => fromItem(InventoryItemItem, entry)),
        CONCURRENCY,
        async (item) => {
          const partitionItems = await queryAll({
            TableName: tableName(),
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': keys.inventoryItem(tenantId, item.id).pk },
            ConsistentRead: true,
          });
          return {
            item,
            partition: partitionItems,
            levels: partitionItems
              .filter((level) => level[TABLE.typeAttribute] === ENTITY.LocationLevel)
              .map((level) => fromItem(LocationLevelItem, level)),
          };
        },
      ),
    ]);
    const settings = tenant.Item ? fromItem(TenantItem, tenant.Item) : undefined;
    const [first, productStored, itemStored] = await sideBySide([
      start === undefined && settings ? tenantGroups(tenantId, settings.createdAt, new Date()) : Promise.resolve([]),
      inBatches(products, CONCURRENCY, ({ product, partition }) => productGroups(tenantId, product.id, partition)),
      inBatches(inventoryItems, CONCURRENCY, ({ item, partition }) => inventoryItemGroups(tenantId, item.id, partition)),
    ]);
    return {
      ...(settings ? { tenant: settings } : {}),
      locations: locations.map((item) => fromItem(LocationItem, item)),
      vendors: typed(ENTITY.Vendor).map((item) => fromItem(VendorItem, item)),
      // A product's or variant's own item is its stock's, stored with it: the document's own sections leave it out.
      products: products.map(({ partition, ...product }, i) => ({ ...product, extras: variantExtras(partition, productStored[i]!) })),
      inventoryItems: inventoryItems.filter(({ item }) => item.owner === undefined).map(({ partition: _stored, ...item }) => item),
      exportId,
      // Every page carries the locations (its entries refer to them); their items are stored once more with each.
      stored: [
        ...first,
        ...locations.map((item) => rootGroup(`location ${String(item.id)}`, item)),
        ...typed(ENTITY.Vendor).map((item) => rootGroup(`vendor ${String(item.id)}`, item)),
        ...productStored.flat(),
        ...itemStored.flat(),
      ],
      nextCursor: roots.LastEvaluatedKey ? await sealCursor(tenantId, 'catalog-export', { key: roots.LastEvaluatedKey, exportId }) : null,
    };
  },
};

function onIndex(): Pick<QueryCommandInput, 'TableName' | 'IndexName' | 'ExpressionAttributeNames'> {
  return { TableName: tableName(), IndexName: INDEX.name, ExpressionAttributeNames: { '#pk': INDEX.partitionKey, '#sk': INDEX.sortKey } };
}

const CURSOR_ATTRIBUTES = [TABLE.partitionKey, TABLE.sortKey, INDEX.partitionKey, INDEX.sortKey].sort();
const SECTIONS_PAGED = Object.values(CATALOG_SECTIONS).filter((section) => section !== CATALOG_SECTIONS.location);

/**
 * A cursor is the last root read (its table key and index key), sealed for the tenant's export;
 * it is only accepted when this tenant's export sealed it and it is exactly a key it could have handed out.
 */
async function decodeCursor(tenantId: string, cursor: string, partition: string): Promise<{ key: Item; exportId: string }> {
  const refuse = () => new InvalidCursorError(cursor, 'catalog-export');
  const opened = await openCursor(tenantId, 'catalog-export', cursor);
  if (typeof opened !== 'object' || opened === null || Array.isArray(opened)) throw refuse();
  const { key, exportId } = opened as { key?: unknown; exportId?: unknown };
  if (typeof exportId !== 'string' || !/^exp_[0-9a-f]{32}$/.test(exportId)) throw refuse();
  if (typeof key !== 'object' || key === null || Array.isArray(key)) throw refuse();
  const entries = key as Item;
  if (
    Object.keys(entries).sort().join() !== CURSOR_ATTRIBUTES.join() ||
    !Object.values(entries).every((value) => typeof value === 'string')
  )
    throw refuse();
  const sk = entries[INDEX.sortKey] as string;
  const pk = entries[TABLE.partitionKey] as string;
  if (
    entries[INDEX.partitionKey] !== partition ||
    !SECTIONS_PAGED.some((section) => sk.startsWith(section)) ||
    !pk.startsWith(`${partition}#`)
  )
    throw refuse();
  return { key: entries, exportId };
}
