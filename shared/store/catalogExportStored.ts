import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { VariantExtras } from '#shared/domain/catalogExport';
import type { StoredGroup } from '#shared/domain/catalogRestoreTypes';
import { inBatches, sideBySide } from '#shared/domain/concurrency';
import { getMany } from '#shared/store/batch';
import { reservationGroups } from '#shared/store/catalogExportReservations';
import { documentClient, tableName } from '#shared/store/client';
import { adjustmentKeys, keys, stockKeys, tenantRoot } from '#shared/store/keys';
import { ENTITY, TABLE } from '#shared/store/table';

type Item = Record<string, unknown>;

/**
 * The stored items of an export page, grouped by what they belong to (see shared/fixtures/stored).
 * Left out on purpose: Idempotency-Key records (in flight, they expire), the Stripe outbox
 * (pending tasks of the source's Stripe account), low-stock event outbox entries (pending
 * publications) and a restore's own marker. Everything else a tenant holds is in some group.
 */
export const LEFT_OUT: ReadonlySet<string> = new Set([
  ENTITY.IdempotencyRecord,
  ENTITY.StripeSyncTask,
  ENTITY.StripeChangeTask,
  ENTITY.LowStockEvent,
  ENTITY.MigrationCheckpoint,
  ENTITY.RestoreMarker,
]);

/** Items per group of history (movements, adjustments): a group must fit in one import request. */
const HISTORY_GROUP = 400;
const CONCURRENCY = 16;

const keep = (items: Item[]) => items.filter((item) => !LEFT_OUT.has(String(item[TABLE.typeAttribute])));

/**
 * The first page's: the tenant's own partition (settings, merchant keys as their stored digests),
 * its adjustment history and Medusa's reservations with their copies.
 */
export async function tenantGroups(tenantId: string, createdAt: string | undefined, now: Date): Promise<StoredGroup[]> {
  const [own, adjustments, reservations] = await sideBySide([
    queryAll({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenantRoot(tenantId) } }),
    inBatches(monthsSince(createdAt, now), CONCURRENCY, async (month) => ({
      month,
      items: await queryAll({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': adjustmentKeys.month(tenantId, month) },
      }),
    })),
    reservationGroups(tenantId, (pk) =>
      queryAll({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
    ),
  ]);
  return [
    { of: 'settings and merchant keys', items: keep(own) },
    ...adjustments.flatMap(({ month, items }) => inRuns(`adjustments ${month}`, keep(items))),
    ...reservations,
  ].filter((group) => group.items.length > 0);
}

/** A location or a vendor: its one item. */
export const rootGroup = (of: string, item: Item): StoredGroup => ({ of, items: [item] });

/**
 * A product: its partition (variants, links, OrderCloud records, ID and stock guards), each
 * variant's ID and SKU guards, and every stock level its guards name, with its history.
 */
export async function productGroups(tenantId: string, productId: string, partition: Item[]): Promise<StoredGroup[]> {
  const variants = partition.filter((item) => item[TABLE.typeAttribute] === ENTITY.Variant);
  const guards = variants.flatMap((variant) => [
    keys.variantIdGuard(tenantId, String(variant.id)),
    ...(typeof variant.sku === 'string' ? [keys.skuGuard(tenantId, variant.sku)] : []),
  ]);
  const recordIds = partition.filter((item) => item[TABLE.typeAttribute] === ENTITY.StockGuard).map((item) => String(item.recordId));
  const [found, levels] = await sideBySide([
    inBatches(inSlices(guards, 100), CONCURRENCY, (slice) => getMany(documentClient(), tableName(), slice)),
    inBatches(recordIds, CONCURRENCY, (recordId) => levelGroups(tenantId, recordId)),
  ]);
  const guardItems = found.flat().filter((item): item is Item => item !== undefined);
  return [{ of: `product ${productId}`, items: keep([...partition, ...guardItems]) }, ...levels.flat()];
}

/** Each variant's DayZero prices and on-hand units per location, from its item and the product's stock levels. */
export function variantExtras(partition: Item[], groups: StoredGroup[]): Record<string, VariantExtras> {
  const levels = groups.flatMap((group) => group.items).filter((item) => item[TABLE.typeAttribute] === ENTITY.StockRecord);
  const cents = (value: unknown) => (typeof value === 'number' ? value : null);
  return Object.fromEntries(
    partition
      .filter((item) => item[TABLE.typeAttribute] === ENTITY.Variant)
      .map((variant) => [
        String(variant.id),
        {
          unitPriceCents: cents(variant.unitPriceCents),
          unitCostCents: cents(variant.unitCostCents),
          stock: levels
            .filter((level) => level.variantId === variant.id)
            .map((level) => ({ locationId: String(level.locationId), onHand: Number(level.onHandQty) })),
        },
      ]),
  );
}

/** An inventory item: its partition (the item, Medusa's copies of its levels) and the levels no product owns, with their history. */
export async function inventoryItemGroups(tenantId: string, itemId: string, partition: Item[]): Promise<StoredGroup[]> {
  const recordIds = partition.flatMap((item) =>
    item[TABLE.typeAttribute] === ENTITY.LocationLevel && typeof item.stockRecordId === 'string' ? [item.stockRecordId] : [],
  );
  // A product's or variant's levels go with the product (its guards name them); only an item no product owns brings its own.
  const levels = await inBatches(recordIds, CONCURRENCY, (recordId) => levelGroups(tenantId, recordId, { unowned: true }));
  // An item of no product brings the guard of its SKU (see itemSkus), if it holds it.
  const item = partition.find((entry) => entry[TABLE.typeAttribute] === ENTITY.InventoryItem);
  const guard =
    item && typeof item.sku === 'string' && item.owner === undefined
      ? (await getMany(documentClient(), tableName(), [keys.itemSkuGuard(tenantId, item.sku)])).find((found) => found?.itemId === itemId)
      : undefined;
  return [{ of: `inventory item ${itemId}`, items: keep([...partition, ...(guard ? [guard] : [])]) }, ...levels.flat()];
}

/** A stock level and its history, in runs that each fit one import request (the level first). */
async function levelGroups(tenantId: string, recordId: string, only: { unowned?: boolean } = {}): Promise<StoredGroup[]> {
  const { pk } = stockKeys.record(tenantId, recordId);
  const items = keep(
    await queryAll({ TableName: tableName(), KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk } }),
  );
  const level = items.find((item) => item[TABLE.sortKey] === 'STOCK');
  if (only.unowned && (level === undefined || level.productId !== null)) return [];
  // The level sorts after its history (MOVEMENT# < STOCK): it goes first, so a reader meets it before its movements.
  const ordered = [...items.filter((item) => item !== level), ...(level ? [level] : [])].reverse();
  return inRuns(`stock level ${recordId}`, ordered);
}

function inRuns(of: string, items: Item[]): StoredGroup[] {
  return inSlices(items, HISTORY_GROUP).map((slice, i) => ({ of: i === 0 ? of : `${of} (continued)`, items: slice }));
}

function inSlices<T>(values: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(values.length / size) }, (_, i) => values.slice(i * size, i * size + size));
}

/** Every month (YYYY-MM, UTC) from the tenant's creation to now: adjustments are kept one partition per month. */
function monthsSince(createdAt: string | undefined, now: Date): string[] {
  const start = createdAt && /^\d{4}-\d{2}/.test(createdAt) ? createdAt.slice(0, 7) : now.toISOString().slice(0, 7);
  const months: string[] = [];
  let [year, month] = start.split('-').map(Number) as [number, number];
  const end = now.toISOString().slice(0, 7);
  for (let label = start; label <= end && months.length < 1_200;) {
    months.push(label);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
    label = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

export async function queryAll(input: QueryCommandInput): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await documentClient().send(
      new QueryCommand({ ConsistentRead: input.IndexName === undefined, ...input, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
