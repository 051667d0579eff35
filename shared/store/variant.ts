import { ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { VariantStore } from '#shared/domain/variant';
import { getMany } from '#shared/store/batch';
import { documentClient, tableName } from '#shared/store/client';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { LocationItem, ProductItem, TenantItem, VendorItem } from '#shared/store/entities';
import { fromItem, toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { newStockRecordWrites } from '#shared/store/stock';
import { stripeSyncTaskPut } from '#shared/store/stripeSync';
import { ENTITY } from '#shared/store/table';
import { commit, type NamedWrite } from '#shared/store/transactions';

/** DayZero variants: the variant, its SKU guard and its stock record (as ShopSynch's create writes one), written together. */
export const variantStore: VariantStore = {
  async readVariantContext(tenantId, productId, vendorId) {
    const [tenant, product, vendor] = await getMany(documentClient(), tableName(), [
      keys.tenant(tenantId),
      keys.product(tenantId, productId),
      ...(vendorId === null ? [] : [keys.vendor(tenantId, vendorId)]),
    ]);
    const defaultLocationId = tenant ? fromItem(TenantItem, tenant).defaultLocationId : undefined;
    // Its name goes on the stock record; only the tenant says which location it is, so it is read second.
    const location = defaultLocationId === undefined ? undefined : (await documentClient().send(new GetCommand({ TableName: tableName(), Key: keys.location(tenantId, defaultLocationId), ConsistentRead: true }))).Item;
    return {
      ...(location ? { defaultLocation: fromItem(LocationItem, location) } : {}),
      ...(tenant ? { tenant: fromItem(TenantItem, tenant) } : {}),
      ...(product ? { product: fromItem(ProductItem, product) } : {}),
      ...(vendor ? { vendor: fromItem(VendorItem, vendor) } : {}),
    };
  },

  /** The guard's key is the SKU, so two variants with one SKU cannot both be written. */
  async insertVariant(variant, stock, stripeTask, attachment) {
    const { stock: _level, ...fields } = variant;
    const table = tableName();
    const put = <Name extends string>(name: Name, item: Record<string, unknown>): NamedWrite<Name> => ({
      name,
      action: { Put: { TableName: table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    });
    const writes = [
      put('variant', toItem(ENTITY.Variant, keys.variant(variant.tenantId, variant.productId, variant.id), { ...fields, attributes: {} })),
      ...(variant.sku === null
        ? []
        : [put('sku', toItem(ENTITY.SkuGuard, keys.skuGuard(variant.tenantId, variant.sku), { tenantId: variant.tenantId, sku: variant.sku, productId: variant.productId, variantId: variant.id }))]),
      ...(stock ? newStockRecordWrites(table, stock.record, stock.created) : []),
      ...(stripeTask ? [{ name: 'stripeTask' as const, action: stripeSyncTaskPut(table, stripeTask) }] : []),
    ];
    const refused = await commit(writes, attachment);
    if (refused === 'sku') throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
    // The variant, its stock and its task have fresh keys: any other refusal is a defect.
    if (refused) throw new Error(`Variant transaction refused by its ${refused} item`);
  },
};
