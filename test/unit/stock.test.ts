import { describe, expect, it } from 'vitest';
import type { StockRecord } from '#shared/domain/catalog';
import { ConflictError, IDENTITY_RULES, NotFoundError, BusinessRuleError } from '#shared/domain/errors';
import { availableQty, createStockRecord, type StockRecordStore } from '#shared/domain/stock';
import { location, product, variant } from '#test/unit/memoryCatalog';

/** The port in memory, with the store's identity rule: one record per product, variant and location. */
function memoryStockStore() {
  const catalog = { products: [product('p_simple'), product('p_var', 'VARIABLE')], variants: [variant('p_var', 'v_red', { Color: 'Red' })], locations: [location('wh_1')] };
  const records = new Map<string, StockRecord>();
  const store: StockRecordStore = {
    async readStockContext(_tenantId, wanted) {
      const found = {
        product: catalog.products.find((p) => p.id === wanted.productId),
        variant: catalog.variants.find((v) => v.productId === wanted.productId && v.id === wanted.variantId),
        location: catalog.locations.find((l) => l.id === wanted.locationId),
      };
      return Object.fromEntries(Object.entries(found).filter(([, value]) => value !== undefined));
    },
    async insertStockRecord(record) {
      const identity = `${record.productId}|${record.variantId}|${record.locationId}`;
      if (records.has(identity)) throw new ConflictError(IDENTITY_RULES.stockPerLocation, 'exists');
      records.set(identity, record);
    },
  };
  return { store, records };
}

describe('stock records (domain, in memory)', () => {
  it('availableQty is on hand minus reserved', () => {
    expect(availableQty({ onHandQty: 50, reservedQty: 8 })).toBe(42);
    expect(availableQty({ onHandQty: 0, reservedQty: 0 })).toBe(0);
  });

  it('creates a record with nothing reserved, and the second one for the same place is the identity conflict', async () => {
    const { store, records } = memoryStockStore();
    const { record, location: warehouse } = await createStockRecord(store, 't1', { productId: 'p_simple', locationId: 'wh_1', onHandQty: 50, reorderLevel: 10 });
    expect(record).toMatchObject({ productId: 'p_simple', variantId: null, locationId: 'wh_1', onHandQty: 50, reservedQty: 0, reorderLevel: 10, reorderQty: null, bin: null, attributes: {} });
    expect(record.id).toMatch(/^inv_[0-9a-f]{32}$/);
    expect(warehouse.id).toBe('wh_1');
    await expect(createStockRecord(store, 't1', { productId: 'p_simple', locationId: 'wh_1', onHandQty: 1 })).rejects.toMatchObject({ rule: IDENTITY_RULES.stockPerLocation });
    expect(records.size).toBe(1);
  });

  it('requires a SKU for a VARIABLE product and mirrors its attributes', async () => {
    const { store } = memoryStockStore();
    await expect(createStockRecord(store, 't1', { productId: 'p_var', locationId: 'wh_1', onHandQty: 1 })).rejects.toBeInstanceOf(BusinessRuleError);
    const { record } = await createStockRecord(store, 't1', { productId: 'p_var', variantId: 'v_red', locationId: 'wh_1', onHandQty: 1 });
    expect(record.attributes).toEqual({ Color: 'Red' });
    await expect(createStockRecord(store, 't1', { productId: 'p_var', variantId: 'v_red', locationId: 'wh_1', onHandQty: 1, attributes: { Color: 'Blue' } })).rejects.toThrow(
      "variantAttributes.Color is 'Blue' but the SKU's Color is 'Red'",
    );
  });

  it('refuses a SKU on a SIMPLE product, and names what is missing', async () => {
    const { store, records } = memoryStockStore();
    await expect(createStockRecord(store, 't1', { productId: 'p_simple', variantId: 'v_red', locationId: 'wh_1', onHandQty: 1 })).rejects.toThrow('skuId must be omitted for SIMPLE products');
    await expect(createStockRecord(store, 't1', { productId: 'nope', locationId: 'wh_1', onHandQty: 1 })).rejects.toEqual(new NotFoundError('Product', 'nope', "Product 'nope' not found"));
    await expect(createStockRecord(store, 't1', { productId: 'p_simple', locationId: 'wh_x', onHandQty: 1 })).rejects.toMatchObject({ objectType: 'Location', objectId: 'wh_x' });
    expect(records.size).toBe(0);
  });

  it('hands the attachment the record it is about to write', async () => {
    const { store } = memoryStockStore();
    const seen: unknown[] = [];
    const { record } = await createStockRecord(store, 't1', { productId: 'p_simple', locationId: 'wh_1', onHandQty: 3 }, (created) => {
      seen.push(created.record);
      return { attachment: true };
    });
    expect(seen).toEqual([record]);
  });
});
