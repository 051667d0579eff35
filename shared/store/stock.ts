import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Location, Product, StockRecord, Variant } from '#shared/domain/catalog';
import { ConflictError } from '#shared/domain/errors';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { isConditionFailure } from '#shared/store/conditions';
import { fromItem, toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';

export interface StockContext {
  merchantKeyActive: boolean;
  product?: Product;
  variant?: Variant;
  location?: Location;
}

/** Everything a stock record needs to exist, read in one consistent round trip. */
export async function readStockContext(
  tenantId: string,
  wanted: { merchantKeyHash: string; productId: string; variantId: string | null; locationId: string },
): Promise<StockContext> {
  const [apiKey, product, location, variant] = await getMany(documentClient(), tableName(), [
    keys.merchantApiKey(tenantId, wanted.merchantKeyHash),
    keys.product(tenantId, wanted.productId),
    keys.location(tenantId, wanted.locationId),
    ...(wanted.variantId === null ? [] : [keys.variant(tenantId, wanted.productId, wanted.variantId)]),
  ]);
  return {
    merchantKeyActive: apiKey?.active === true,
    ...(product ? { product: fromItem<Product>(product) } : {}),
    ...(variant ? { variant: fromItem<Variant>(variant) } : {}),
    ...(location ? { location: fromItem<Location>(location) } : {}),
  };
}

export const STOCK_PER_LOCATION_RULE = 'one-stock-record-per-location';

/** Writes the record unless one already exists for the same product, variant and location. */
export async function insertStockRecord(record: StockRecord): Promise<void> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        Item: toItem('StockRecord', keys.stock(record.tenantId, record.productId, record.variantId, record.locationId), record),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) {
      throw new ConflictError(STOCK_PER_LOCATION_RULE, 'A stock record already exists for this product at this location');
    }
    throw error;
  }
}
