import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { StockRecord } from '#shared/domain/catalog';
import type { InventoryRecordView } from '#shared/domain/inventoryRecord';
import type { VariantDeleteStore, VariantReadStore, VariantRecord, VariantStore } from '#shared/domain/variant';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import {
  DayZeroVariantItem,
  InventoryRecordItem,
  LocationItem,
  ProductItem,
  StockGuardItem,
  StockRecordItem,
  TenantItem,
  VariantInventoryLinkItem,
  VendorItem,
} from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { indexKeys, keys, stockKeys } from '#shared/store/keys';
import { ENTITY, VARIANT_BY_ID } from '#shared/store/table';
import { sideBySide } from '#shared/domain/concurrency';
import { ConcurrentChangeError } from '#shared/domain/errors';

/** What DayZero's variant routes read before they decide: the variant with its stock, and what a create or an update refers to. */
export const variantReads: Pick<VariantStore, 'readVariantContext'> & VariantReadStore & Pick<VariantDeleteStore, 'readVariantUpdate'> = {
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
    const holdings = keys.variantHoldings(tenantId, productId, variantId).sk;
    // Both at once: one round trip of consistent reads.
    const [[tenant, variant, product, vendor], stockItems] = await sideBySide([
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
    ]);
    // Then the records the guards name, each in its own partition, and everything under the variant in the product's
    // partition (its links and OrderCloud records): read after the variant, so that a link written since its link
    // version was read is either seen here or refuses the write, which is conditional on that version.
    const recordIds = stockItems.map((item) => fromItem(StockGuardItem, item).recordId);
    const [levelItems, links] = await sideBySide([
      getMany(
        documentClient(),
        tableName(),
        recordIds.map((id) => stockKeys.record(tenantId, id)),
      ),
      queryAll({
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :holdings)',
        ExpressionAttributeValues: { ':pk': variantKey.pk, ':holdings': holdings },
      }),
    ]);
    const stock = levelItems.filter((item) => item !== undefined).map((item) => fromItem(StockRecordItem, item));
    // Any history beyond its creation (version 1) that moved units is a movement (OrderCloud's naming of a level is not), as are units still held.
    const hasMovements = stock.some(
      (record) => record.version - 1 > (record.namingVersions ?? 0) || record.onHandQty !== 0 || record.reservedQty !== 0,
    );
    const current = variant ? toVariantRecord(variant, stock) : undefined;
    const linked = links
      .filter((item) => item.type === ENTITY.VariantInventoryLink)
      .map((item) => fromItem(VariantInventoryLinkItem, item));
    const ownLink = linked.find((link) => link.inventoryItemId === current?.variant.inventoryItemId);
    const records = links.filter((item) => item.type === ENTITY.InventoryRecord).map(recordView);
    // A level naming a record this read missed (made between the two reads): a move, held on the level's version, would leave it behind.
    const read = new Set(records.map(({ record }) => record.id));
    if (moves && stock.some((level) => level.orderCloudRecordIds.some((id) => !read.has(id))))
      throw new ConcurrentChangeError('An inventory record of the variant was made while it was read');
    return {
      ...(tenant ? { tenant: fromItem(TenantItem, tenant) } : {}),
      ...(current ? { current } : {}),
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(vendor ? { vendor: fromItem(VendorItem, vendor) } : {}),
      stockRecords: stock,
      ...(ownLink ? { ownLink } : {}),
      links: linked.filter((link) => link !== ownLink),
      records,
      // Its own link goes with it; any other holds it (a permanent delete is refused).
      hasLinks: linked.some((link) => link !== ownLink),
      hasMovements,
    };
  },
};

/** An OrderCloud record with the copy of its address it carries (a record stored before it did names no level: migrate first). */
function recordView(item: Record<string, unknown>): InventoryRecordView {
  const record = fromItem(InventoryRecordItem, item);
  if (item.address === undefined) throw new Error(`Inventory record ${record.id} was stored before the stock ledger: run the migration`);
  return { record, address: fromItem(LocationItem, item.address as Record<string, unknown>) };
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
