import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AdjustmentStore, StockAdjustment } from '#shared/domain/adjustment';
import { ConcurrentChangeError } from '#shared/domain/errors';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { LocationItem, StockAdjustmentItem, StockRecordItem, TenantItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { adjustmentKeys, indexKeys, keys } from '#shared/store/keys';
import { ENTITY, TABLE } from '#shared/store/table';
import { commit } from '#shared/store/transactions';
import { variantStore } from '#shared/store/variant';

/** Adjustments: the stock record they move (the one ShopSynch reads) and their history, one partition per business and month. */
export const adjustmentStore: AdjustmentStore = {
  async readAdjustmentTarget(tenantId, variantId, locationId) {
    const [variant, [tenantItem, namedLocation]] = await Promise.all([
      variantStore.readVariant(tenantId, variantId),
      getMany(documentClient(), tableName(), [keys.tenant(tenantId), ...(locationId === null ? [] : [keys.location(tenantId, locationId)])]),
    ]);
    const tenant = tenantItem ? fromItem(TenantItem, tenantItem) : undefined;
    const where = locationId ?? tenant?.defaultLocationId ?? null;
    if (!tenant || !variant || where === null) return { ...(tenant ? { tenant } : {}), ...(variant ? { variant } : {}) };
    // The stock record is read consistently: its quantity decides the answer to a removal.
    const [location, stock] = await getMany(documentClient(), tableName(), [
      keys.location(tenantId, where),
      keys.stock(tenantId, variant.productId, variant.id, where),
    ]);
    const found = location ?? namedLocation;
    return {
      tenant,
      variant,
      ...(found ? { location: fromItem(LocationItem, found) } : {}),
      ...(stock ? { stock: fromItem(StockRecordItem, stock) } : {}),
    };
  },

  async applyAdjustment(adjustment, attachment) {
    const table = tableName();
    const { tenantId: t, productId, variantId, locationId, delta, createdAt } = adjustment;
    // A first positive adjustment creates the stock record; every field is set only where missing.
    const created = {
      id: `inv_${adjustment.id.replaceAll('-', '')}`,
      tenantId: t,
      productId,
      variantId,
      locationId,
      bin: null,
      reservedQty: 0,
      reorderLevel: null,
      reorderQty: null,
      attributes: {},
      countedAt: null,
      createdAt,
      [TABLE.typeAttribute]: ENTITY.StockRecord,
      ...indexKeys.variantById(t, variantId, locationId),
    };
    const names = Object.fromEntries(Object.keys(created).map((name, i) => [`#f${i}`, name]));
    const values = Object.fromEntries(Object.values(created).map((value, i) => [`:f${i}`, value]));
    const refused = await commit(
      [
        {
          name: 'variant',
          action: { ConditionCheck: { TableName: table, Key: keys.variant(t, productId, variantId), ConditionExpression: 'attribute_exists(pk)' } },
        },
        {
          name: 'stock',
          action: {
            Update: {
              TableName: table,
              Key: keys.stock(t, productId, variantId, locationId),
              UpdateExpression: `SET onHandQty = if_not_exists(onHandQty, :zero) + :delta, updatedAt = :now, lastAdjustedAt = :now, ${Object.keys(names)
                .map((name, i) => `${name} = if_not_exists(${name}, :f${i})`)
                .join(', ')}`,
              // On-hand never goes below zero: a removal needs that many units on hand when it is written.
              ...(delta < 0 ? { ConditionExpression: 'onHandQty >= :needed' } : {}),
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: { ...values, ':zero': 0, ':delta': delta, ':now': createdAt, ...(delta < 0 ? { ':needed': -delta } : {}) },
            },
          },
        },
        {
          name: 'entry',
          action: { Put: { TableName: table, Item: toItem(ENTITY.StockAdjustment, adjustmentKeys.entry(t, createdAt, adjustment.id), adjustment), ConditionExpression: 'attribute_not_exists(pk)' } },
        },
      ],
      attachment,
    );
    // Either the stock moved or the variant moved since it was read: read again and decide on fresh quantities.
    if (refused) throw new ConcurrentChangeError(`The ${refused} changed since it was read`);
  },

  async adjustmentsBetween(tenantId, since, until) {
    const months = monthsBetween(since, until);
    const pages = await Promise.all(months.map((month) => queryMonth(tenantId, month, since, until)));
    return pages.flat();
  },
};

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

/** The calendar months (YYYY-MM, UTC) from since's to until's, in order. */
function monthsBetween(since: string, until: string): string[] {
  const months: string[] = [];
  const cursor = new Date(`${since.slice(0, 7)}-01T00:00:00Z`);
  while (cursor.toISOString().slice(0, 7) <= until.slice(0, 7)) {
    months.push(cursor.toISOString().slice(0, 7));
    cursor.setUTCMonth(cursor.getUTCMonth() + 1);
  }
  return months;
}
