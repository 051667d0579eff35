import { ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { InventoryRecordStore } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { LocationItem, ProductItem, VariantItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import { commit } from '#shared/store/transactions';

/** OrderCloud inventory records in the product's partition; the key (product, record ID) is the identity rule. */
export const inventoryRecordStore: InventoryRecordStore = {
  async readInventoryRecordContext(tenantId, productId, variantId, addressId) {
    const [product, variant, location] = await getMany(documentClient(), tableName(), [
      keys.product(tenantId, productId),
      keys.variant(tenantId, productId, variantId),
      keys.location(tenantId, addressId),
    ]);
    return {
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(variant ? { variant: fromItem(VariantItem, variant) } : {}),
      ...(location ? { location: fromItem(LocationItem, location) } : {}),
    };
  },

  async insertInventoryRecord(record, attachment) {
    const refused = await commit(
      [
        {
          name: 'record',
          action: {
            Put: {
              TableName: tableName(),
              // xp is arbitrary client JSON: kept as text, since DynamoDB numbers cannot hold every JSON number.
              Item: toItem(ENTITY.InventoryRecord, keys.inventoryRecord(record.tenantId, record.productId, record.id), { ...record, xp: JSON.stringify(record.xp) }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
        },
      ],
      attachment,
    );
    if (refused) throw new ConflictError(IDENTITY_RULES.recordIdPerProduct, `An inventory record with ID ${record.id} already exists.`);
  },
};
