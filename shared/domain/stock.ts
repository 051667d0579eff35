import { randomUUID } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Location, type Product, type StockRecord, type Variant } from '#shared/domain/catalog';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';

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

/** What creating a stock record reads: what exists of the product, its variant and the location. */
export interface StockContext {
  product?: Product;
  variant?: Variant;
  location?: Location;
}

/** The storage a stock record needs. */
export interface StockRecordStore {
  /** The product, the variant (when one is named) and the location, read together. */
  readStockContext(tenantId: string, wanted: { productId: string; variantId: string | null; locationId: string }): Promise<StockContext>;
  /** Writes the record unless one exists for its product, variant and location: ConflictError(stockPerLocation). */
  insertStockRecord(record: StockRecord, attachment?: Attachment): Promise<void>;
}

export interface CreatedStockRecord {
  record: StockRecord;
  location: Location;
}

/** What can still be sold or reserved: on hand minus reserved. */
export const availableQty = (record: Pick<StockRecord, 'onHandQty' | 'reservedQty'>): number => record.onHandQty - record.reservedQty;

/**
 * Records a product's (or variant's) stock at a location. One record per product,
 * variant and location: the store's conditional write decides, so concurrent creates
 * cannot both succeed.
 */
export async function createStockRecord(
  store: StockRecordStore,
  tenantId: string,
  input: NewStockRecord,
  attach?: Attach<CreatedStockRecord>,
): Promise<CreatedStockRecord> {
  const variantId = input.variantId ?? null;
  const context = await store.readStockContext(tenantId, { productId: input.productId, variantId, locationId: input.locationId });

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
  const created = { record, location };
  await store.insertStockRecord(record, attach?.(created));
  return created;
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
