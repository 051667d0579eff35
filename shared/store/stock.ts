import type { StockRecord } from '#shared/domain/catalog';
import { ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { StockRecordStore } from '#shared/domain/stock';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { LocationItem, ProductItem, VariantItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/** Stock records in the product's partition; the key (product, variant, location) is the identity rule. */
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

  async insertStockRecord(record: StockRecord, attachment) {
    const refused = await commit(
      [
        {
          name: 'record',
          action: {
            Put: {
              TableName: tableName(),
              Item: toItem(ENTITY.StockRecord, keys.stock(record.tenantId, record.productId, record.variantId, record.locationId), record),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ],
      attachment,
    );
    if (refused) throw new ConflictError(IDENTITY_RULES.stockPerLocation, 'A stock record already exists for this product at this location');
  },
};
