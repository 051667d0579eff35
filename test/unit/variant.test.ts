import { describe, expect, it } from 'vitest';
import type { Tenant } from '#shared/domain/catalog';
import { ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import type { StripeSyncTask } from '#shared/domain/stripeSync';
import { createVariant, variantMargin, type NewVariant, type VariantRecord, type VariantStore } from '#shared/domain/variant';
import { AT, location, product } from '#test/unit/memoryCatalog';

const tenant = (settings: Partial<Tenant> = {}): Tenant => ({ id: 't1', name: 'Biz', currency: 'usd', defaultLocationId: 'wh_main', createdAt: AT, ...settings });

/** The port in memory, with the store's identity rule: a SKU is unique within the business. */
function memoryVariantStore(business: Tenant | null = tenant()) {
  const variants: VariantRecord[] = [];
  const tasks: StripeSyncTask[] = [];
  const skus = new Set<string>();
  const store: VariantStore = {
    async readVariantContext(_tenantId, productId, vendorId) {
      return {
        ...(business ? { tenant: business } : {}),
        ...(productId === 'p1' ? { product: product('p1', 'VARIABLE') } : {}),
        ...(business?.defaultLocationId ? { defaultLocation: location(business.defaultLocationId) } : {}),
        ...(vendorId === 'vendor_1' ? { vendor: { id: 'vendor_1', tenantId: 't1', name: 'Roaster' } } : {}),
      };
    },
    async insertVariant(variant, _stock, task) {
      if (variant.sku !== null && skus.has(variant.sku)) throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
      if (variant.sku !== null) skus.add(variant.sku);
      variants.push(variant);
      if (task) tasks.push(task);
    },
  };
  return { store, variants, tasks };
}

/** Who creates the variants: the token's tenant and subject. */
const actor = { tenantId: 't1', subject: 'user-1' };

const input = (fields: Partial<NewVariant> = {}): NewVariant => ({
  productId: 'p1',
  name: '1 kg',
  unitPriceCents: 2999,
  unitCostCents: 1450,
  unitCostPrecise: null,
  sku: 'HB-1KG',
  manufacturerSku: null,
  uom: 'KG',
  defaultVendorId: null,
  initialQuantity: 40,
  initialQuantityDate: null,
  ...fields,
});

describe('DayZero variants (domain, in memory)', () => {
  it('margin is price minus cost, and its share of the price to two decimals', () => {
    expect(variantMargin({ unitPriceCents: 2999, unitCostCents: 1450 })).toEqual({ cents: 1549, percentage: 51.65 });
    expect(variantMargin({ unitPriceCents: 1000, unitCostCents: 1500 })).toEqual({ cents: -500, percentage: -50 });
    expect(variantMargin({ unitPriceCents: null, unitCostCents: 300 })).toEqual({ cents: -300, percentage: 0 });
    expect(variantMargin({ unitPriceCents: 0, unitCostCents: 0 })).toEqual({ cents: 0, percentage: 0 });
    expect(variantMargin({ unitPriceCents: 500, unitCostCents: null })).toEqual({ cents: 500, percentage: 100 });
  });

  it('counts the initial stock at the default location, and a taken SKU is the identity conflict', async () => {
    const { store, variants } = memoryVariantStore();
    const created = await createVariant(store, actor, input());
    expect(created.stock).toEqual({ locationId: 'wh_main', onHand: 40, reserved: 0, countedAt: created.createdAt });
    expect(created.productName).toBe('Product p1');
    await expect(createVariant(store, actor, input({ name: 'again' }))).rejects.toMatchObject({ rule: IDENTITY_RULES.skuPerBusiness });
    expect(variants).toHaveLength(1);
    // Variants without a SKU may repeat.
    await createVariant(store, actor, input({ sku: null }));
    await createVariant(store, actor, input({ sku: null }));
    expect(variants).toHaveLength(3);
  });

  it('refuses initial stock without a default location, and a required Stripe sync without an account', async () => {
    await expect(createVariant(memoryVariantStore(tenant({ defaultLocationId: undefined })).store, actor, input())).rejects.toThrow('Business has no default location to hold initial inventory');
    const zero = await createVariant(memoryVariantStore(tenant({ defaultLocationId: undefined })).store, actor, input({ initialQuantity: 0 }));
    expect(zero.stock).toEqual({ locationId: null, onHand: 0, reserved: 0, countedAt: null });
    await expect(createVariant(memoryVariantStore(tenant({ stripe: { syncRequired: true } })).store, actor, input())).rejects.toThrow('Business has no Stripe account connected');
  });

  it('writes a Stripe outbox task with the variant exactly when the business has an account', async () => {
    const withAccount = memoryVariantStore(tenant({ stripe: { accountId: 'acct_1', syncRequired: true } }));
    const variant = await createVariant(withAccount.store, actor, input());
    expect(withAccount.tasks).toEqual([expect.objectContaining({ variantId: variant.id, accountId: 'acct_1', unitPriceCents: 2999, currency: 'usd' })]);
    const without = memoryVariantStore();
    await createVariant(without.store, actor, input());
    expect(without.tasks).toEqual([]);
  });

  it('answers an unknown business, product or vendor as not found', async () => {
    await expect(createVariant(memoryVariantStore(null).store, actor, input())).rejects.toThrow('Business not found');
    await expect(createVariant(memoryVariantStore().store, actor, input({ productId: 'nope' }))).rejects.toThrow('Product not found');
    await expect(createVariant(memoryVariantStore().store, actor, input({ defaultVendorId: 'nope' }))).rejects.toThrow('Vendor not found');
  });
});
