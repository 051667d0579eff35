import { randomUUID } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Location, type Product, type StockRecord, type Tenant, type Vendor } from '#shared/domain/catalog';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { creationMovement, newStockRecord, type StockMovement } from '#shared/domain/stock';
import type { StripeSyncTask } from '#shared/domain/stripeSync';

export interface NewVariant {
  productId: string;
  name: string;
  unitPriceCents: number | null;
  unitCostCents: number | null;
  unitCostPrecise: number | null;
  sku: string | null;
  manufacturerSku: string | null;
  uom: string;
  defaultVendorId: string | null;
  initialQuantity: number;
  initialQuantityDate: string | null;
}

/** A variant as DayZero sees it: catalog fields, prices, and its stock at the default location. */
export interface VariantRecord extends Omit<NewVariant, 'initialQuantity' | 'initialQuantityDate'> {
  id: string;
  tenantId: string;
  productName: string;
  stripeProductId: string | null;
  stripePriceId: string | null;
  createdAt: string;
  updatedAt: string;
  stock: { locationId: string | null; onHand: number; reserved: number; countedAt: string | null };
}

/** The storage a DayZero variant needs. */
export interface VariantStore {
  /** The business, the product and (when named) the vendor, read together; then the business's default location, if it has one. */
  readVariantContext(
    tenantId: string,
    productId: string,
    vendorId: string | null,
  ): Promise<{ tenant?: Tenant; product?: Product; vendor?: Vendor; defaultLocation?: Location }>;
  /**
   * Writes the variant, its SKU guard, its stock record (with its first movement) and the
   * Stripe outbox entry, all or nothing: a taken SKU is ConflictError(skuPerBusiness).
   */
  insertVariant(
    variant: VariantRecord,
    stock: { record: StockRecord; created: StockMovement } | undefined,
    stripeTask: StripeSyncTask | undefined,
    attachment?: Attachment,
  ): Promise<void>;
}

/**
 * The margin of a variant: price minus cost in cents (a missing price or cost counts
 * as 0), and that margin as a percentage of the price, to two decimals. A free variant
 * (price 0) has no margin to express: 0, not a division by zero.
 */
export function variantMargin(variant: Pick<NewVariant, 'unitPriceCents' | 'unitCostCents'>): { cents: number; percentage: number } {
  const price = variant.unitPriceCents ?? 0;
  const cents = price - (variant.unitCostCents ?? 0);
  return { cents, percentage: price === 0 ? 0 : Math.round((cents / price) * 10_000) / 100 };
}

/**
 * Creates a variant with its initial stock. The business must be the token's tenant;
 * the product (and vendor, when named) must be the business's. The SKU is unique per
 * business: the store writes the variant, a SKU guard and the stock record in one
 * transaction, so a taken SKU leaves nothing behind. Initial stock is counted at the
 * business's default location; a business without one can only start at 0.
 */
export async function createVariant(
  store: VariantStore,
  actor: { tenantId: string; subject: string },
  input: NewVariant,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  const { tenantId } = actor;
  const context = await store.readVariantContext(tenantId, input.productId, input.defaultVendorId);
  if (!context.tenant) throw new NotFoundError('Tenant', tenantId, 'Business not found');
  if (!context.product) throw new NotFoundError('Product', input.productId, 'Product not found');
  if (input.defaultVendorId !== null && !context.vendor) throw new NotFoundError('Vendor', input.defaultVendorId, 'Vendor not found');
  const stripe = context.tenant.stripe;
  if (stripe?.syncRequired && !stripe.accountId) {
    throw new BusinessRuleError('Business has no Stripe account connected; connect one before creating variants');
  }
  const locationId = context.tenant.defaultLocationId ?? null;
  if (locationId !== null && !context.defaultLocation) throw new NotFoundError('Location', locationId, 'Default location not found');
  if (locationId === null && input.initialQuantity > 0) {
    throw new BusinessRuleError('Business has no default location to hold initial inventory', 'initial_inventory_quantity');
  }

  const now = nowIso();
  const { initialQuantity, initialQuantityDate, ...fields } = input;
  const variant: VariantRecord = {
    ...fields,
    id: randomUUID(),
    tenantId,
    productName: context.product.name,
    stripeProductId: null,
    stripePriceId: null,
    createdAt: now,
    updatedAt: now,
    stock: { locationId, onHand: initialQuantity, reserved: 0, countedAt: locationId === null ? null : (initialQuantityDate ?? now) },
  };
  // With a connected account, the same transaction records that the variant must reach Stripe.
  const stripeTask: StripeSyncTask | undefined = stripe?.accountId
    ? { tenantId, productId: variant.productId, productName: variant.productName, variantId: variant.id, variantName: variant.name, unitPriceCents: variant.unitPriceCents, currency: context.tenant.currency, accountId: stripe.accountId, createdAt: now }
    : undefined;
  // The initial inventory is a stock record like any other: ShopSynch's routes read and move it.
  const location = context.defaultLocation;
  const record = location
    ? newStockRecord({
        id: `inv_${variant.id.replaceAll('-', '')}`,
        tenantId,
        productId: variant.productId,
        variantId: variant.id,
        location,
        bin: null,
        onHandQty: initialQuantity,
        reservedQty: 0,
        reorderLevel: null,
        reorderQty: null,
        attributes: {},
        countedAt: variant.stock.countedAt,
        at: now,
      })
    : undefined;
  await store.insertVariant(variant, record && { record, created: creationMovement(record, actor.subject) }, stripeTask, attach?.(variant));
  return variant;
}
