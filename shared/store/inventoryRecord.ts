import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Location, Product, Variant } from '#shared/domain/catalog';
import { ConflictError } from '#shared/domain/errors';
import type { InventoryRecord } from '#shared/domain/inventoryRecord';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { isConditionFailure } from '#shared/store/conditions';
import { fromItem, toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';

/** Product, variant and address, read in one consistent round trip. */
export async function readInventoryRecordContext(tenantId: string, productId: string, variantId: string, addressId: string) {
  const [product, variant, location] = await getMany(documentClient(), tableName(), [
    keys.product(tenantId, productId),
    keys.variant(tenantId, productId, variantId),
    keys.location(tenantId, addressId),
  ]);
  return {
    product: product ? fromItem<Product>(product) : undefined,
    variant: variant ? fromItem<Variant>(variant) : undefined,
    location: location ? fromItem<Location>(location) : undefined,
  };
}

/** Writes the record unless its ID is taken within the product. */
export async function insertInventoryRecord(record: InventoryRecord): Promise<void> {
  try {
    await documentClient().send(
      new PutCommand({
        TableName: tableName(),
        // xp is arbitrary client JSON: kept as text, since DynamoDB numbers cannot hold every JSON number.
        Item: toItem('InventoryRecord', keys.inventoryRecord(record.tenantId, record.productId, record.id), { ...record, xp: JSON.stringify(record.xp) }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (isConditionFailure(error)) throw new ConflictError('inventory-record-id', `An inventory record with ID ${record.id} already exists.`);
    throw error;
  }
}
