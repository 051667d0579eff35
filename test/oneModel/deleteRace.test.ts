import { describe, expect, it } from 'vitest';
import { handler as dzDelete } from '#functions/dayzero/deleteVariant/handler';
import { handler as ssCreate } from '#functions/shopsynch/createInventoryRecord/handler';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, seedTenant, tokenFor } from '#test/support/tenants';

/**
 * A permanent delete of a variant and a first stock of it at another warehouse, through
 * another API, at the same moment: never both. Either the stock is created and the delete
 * then refused (it holds a level), or the variant is gone and the stock refused as unknown.
 */
const KEY = 'mk_test_delete_race_1';
const PAIRS = 20;

describe('permanent delete racing a new level, through two APIs', () => {
  it('never leaves a level whose variant is gone', async () => {
    const variants = Array.from({ length: PAIRS }, (_, i) => `var_race_${i}`);
    const tenantId = await seedTenant({
      name: 'Delete race',
      defaultLocationId: 'wh_a',
      merchantApiKeys: [KEY],
      locations: [
        { id: 'wh_a', name: 'A' },
        { id: 'wh_b', name: 'B' },
      ],
      products: [{ id: 'prod_race', name: 'Race', type: 'VARIABLE', variants: variants.map((id) => ({ id, name: id })) }],
    });
    const ss = { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY };
    const dz = { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId };
    // Each variant owns its item already, with an empty level at wh_a (a permanent delete takes that one with it).
    for (const id of variants) {
      const first = await invoke(ssCreate, {
        path: '/v1/inventory',
        routeKey: 'POST /v1/inventory',
        headers: ss,
        body: { productId: 'prod_race', skuId: id, warehouseId: 'wh_a', initialQty: 0 },
      });
      expect(first.status).toBe(200);
    }
    const outcomes = await Promise.all(
      variants.map(async (id) => {
        const [removed, created] = await Promise.all([
          invoke(dzDelete, {
            path: `/api/v1/inventory/products/variants/${id}`,
            routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
            pathParameters: { id },
            query: 'permanent=true',
            headers: dz,
          }),
          invoke(ssCreate, {
            path: '/v1/inventory',
            routeKey: 'POST /v1/inventory',
            headers: ss,
            body: { productId: 'prod_race', skuId: id, warehouseId: 'wh_b', initialQty: 5 },
          }),
        ]);
        return [removed.status, created.status];
      }),
    );
    expect(outcomes.filter(([removed, created]) => removed === 200 && created === 200)).toEqual([]);
    const left = new Set((await itemsOfType(tenantId, 'Variant')).map((variant) => variant.id));
    const orphans = (await itemsOfType(tenantId, 'StockRecord')).filter((record) => !left.has(record.variantId));
    expect(orphans).toEqual([]);
  });
});

describe('the level count an owner keeps', () => {
  it('survives every DayZero update of the variant, a move to another product included', async () => {
    const tenantId = await seedTenant({
      name: 'Counts',
      defaultLocationId: 'wh_a',
      locations: [{ id: 'wh_a', name: 'A' }],
      products: [
        { id: 'prod_one', name: 'One', type: 'VARIABLE' },
        { id: 'prod_two', name: 'Two', type: 'VARIABLE' },
      ],
    });
    const { handler: dzCreate } = await import('#functions/dayzero/createVariant/handler');
    const { handler: dzUpdate } = await import('#functions/dayzero/updateVariant/handler');
    const dz = { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId };
    const created = await invoke(dzCreate, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: dz,
      body: { product_id: 'prod_one', name: 'Counted', sku: 'CNT-1', initial_inventory_quantity: 3 },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    for (const body of [{ name: 'Renamed' }, { product_id: 'prod_two' }]) {
      const updated = await invoke(dzUpdate, {
        path: `/api/v1/inventory/products/variants/${id}`,
        routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
        pathParameters: { id },
        headers: dz,
        body,
      });
      expect(updated.status).toBe(200);
      const [variant] = (await itemsOfType(tenantId, 'Variant')).filter((item) => item.id === id);
      expect(variant).toMatchObject({ levelCount: 1 });
    }
  });
});
