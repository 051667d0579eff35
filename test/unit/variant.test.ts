import { describe, expect, it } from 'vitest';
import type { Tenant } from '#shared/domain/catalog';
import { ConflictError, IDENTITY_RULES, InvalidCursorError } from '#shared/domain/errors';
import type { StripeSyncTask } from '#shared/domain/stripeSync';
import {
  variantMargin,
  type ListedVariant,
  type NewVariant,
  type VariantListRequest,
  type VariantListStore,
  type VariantRecord,
  type VariantStore,
} from '#shared/domain/variant';
import { createVariant } from '#shared/domain/variantLifecycle';
import { listVariants } from '#shared/domain/variantList';
import { AT, location, product } from '#test/unit/memoryCatalog';

const tenant = (settings: Partial<Tenant> = {}): Tenant => ({
  id: 't1',
  name: 'Biz',
  currency: 'usd',
  defaultLocationId: 'wh_main',
  createdAt: AT,
  ...settings,
});

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
      if (variant.sku !== null && skus.has(variant.sku))
        throw new ConflictError(IDENTITY_RULES.skuPerBusiness, 'Variant with same SKU already exists');
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
    await expect(createVariant(memoryVariantStore(tenant({ defaultLocationId: undefined })).store, actor, input())).rejects.toMatchObject({
      rule: 'initial-stock-without-location',
    });
    const zero = await createVariant(
      memoryVariantStore(tenant({ defaultLocationId: undefined })).store,
      actor,
      input({ initialQuantity: 0 }),
    );
    expect(zero.stock).toEqual({ locationId: null, onHand: 0, reserved: 0, countedAt: null });
    await expect(createVariant(memoryVariantStore(tenant({ stripe: { syncRequired: true } })).store, actor, input())).rejects.toMatchObject(
      {
        rule: 'stripe-account-required',
      },
    );
  });

  it('writes a Stripe outbox task with the variant exactly when the business has an account', async () => {
    const withAccount = memoryVariantStore(tenant({ stripe: { accountId: 'acct_1', syncRequired: true } }));
    const variant = await createVariant(withAccount.store, actor, input());
    expect(withAccount.tasks).toEqual([
      expect.objectContaining({ variantId: variant.id, accountId: 'acct_1', unitPriceCents: 2999, currency: 'usd' }),
    ]);
    const without = memoryVariantStore();
    await createVariant(without.store, actor, input());
    expect(without.tasks).toEqual([]);
  });

  it('answers an unknown business, product or vendor as not found', async () => {
    await expect(createVariant(memoryVariantStore(null).store, actor, input())).rejects.toMatchObject({ objectType: 'Tenant' });
    await expect(createVariant(memoryVariantStore().store, actor, input({ productId: 'nope' }))).rejects.toMatchObject({
      objectType: 'Product',
      objectId: 'nope',
    });
    await expect(createVariant(memoryVariantStore().store, actor, input({ defaultVendorId: 'nope' }))).rejects.toMatchObject({
      objectType: 'Vendor',
      objectId: 'nope',
    });
  });
});

/** The list port in memory: one tenant's active variants by name, each position its name; a position of any other list is refused. */
function memoryListStore(names: string[]): VariantListStore {
  const variants = names.map((name) => ({ id: `var_${name}`, name }) as ListedVariant);
  return {
    isListPosition: (tenantId, list, position) => tenantId === 't1' && list.sortBy === 'name' && names.includes(position.name ?? ''),
    // Unsealed here: the domain's own checks of the content are what this file tests.
    sealCursor: async (_tenantId, content) => Buffer.from(JSON.stringify(content)).toString('base64url'),
    async openCursor(_tenantId, cursor) {
      try {
        return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    async readVariantList(_tenantId, list, { from, backwards, count }) {
      const ordered = list.descending === backwards ? [...variants] : [...variants].reverse();
      const at = from ? ordered.findIndex((variant) => variant.name === from.name) : -1;
      const index = (name: string) => names.indexOf(name);
      const before = (name: string) =>
        list.descending === backwards ? index(name) <= index(from!.name!) : index(name) >= index(from!.name!);
      return {
        run: ordered.slice(at + 1, at + 1 + count).map((variant) => ({ variant, position: { name: variant.name } })),
        behind: from !== undefined && variants.some((variant) => before(variant.name)),
      };
    },
    countVariantList: async () => variants.length,
  };
}

describe('listVariants', () => {
  const list = (store: VariantListStore, request: Partial<VariantListRequest> = {}) =>
    listVariants(store, 't1', {
      productId: null,
      archived: false,
      sortBy: 'name',
      descending: false,
      cursor: null,
      direction: 'next',
      limit: 2,
      includeTotal: false,
      ...request,
    });
  const names = (page: { items: ListedVariant[] }) => page.items.map((variant) => variant.name);

  it('pages forward and back with exact has_next/has_prev, in the list order both ways', async () => {
    const store = memoryListStore(['a', 'b', 'c', 'd', 'e']);
    const first = await list(store);
    expect(first).toMatchObject({ hasNext: true, hasPrev: false, prevCursor: null, total: null, limit: 2 });
    const second = await list(store, { cursor: first.nextCursor });
    const third = await list(store, { cursor: second.nextCursor });
    expect([names(first), names(second), names(third)]).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(third).toMatchObject({ hasNext: false, nextCursor: null, hasPrev: true });
    const back = await list(store, { cursor: third.prevCursor, direction: 'prev' });
    expect(names(back)).toEqual(['c', 'd']);
    expect(back).toMatchObject({ hasNext: true, hasPrev: true });
    expect(names(await list(store, { direction: 'prev' }))).toEqual(['d', 'e']);
    expect((await list(store, { includeTotal: true })).total).toBe(5);
  });

  it('refuses a cursor of another tenant or list, or one that is not a cursor, as InvalidCursorError', async () => {
    const store = memoryListStore(['a', 'b', 'c']);
    const { nextCursor } = await list(store);
    for (const request of [{ descending: true }, { archived: true }, { productId: 'p1' }]) {
      await expect(list(store, { ...request, cursor: nextCursor })).rejects.toBeInstanceOf(InvalidCursorError);
    }
    await expect(
      listVariants(store, 't2', {
        productId: null,
        archived: false,
        sortBy: 'name',
        descending: false,
        cursor: nextCursor,
        direction: 'next',
        limit: 2,
        includeTotal: false,
      }),
    ).rejects.toBeInstanceOf(InvalidCursorError);
    for (const cursor of ['nope!', 'e30', Buffer.from('{"v":1}').toString('base64url')])
      await expect(list(store, { cursor })).rejects.toMatchObject({ rule: 'invalid-cursor', detail: { cursor, list: 'variants' } });
  });
});
