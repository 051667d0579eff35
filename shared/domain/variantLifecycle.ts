import { randomUUID } from 'node:crypto';
import type { Attach } from '#shared/domain/attachment';
import { nowIso, type Product, type Tenant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { ownItemId } from '#shared/domain/ownItem';
import { newLevel } from '#shared/domain/stock';
import type { StripeChangeTask, StripeSyncTask } from '#shared/domain/stripeSync';
import type {
  NewVariant,
  VariantChanges,
  VariantDeleteStore,
  VariantRecord,
  VariantRemoval,
  VariantStore,
  VariantUpdateStore,
} from '#shared/domain/variant';

/** A DayZero variant's life: created with its initial stock, changed (Stripe follows its name and price), archived or deleted. */

/**
 * Creates a variant with its initial stock. The business must be the token's tenant;
 * the product (and vendor, when named) must be the business's. The SKU is unique per
 * business: the store writes the variant, a SKU guard and the stock record in one
 * transaction, so a taken SKU leaves nothing behind. Initial stock is counted at the
 * business's default location; a business without one can only start at 0. Only a
 * VARIABLE product has variants: the same transaction counts the variant on its product,
 * conditional on its type, so a type change racing the create never leaves a variant on a
 * SIMPLE or DIGITAL product.
 */
export async function createVariant(
  store: VariantStore,
  actor: { tenantId: string; subject: string },
  input: NewVariant,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  // A product whose type changed between the read and the write is read again (and refused, now not VARIABLE).
  return retryOnConcurrentChange(() => createOnce(store, actor, input, attach));
}

async function createOnce(
  store: VariantStore,
  actor: { tenantId: string; subject: string },
  input: NewVariant,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  const { tenantId } = actor;
  const context = await store.readVariantContext(tenantId, input.productId, input.defaultVendorId);
  if (!context.tenant) throw new NotFoundError('Tenant', tenantId);
  if (!context.product) throw new NotFoundError('Product', input.productId);
  if (input.defaultVendorId !== null && !context.vendor) throw new NotFoundError('Vendor', input.defaultVendorId);
  requireVariable(context.product);
  const stripe = context.tenant.stripe;
  if (stripe?.syncRequired && !stripe.accountId) {
    throw new BusinessRuleError('stripe-account-required', 'The tenant requires Stripe sync but has no Stripe account connected');
  }
  const locationId = context.tenant.defaultLocationId ?? null;
  if (locationId !== null && !context.defaultLocation) throw new NotFoundError('Location', locationId, { forInitialStock: true });
  if (locationId === null && input.initialQuantity > 0) {
    throw new BusinessRuleError('initial-stock-without-location', 'The tenant has no default location to hold initial stock');
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
    barcode: null,
    attributes: {},
    archived: false,
    createdAt: now,
    updatedAt: now,
    stock: { locationId, onHand: initialQuantity, reserved: 0, countedAt: locationId === null ? null : (initialQuantityDate ?? now) },
  };
  // With a connected account, the same transaction records that the variant must reach Stripe.
  const stripeTask: StripeSyncTask | undefined = stripe?.accountId
    ? {
        tenantId,
        productId: variant.productId,
        productName: variant.productName,
        variantId: variant.id,
        variantName: variant.name,
        unitPriceCents: variant.unitPriceCents,
        currency: context.tenant.currency,
        accountId: stripe.accountId,
        createdAt: now,
      }
    : undefined;
  // The initial inventory is a level like any other, of the variant's own item, made with it: ShopSynch's and Medusa's routes read and move it.
  const location = context.defaultLocation;
  const stock = location
    ? newLevel(
        { product: context.product, variant },
        {
          id: `inv_${variant.id.replaceAll('-', '')}`,
          location,
          bin: null,
          onHandQty: initialQuantity,
          reservedQty: 0,
          reorderLevel: null,
          reorderQty: null,
          attributes: {},
          countedAt: variant.stock.countedAt,
          at: now,
        },
        actor.subject,
      )
    : undefined;
  if (stock) variant.inventoryItemId = ownItemId(stock.own);
  await store.insertVariant(variant, stock, stripeTask, attach?.(variant));
  return variant;
}

/**
 * Changes the given fields of a variant. A SKU change releases the old SKU and claims the
 * new one in the same transaction as the variant, so a taken SKU changes nothing. A new
 * product_id moves the variant to that product with everything under the old one that names it:
 * its stock records, its inventory links and its OrderCloud inventory records, in one transaction
 * (refused when that is more than one transaction holds). Margins follow from the new prices.
 */
export async function updateVariant(
  store: VariantUpdateStore,
  tenantId: string,
  variantId: string,
  changes: VariantChanges,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  return retryOnConcurrentChange(() => updateOnce(store, tenantId, variantId, changes, attach));
}

async function updateOnce(
  store: VariantUpdateStore,
  tenantId: string,
  variantId: string,
  changes: VariantChanges,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  const vendorId = changes.defaultVendorId ?? null;
  const context = await store.readVariantUpdate(tenantId, variantId, { productId: changes.productId ?? null, vendorId });
  if (!context.tenant) throw new NotFoundError('Tenant', tenantId);
  if (!context.current) throw new NotFoundError('Variant', variantId);
  const { variant: before, revision } = context.current;
  const moves = changes.productId !== undefined && changes.productId !== before.productId;
  if (moves && !context.product) throw new NotFoundError('Product', changes.productId!);
  if (vendorId !== null && !context.vendor) throw new NotFoundError('Vendor', vendorId);
  if (moves) requireVariable(context.product!);

  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as VariantChanges;
  const after: VariantRecord = {
    ...before,
    ...defined,
    ...(moves ? { productName: context.product!.name } : {}),
    stock: before.stock,
    updatedAt: nowIso(),
  };
  await store.replaceVariant(
    before,
    revision,
    after,
    moves ? context : { stockRecords: [] },
    stripeChange(context.tenant, before, after, revision + 1),
    attach?.(after),
  );
  return after;
}

/**
 * Without `permanent`, archives the variant (an update of `archived`; it keeps its SKU). With it,
 * deletes the variant and frees its SKU, refused while stock movements or links exist: on-hand or
 * reserved units, any adjustment, Medusa inventory links or OrderCloud inventory records. The
 * store's delete holds that decision: it is conditional on every level's version and on the
 * variant's level count and link version, as read.
 */
export async function removeVariant(
  store: VariantDeleteStore,
  tenantId: string,
  variantId: string,
  permanent: boolean,
  attach?: Attach<VariantRemoval>,
): Promise<VariantRemoval> {
  if (!permanent) {
    await updateVariant(store, tenantId, variantId, { archived: true }, attach ? () => attach('archived') : undefined);
    return 'archived';
  }
  return retryOnConcurrentChange(async (): Promise<VariantRemoval> => {
    const context = await store.readVariantUpdate(tenantId, variantId, { productId: null, vendorId: null });
    if (!context.tenant) throw new NotFoundError('Tenant', tenantId);
    if (!context.current) throw new NotFoundError('Variant', variantId);
    const { variant, revision } = context.current;
    // OrderCloud's records name levels of its own item: each level's delete is conditional on the version read, names included.
    const named = (context.records ?? []).length > 0 || context.stockRecords.some((level) => level.orderCloudRecordIds.length > 0);
    if (context.hasMovements || context.hasLinks || named) {
      throw new BusinessRuleError('used-variant-cannot-be-deleted', 'A variant with stock movements or links can be archived, not deleted');
    }
    await store.deleteVariant(variant, revision, context, attach?.('deleted'));
    return 'deleted';
  });
}

/** Only a VARIABLE product has variants (the store's write holds it too: this answers before writing). */
function requireVariable(product: Product): void {
  if (product.productType !== 'VARIABLE') {
    throw new BusinessRuleError('variant-needs-variable-product', `A ${product.productType} product has no variants`, {
      productId: product.id,
      productType: product.productType,
    });
  }
}

/** The outbox entry of a change Stripe must follow (name, price, archived), for a business with a connected account. */
function stripeChange(tenant: Tenant, before: VariantRecord, after: VariantRecord, revision: number): StripeChangeTask | undefined {
  const accountId = tenant.stripe?.accountId;
  const changed = {
    ...(after.name !== before.name ? { renamed: true } : {}),
    ...(after.unitPriceCents !== before.unitPriceCents ? { unitPriceCents: after.unitPriceCents } : {}),
    ...(after.archived !== before.archived ? { archived: after.archived } : {}),
  };
  if (!accountId || Object.keys(changed).length === 0) return undefined;
  return {
    tenantId: after.tenantId,
    productId: after.productId,
    variantId: after.id,
    revision,
    accountId,
    currency: tenant.currency,
    variantName: after.name,
    ...changed,
    createdAt: after.updatedAt,
  };
}
