import { randomUUID } from 'node:crypto';
import { hashMerchantApiKey } from '#shared/auth/merchantApiKey';
import { nowIso, type Location, type StockRecord } from '#shared/domain/catalog';
import { BusinessRuleError, NotFoundError, UnauthenticatedError } from '#shared/domain/errors';
import { insertStockRecord, readStockContext } from '#shared/store/stock';

export interface NewStockRecord {
  productId: string;
  variantId?: string | undefined;
  locationId: string;
  bin?: string | undefined;
  onHandQty: number;
  reorderLevel?: number | undefined;
  reorderQty?: number | undefined;
  attributes?: Record<string, string> | undefined;
}

/**
 * Records a product's (or variant's) stock at a location, authorised by a merchant
 * API key of the tenant. One record per product, variant and location: the store's
 * conditional write decides, so concurrent creates cannot both succeed.
 */
export async function createStockRecord(
  tenantId: string,
  merchantApiKey: string | undefined,
  input: NewStockRecord,
): Promise<{ record: StockRecord; location: Location }> {
  if (!merchantApiKey) throw new UnauthenticatedError('X-MerchantApiKey header is required');
  const variantId = input.variantId ?? null;
  const context = await readStockContext(tenantId, {
    merchantKeyHash: hashMerchantApiKey(merchantApiKey),
    productId: input.productId,
    variantId,
    locationId: input.locationId,
  });
  if (!context.merchantKeyActive) throw new UnauthenticatedError('X-MerchantApiKey is not valid');

  const { product, location } = context;
  if (!product) throw new NotFoundError('Product', input.productId, `Product '${input.productId}' not found`);

  let attributes: Record<string, string> = {};
  if (product.productType === 'VARIABLE') {
    if (variantId === null) throw new BusinessRuleError('skuId is required for VARIABLE products', 'skuId');
    if (!context.variant) throw new NotFoundError('Variant', variantId, `SKU '${variantId}' not found for product '${product.id}'`);
    attributes = context.variant.attributes;
    checkAttributesMirror(input.attributes ?? {}, attributes);
  } else {
    if (variantId !== null) {
      throw new BusinessRuleError(`skuId must be omitted for ${product.productType} products`, 'skuId');
    }
    if (input.attributes && Object.keys(input.attributes).length > 0) {
      throw new BusinessRuleError(`variantAttributes apply only to VARIABLE products`, 'variantAttributes');
    }
  }
  if (!location) throw new NotFoundError('Location', input.locationId, `Warehouse '${input.locationId}' not found`);

  const now = nowIso();
  const record: StockRecord = {
    id: `inv_${randomUUID().replaceAll('-', '')}`,
    tenantId,
    productId: product.id,
    variantId,
    locationId: location.id,
    bin: input.bin ?? null,
    onHandQty: input.onHandQty,
    reservedQty: 0,
    reorderLevel: input.reorderLevel ?? null,
    reorderQty: input.reorderQty ?? null,
    attributes,
    countedAt: null,
    createdAt: now,
    updatedAt: now,
  };
  await insertStockRecord(record);
  return { record, location };
}

/** Given attributes must agree with the variant's own: none unknown, none different. */
function checkAttributesMirror(given: Record<string, string>, own: Record<string, string>): void {
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(own, name)) {
      throw new BusinessRuleError(`variantAttributes.${name} is not an attribute of this SKU`, 'variantAttributes');
    }
    if (own[name] !== value) {
      throw new BusinessRuleError(
        `variantAttributes.${name} is '${value}' but the SKU's ${name} is '${own[name]}'`,
        'variantAttributes',
      );
    }
  }
}
