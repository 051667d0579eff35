import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AdjustmentStore, StockAdjustment } from '#shared/domain/adjustment';
import { ConcurrentChangeError } from '#shared/domain/errors';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { LocationItem, ProductItem, StockAdjustmentItem, StockGuardItem, TenantItem, VariantItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { adjustmentKeys, keys } from '#shared/store/keys';
import { newLevelWrites } from '#shared/store/ledgerCreate';
import { stockRecords, stockStoreWith } from '#shared/store/stock';
import { ENTITY } from '#shared/store/table';
import { commit, type WriteAction } from '#shared/store/transactions';
import { variantReads } from '#shared/store/variantRead';
import { sideBySide } from '#shared/domain/concurrency';

/** Adjustments: movements of the stock record (ShopSynch's), each with its entry in one partition per business and month. */
export const adjustmentStore: AdjustmentStore = {
  async readAdjustmentTarget(tenantId, variantId, locationId) {
    const [variant, [tenantItem, namedLocation]] = await sideBySide([
      variantReads.readVariant(tenantId, variantId),
      getMany(documentClient(), tableName(), [
        keys.tenant(tenantId),
        ...(locationId === null ? [] : [keys.location(tenantId, locationId)]),
      ]),
    ]);
    const tenant = tenantItem ? fromItem(TenantItem, tenantItem) : undefined;
    const where = locationId ?? tenant?.defaultLocationId ?? null;
    if (!tenant || !variant || where === null) return { ...(tenant ? { tenant } : {}), ...(variant ? { variant } : {}) };
    // The guard names the record at that location; the record is read consistently: its quantities decide the answer.
    // So are the product and the variant's own item, which a first stock there is a level of.
    const [location, guard, product, stored] = await getMany(documentClient(), tableName(), [
      keys.location(tenantId, where),
      keys.stock(tenantId, variant.productId, variant.id, where),
      keys.product(tenantId, variant.productId),
      keys.variant(tenantId, variant.productId, variant.id),
    ]);
    const stock = guard ? await stockRecords.readStockRecord(tenantId, fromItem(StockGuardItem, guard).recordId) : undefined;
    const found = location ?? namedLocation;
    const ownItem = stored ? fromItem(VariantItem, stored).inventoryItemId : undefined;
    const { inventoryItemId: _indexed, ...fields } = variant;
    return {
      tenant,
      variant: { ...fields, ...(ownItem === undefined ? {} : { inventoryItemId: ownItem }) },
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(found ? { location: fromItem(LocationItem, found) } : {}),
      ...(stock ? { stock } : {}),
    };
  },

  movingWith(adjustment) {
    return stockStoreWith(() => [{ name: 'alongside', action: entryPut(tableName(), adjustment) }]);
  },

  async insertStockRecordWith(level, adjustment, attachment) {
    const table = tableName();
    const refused = await commit([...newLevelWrites(table, level), { name: 'entry', action: entryPut(table, adjustment) }], attachment);
    // Another request created the record at this location first: read again and move it instead.
    if (refused === 'stock') throw new ConcurrentChangeError('A stock record was created at this location since it was read');
    // Another request gave the variant its own item first: read again and make the level that item's.
    if (refused === 'owner') throw new ConcurrentChangeError('The variant took its own inventory item since it was read');
    if (refused) throw new Error(`Adjustment transaction refused by its ${refused} item`);
  },

  async adjustmentsBetween(tenantId, since, until) {
    const months = monthsBetween(since, until);
    const pages = await sideBySide(months.map((month) => queryMonth(tenantId, month, since, until)));
    return pages.flat();
  },
};

/** The adjustment's entry in its month's partition, for the report. */
const entryPut = (TableName: string, adjustment: StockAdjustment): WriteAction => ({
  Put: {
    TableName,
    Item: toItem(ENTITY.StockAdjustment, adjustmentKeys.entry(adjustment.tenantId, adjustment.createdAt, adjustment.id), adjustment),
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

/** Every item of one month's partition in the period: a Query, paged. */
async function queryMonth(tenantId: string, month: string, since: string, until: string): Promise<StockAdjustment[]> {
  const found: StockAdjustment[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :since AND :until',
        ExpressionAttributeValues: { ':pk': adjustmentKeys.month(tenantId, month), ':since': since, ':until': `${until}#\uffff` },
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    found.push(...(page.Items ?? []).map((item) => fromItem(StockAdjustmentItem, item)));
    start = page.LastEvaluatedKey;
  } while (start);
  return found;
}

/**
 * The most month partitions one report reads: a period of MAX_REPORT_DAYS (366) days touches at
 * most 14 calendar months. The domain refuses longer periods first; this holds the walk bounded
 * whatever it is given.
 */
export const MAX_REPORT_MONTHS = 14;

/** The calendar months (YYYY-MM, UTC) from since's to until's, in order, counted as numbers (never compared as text). */
function monthsBetween(since: string, until: string): string[] {
  const index = (at: string) => {
    const date = new Date(at);
    return date.getUTCFullYear() * 12 + date.getUTCMonth();
  };
  const first = index(since);
  const last = index(until);
  if (!Number.isInteger(first) || !Number.isInteger(last) || last - first + 1 > MAX_REPORT_MONTHS) {
    throw new RangeError(`A report may read at most ${MAX_REPORT_MONTHS} months`);
  }
  const months: string[] = [];
  for (let month = first; month <= last; month += 1) {
    months.push(`${String(Math.floor(month / 12)).padStart(4, '0')}-${String((month % 12) + 1).padStart(2, '0')}`);
  }
  return months;
}
