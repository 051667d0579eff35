import { randomUUID } from 'node:crypto';
import { nowIso } from '#shared/domain/catalog';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { insertVariant, readVariantContext } from '#shared/store/variant';
import type { StripeSyncTask } from '#shared/stripe/task';

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

/**
 * Creates a variant with its initial stock. The business must be the token's tenant;
 * the product (and vendor, when named) must be the business's. The SKU is unique per
 * business: the store writes the variant, a SKU guard and the stock record in one
 * transaction, so a taken SKU leaves nothing behind. Initial stock is counted at the
 * business's default location; a business without one can only start at 0.
 */
export async function createVariant(tenantId: string, businessId: string, input: NewVariant): Promise<VariantRecord> {
  if (businessId !== tenantId) throw new NotFoundError('Tenant', businessId, 'Business not found');
  const context = await readVariantContext(tenantId, input.productId, input.defaultVendorId);
  if (!context.tenant) throw new NotFoundError('Tenant', businessId, 'Business not found');
  if (!context.product) throw new NotFoundError('Product', input.productId, 'Product not found');
  if (input.defaultVendorId !== null && !context.vendor) throw new NotFoundError('Vendor', input.defaultVendorId, 'Vendor not found');
  const stripe = context.tenant.stripe;
  if (stripe?.syncRequired && !stripe.accountId) {
    throw new BusinessRuleError('Business has no Stripe account connected; connect one before creating variants');
  }
  const locationId = context.tenant.defaultLocationId ?? null;
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
  await insertVariant(variant, stripeTask);
  return variant;
}
