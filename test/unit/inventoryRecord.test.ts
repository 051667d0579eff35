import { describe, expect, it } from 'vitest';
import { ConflictError, IDENTITY_RULES, NotFoundError } from '#shared/domain/errors';
import { createVariantInventoryRecord, type InventoryRecord, type InventoryRecordStore } from '#shared/domain/inventoryRecord';
import { location, product, variant } from '#test/unit/memoryCatalog';

/** The port in memory, with the store's identity rule: a record ID is unique within its product. */
function memoryRecordStore() {
  const records = new Map<string, InventoryRecord>();
  const store: InventoryRecordStore = {
    async readInventoryRecordContext(_tenantId, productId, variantId, addressId) {
      return {
        ...(productId === 'p1' ? { product: product('p1', 'VARIABLE') } : {}),
        ...(productId === 'p1' && variantId === 'v1' ? { variant: variant('p1', 'v1') } : {}),
        ...(addressId === 'wh_main' ? { location: location('wh_main') } : addressId === 'wh_supplier' ? { location: location('wh_supplier', 'supplier_1') } : {}),
      };
    },
    async insertInventoryRecord(record) {
      const identity = `${record.productId}|${record.id}`;
      if (records.has(identity)) throw new ConflictError(IDENTITY_RULES.recordIdPerProduct, `An inventory record with ID ${record.id} already exists.`);
      records.set(identity, record);
    },
  };
  return { store, records };
}

describe('OrderCloud inventory records (domain, in memory)', () => {
  it("applies OrderCloud's defaults, with the tenant as owner and a generated ID", async () => {
    const { store } = memoryRecordStore();
    const { record } = await createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'v1', addressId: 'wh_main' });
    expect(record).toMatchObject({ ownerId: 't1', allowAllBuyers: true, orderCanExceed: false, quantityAvailable: 0, notificationPoint: null, xp: {} });
    expect(record.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('allows several records at one address, but an ID only once per product', async () => {
    const { store, records } = memoryRecordStore();
    await createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'v1', addressId: 'wh_main', id: 'a' });
    await createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'v1', addressId: 'wh_main', id: 'b' });
    await expect(createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'v1', addressId: 'wh_main', id: 'a' })).rejects.toMatchObject({ rule: IDENTITY_RULES.recordIdPerProduct });
    expect(records.size).toBe(2);
  });

  it("hides an address of another owner exactly like a missing one", async () => {
    const { store } = memoryRecordStore();
    await expect(createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'v1', addressId: 'wh_supplier' })).rejects.toEqual(new NotFoundError('Location', 'wh_supplier'));
    await expect(createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'v1', addressId: 'wh_supplier', ownerId: 'supplier_1' })).resolves.toMatchObject({ record: { ownerId: 'supplier_1' } });
    await expect(createVariantInventoryRecord(store, 't1', { productId: 'p1', variantId: 'nope', addressId: 'wh_main' })).rejects.toEqual(new NotFoundError('Variant', 'nope'));
  });
});
