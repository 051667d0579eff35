import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Product, Tenant, Vendor } from '#shared/domain/catalog';
import { ConflictError } from '#shared/domain/errors';
import type { VariantRecord } from '#shared/domain/variant';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { cancellationCodes } from '#shared/store/conditions';
import { fromItem, toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { stripeSyncTaskPut } from '#shared/store/stripeSync';
import type { StripeSyncTask } from '#shared/stripe/task';

/** Business, product and vendor in one consistent round trip. */
export async function readVariantContext(tenantId: string, productId: string, vendorId: string | null) {
  const [tenant, product, vendor] = await getMany(documentClient(), tableName(), [
    keys.tenant(tenantId),
    keys.product(tenantId, productId),
    ...(vendorId === null ? [] : [keys.vendor(tenantId, vendorId)]),
  ]);
  return {
    tenant: tenant ? fromItem<Tenant>(tenant) : undefined,
    product: product ? fromItem<Product>(product) : undefined,
    vendor: vendor ? fromItem<Vendor>(vendor) : undefined,
  };
}

const SKU_RULE = 'sku-unique-per-business';

/**
 * The variant, its SKU guard, its stock record and any Stripe outbox entry, all or nothing. The guard's key is
 * the SKU, so two variants with one SKU cannot both be written.
 */
export async function insertVariant(variant: VariantRecord, stripeTask?: StripeSyncTask): Promise<void> {
  const { stock, ...fields } = variant;
  const table = tableName();
  const put = (item: Record<string, unknown>) => ({ Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } });
  const items = [
    put(toItem('Variant', keys.variant(variant.tenantId, variant.productId, variant.id), { ...fields, attributes: {} })),
    ...(variant.sku === null ? [] : [put(toItem('SkuGuard', keys.skuGuard(variant.tenantId, variant.sku), { tenantId: variant.tenantId, sku: variant.sku, productId: variant.productId, variantId: variant.id }))]),
    ...(stock.locationId === null
      ? []
      : [
          put(
            toItem('StockRecord', keys.stock(variant.tenantId, variant.productId, variant.id, stock.locationId), {
              id: `inv_${variant.id.replaceAll('-', '')}`,
              tenantId: variant.tenantId,
              productId: variant.productId,
              variantId: variant.id,
              locationId: stock.locationId,
              bin: null,
              onHandQty: stock.onHand,
              reservedQty: stock.reserved,
              reorderLevel: null,
              reorderQty: null,
              attributes: {},
              countedAt: stock.countedAt,
              createdAt: variant.createdAt,
              updatedAt: variant.updatedAt,
            }),
          ),
        ]),
    ...(stripeTask ? [stripeSyncTaskPut(table, stripeTask)] : []),
  ];
  try {
    await documentClient().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    // Only the SKU guard can already exist: the variant and its stock have fresh keys.
    const codes = cancellationCodes(error);
    if (variant.sku !== null && codes?.[1] === 'ConditionalCheckFailed') throw new ConflictError(SKU_RULE, 'Variant with same SKU already exists');
    throw error;
  }
}
