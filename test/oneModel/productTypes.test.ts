import { describe, expect, it } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { handler as dzCreate } from '#functions/dayzero/createVariant/handler';
import { handler as dzDelete } from '#functions/dayzero/deleteVariant/handler';
import { handler as dzUpdate } from '#functions/dayzero/updateVariant/handler';
import { handler as medusaDeleteLevel } from '#functions/medusa/deleteLocationLevel/handler';
import { handler as ssCreate } from '#functions/shopsynch/createInventoryRecord/handler';
import type { TenantFixture } from '#shared/store/fixtures';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/**
 * A product's type and what it holds agree, whichever API writes either: variants only on a
 * VARIABLE product, stock of a product's own only on a SIMPLE or DIGITAL one, and a type change
 * only when what the product holds allows it. Each is held by the product item in the write itself,
 * so a type change racing the writes it forbids never lets both through.
 */
const KEY = 'mk_test_product_types_1';
const WAREHOUSES = Array.from({ length: 50 }, (_, i) => `wh_${i}`);

type ProductFixture = NonNullable<TenantFixture['products']>[number];

/** The tenant as seeded and as every import here gives it (an import's tenant entry is the whole tenant). */
const tenant = (products: ProductFixture[], warehouses: number): Omit<TenantFixture, 'id'> => ({
  name: 'Product types',
  merchantApiKeys: [KEY],
  locations: WAREHOUSES.slice(0, warehouses).map((id) => ({ id, name: id })),
  products,
});

/** A tenant with the products and `warehouses` of the 50 warehouses, and the calls the tests make as it. */
async function setUp(products: ProductFixture[], warehouses = 1) {
  const tenantId = await seedTenant(tenant(products, warehouses));
  const dz = { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId };
  const ss = { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY };
  const admin = { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) };
  const importing = (products: ProductFixture[]) =>
    invoke(importHandler, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: admin,
      body: { tenants: [{ id: tenantId, ...tenant(products, warehouses), merchantApiKeys: [] }] },
    });
  const createVariant = (productId: string, name: string) =>
    invoke(dzCreate, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: dz,
      body: { product_id: productId, name },
    });
  const deleteVariant = (id: string) =>
    invoke(dzDelete, {
      path: `/api/v1/inventory/products/variants/${id}`,
      routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
      pathParameters: { id },
      query: 'permanent=true',
      headers: dz,
    });
  const productStock = (productId: string, warehouseId: string) =>
    invoke(ssCreate, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: ss,
      body: { productId, warehouseId, initialQty: 0 },
    });
  const product = async (id: string) => (await itemsOfType(tenantId, 'Product')).find((item) => item.id === id)!;
  const variantsOf = async (id: string) => (await itemsOfType(tenantId, 'Variant')).filter((item) => item.productId === id);
  const productLevels = async (id: string) =>
    (await itemsOfType(tenantId, 'StockRecord')).filter((item) => item.productId === id && item.variantId === null);
  return { tenantId, dz, importing, createVariant, deleteVariant, productStock, product, variantsOf, productLevels };
}

type ImportReply = { body: { results: { entity: string; id: string; result: string }[] } };
const resultOf = (reply: ImportReply, id: string) => reply.body.results.find((result) => result.entity === 'product' && result.id === id);

describe('a variant only on a VARIABLE product (DayZero)', () => {
  it('refuses a create on a SIMPLE or DIGITAL product with its 400, writing nothing', async () => {
    const { tenantId, createVariant } = await setUp([
      { id: 'prod_simple', name: 'Simple', type: 'SIMPLE' },
      { id: 'prod_digital', name: 'Digital', type: 'DIGITAL' },
    ]);
    const before = await tenantItems(tenantId);
    for (const [id, type] of [
      ['prod_simple', 'SIMPLE'],
      ['prod_digital', 'DIGITAL'],
    ]) {
      const reply = await createVariant(id!, 'Refused');
      expect(reply).toMatchObject({
        status: 400,
        body: { detail: `Product is ${type}: only a VARIABLE product has variants; its stock is held on the product itself` },
      });
    }
    // No variant, no ID or SKU guard, no stock, no count on the products.
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('counts each variant on its product: up with a create, across with a move, down with a delete; a move onto a SIMPLE product refused', async () => {
    const { dz, createVariant, deleteVariant, product } = await setUp([
      { id: 'prod_a', name: 'A', type: 'VARIABLE' },
      { id: 'prod_b', name: 'B', type: 'VARIABLE' },
      { id: 'prod_simple', name: 'Simple', type: 'SIMPLE' },
    ]);
    const first = await createVariant('prod_a', 'First');
    const second = await createVariant('prod_a', 'Second');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await product('prod_a')).variantCount).toBe(2);
    const move = (id: string, productId: string) =>
      invoke(dzUpdate, {
        path: `/api/v1/inventory/products/variants/${id}`,
        routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
        pathParameters: { id },
        headers: dz,
        body: { product_id: productId },
      });
    expect((await move(first.body.id, 'prod_b')).status).toBe(200);
    expect([(await product('prod_a')).variantCount, (await product('prod_b')).variantCount]).toEqual([1, 1]);
    expect(await move(second.body.id, 'prod_simple')).toMatchObject({
      status: 400,
      body: { detail: 'Product is SIMPLE: only a VARIABLE product has variants; its stock is held on the product itself' },
    });
    expect((await product('prod_simple')).variantCount).toBeUndefined();
    expect((await deleteVariant(second.body.id)).status).toBe(200);
    expect((await product('prod_a')).variantCount).toBe(0);
  });
});

describe("the import's type changes", () => {
  it('turns a VARIABLE product with variants SIMPLE only once they are deleted', async () => {
    const variants = [
      { id: 'var_1', name: 'One' },
      { id: 'var_2', name: 'Two' },
    ];
    const { importing, deleteVariant, product, variantsOf } = await setUp([{ id: 'prod_tee', name: 'Tee', type: 'VARIABLE', variants }]);
    const before = await product('prod_tee');
    expect(before.variantCount).toBe(2);
    const refused = await importing([{ id: 'prod_tee', name: 'Tee', type: 'SIMPLE' }]);
    expect(refused.status).toBe(200);
    expect(resultOf(refused, 'prod_tee')).toEqual({
      path: 'tenants[0].products[0]',
      entity: 'product',
      id: 'prod_tee',
      result: 'refused',
      reason: 'product type VARIABLE -> SIMPLE refused: the product has 2 variant(s); delete them first',
    });
    expect(await product('prod_tee')).toEqual(before);
    for (const { id } of variants) expect((await deleteVariant(id)).status).toBe(200);
    const allowed = await importing([{ id: 'prod_tee', name: 'Tee', type: 'SIMPLE' }]);
    expect(resultOf(allowed, 'prod_tee')).toMatchObject({ result: 'updated' });
    expect(await product('prod_tee')).toMatchObject({ productType: 'SIMPLE', variantCount: 0 });
    expect(await variantsOf('prod_tee')).toEqual([]);
  });

  it('turns a SIMPLE product with stock of its own VARIABLE only once that stock is gone; a product without any freely', async () => {
    const { tenantId, importing, productStock, product, productLevels } = await setUp([
      { id: 'prod_mug', name: 'Mug', type: 'SIMPLE' },
      { id: 'prod_cup', name: 'Cup', type: 'SIMPLE' },
    ]);
    expect((await productStock('prod_mug', 'wh_0')).status).toBe(200);
    const before = await product('prod_mug');
    const products: ProductFixture[] = [
      { id: 'prod_mug', name: 'Mug', type: 'VARIABLE' },
      { id: 'prod_cup', name: 'Cup', type: 'DIGITAL' },
    ];
    const refused = await importing(products);
    expect(resultOf(refused, 'prod_mug')).toMatchObject({
      result: 'refused',
      reason:
        "product type SIMPLE -> VARIABLE refused: the product holds stock of its own at 1 location(s); a VARIABLE product's stock is its variants'",
    });
    // SIMPLE <-> DIGITAL is free.
    expect(resultOf(refused, 'prod_cup')).toMatchObject({ result: 'updated' });
    expect(await product('prod_mug')).toEqual(before);
    // Its empty level removed (through Medusa's name of it), the product holds nothing: the change goes through.
    const itemId = String(before.inventoryItemId);
    const removed = await invoke(medusaDeleteLevel, {
      path: `/admin/inventory-items/${itemId}/location-levels/wh_0`,
      routeKey: 'DELETE /admin/inventory-items/{id}/location-levels/{location_id}',
      pathParameters: { id: itemId, location_id: 'wh_0' },
      headers: { authorization: bearer(tokenFor(tenantId)) },
    });
    expect(removed.status).toBe(200);
    expect(await productLevels('prod_mug')).toEqual([]);
    const allowed = await importing(products);
    expect(resultOf(allowed, 'prod_mug')).toMatchObject({ result: 'updated' });
    expect(await product('prod_mug')).toMatchObject({ productType: 'VARIABLE', levelCount: 0 });
  });

  it('refuses a new variant of a product that is not VARIABLE, per entry', async () => {
    const { importing, variantsOf } = await setUp([{ id: 'prod_mug', name: 'Mug', type: 'SIMPLE' }]);
    // The loader refuses such a document; the import takes it entry by entry: the product's type wins.
    const reply = await importing([{ id: 'prod_mug', name: 'Mug', type: 'SIMPLE', variants: [{ id: 'var_x', name: 'X' }] }]);
    expect(reply.body.results).toContainEqual({
      path: 'tenants[0].products[0].variants[0]',
      entity: 'variant',
      id: 'var_x',
      result: 'refused',
      reason: 'product "prod_mug" is not VARIABLE: only a VARIABLE product has variants',
    });
    expect(await variantsOf('prod_mug')).toEqual([]);
  });
});

/**
 * The i-th racer starts i * STAGGER ms after the import, so that the racers span the import's own
 * writes: which side wins varies from run to run; what is stored afterwards never does.
 */
const STAGGER = 4;
const later = <T>(i: number, call: () => Promise<T>): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => call().then(resolve, reject), i * STAGGER));

describe('a type change racing the writes it forbids', () => {
  // Few rounds, each 50-way: every racer updates the one product item, so they queue on it.
  const ROUNDS = 1;

  it('VARIABLE -> SIMPLE against 50 DayZero creates: VARIABLE with its variants, or SIMPLE with none', async () => {
    const ids = Array.from({ length: ROUNDS }, (_, round) => `prod_race_${round}`);
    const { importing, createVariant, product, variantsOf } = await setUp(ids.map((id) => ({ id, name: id, type: 'VARIABLE' })));
    for (const [round, id] of ids.entries()) {
      const changed = ids.map((other, i): ProductFixture => ({ id: other, name: other, type: i === round ? 'SIMPLE' : 'VARIABLE' }));
      const [imported, ...created] = await Promise.all([
        importing(changed),
        ...Array.from({ length: 50 }, (_, i) => later(i, () => createVariant(id, `V${i}`))),
      ]);
      const stored = await product(id);
      const variants = await variantsOf(id);
      expect(created.every((reply) => reply.status === 201 || reply.status === 400)).toBe(true);
      expect(variants).toHaveLength(created.filter((reply) => reply.status === 201).length);
      expect(stored.variantCount ?? 0).toBe(variants.length);
      if (stored.productType === 'SIMPLE') expect(variants).toEqual([]);
      expect(resultOf(imported, id)!.result).toBe(stored.productType === 'SIMPLE' ? 'updated' : 'refused');
    }
  });

  it('SIMPLE -> VARIABLE against 50 ShopSynch product-level creates: never VARIABLE with stock of its own', async () => {
    const ids = Array.from({ length: ROUNDS }, (_, round) => `prod_race_${round}`);
    const { importing, productStock, product, productLevels } = await setUp(
      ids.map((id) => ({ id, name: id, type: 'SIMPLE' })),
      WAREHOUSES.length,
    );
    for (const [round, id] of ids.entries()) {
      const changed = ids.map((other, i): ProductFixture => ({ id: other, name: other, type: i === round ? 'VARIABLE' : 'SIMPLE' }));
      const [imported, ...created] = await Promise.all([
        importing(changed),
        ...WAREHOUSES.map((wh, i) => later(i, () => productStock(id, wh))),
      ]);
      const stored = await product(id);
      const levels = await productLevels(id);
      expect(created.every((reply) => reply.status === 200 || reply.status === 400)).toBe(true);
      expect(levels).toHaveLength(created.filter((reply) => reply.status === 200).length);
      expect(stored.levelCount ?? 0).toBe(levels.length);
      if (stored.productType === 'VARIABLE') expect(levels).toEqual([]);
      expect(resultOf(imported, id)!.result).toBe(stored.productType === 'VARIABLE' ? 'updated' : 'refused');
    }
  });
});
