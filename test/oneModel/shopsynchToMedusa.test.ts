import { describe, expect, it } from 'vitest';
import { handler as listLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as getVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as createRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as reserve } from '#functions/shopsynch/reserveInventory/handler';
import { invoke } from '#test/support/http';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

const KEY = 'mk_test_one_model_01';

/** A tenant made as an operator makes one: a location, a VARIABLE product and its variant, no stock yet. */
const tenant = () =>
  seedTenant({
    name: 'One model',
    merchantApiKeys: [KEY],
    locations: [{ id: 'wh_main', name: 'Main' }],
    products: [{ id: 'prod_tee', name: 'Tee', type: 'VARIABLE', variants: [{ id: 'var_tee_m', name: 'M', sku: 'TEE-M' }] }],
  });

const shopsynch = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY });
const medusa = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

describe('one stock: what ShopSynch writes, Medusa reads in the next request', () => {
  it('shows a ShopSynch record and its reservation as the level of the variant’s own inventory item', async () => {
    const tenantId = await tenant();
    const created = await invoke(createRecord, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: shopsynch(tenantId),
      body: { productId: 'prod_tee', skuId: 'var_tee_m', warehouseId: 'wh_main', initialQty: 50 },
    });
    expect(created.status).toBe(200);
    const recordId = (created.body as { data: { id: string } }).data.id;
    const reserved = await invoke(reserve, {
      path: `/v1/inventory/${recordId}/reserve`,
      routeKey: 'PATCH /v1/inventory/{id}/reserve',
      pathParameters: { id: recordId },
      headers: shopsynch(tenantId),
      body: { qty: 8 },
    });
    expect(reserved.status).toBe(200);

    // Medusa: the variant now has its own item, linked with required quantity 1...
    const variant = await invoke(getVariant, {
      path: '/admin/products/prod_tee/variants/var_tee_m',
      routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
      pathParameters: { id: 'prod_tee', variant_id: 'var_tee_m' },
      query: 'fields=id,*inventory_items',
      headers: medusa(tenantId),
    });
    expect(variant.status).toBe(200);
    const links = (variant.body as { variant: { inventory_items: { inventory_item_id: string; required_quantity: number }[] } }).variant
      .inventory_items;
    expect(links).toHaveLength(1);
    expect(links[0]!.required_quantity).toBe(1);

    // ...whose level at the warehouse is the record: 50 stocked, 8 reserved.
    const itemId = links[0]!.inventory_item_id;
    const levels = await invoke(listLevels, {
      path: `/admin/inventory-items/${itemId}/location-levels`,
      routeKey: 'GET /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: itemId },
      headers: medusa(tenantId),
    });
    expect(levels.status).toBe(200);
    expect((levels.body as { inventory_levels: unknown[] }).inventory_levels).toEqual([
      expect.objectContaining({ location_id: 'wh_main', stocked_quantity: 50, reserved_quantity: 8, available_quantity: 42 }),
    ]);
  });
});
