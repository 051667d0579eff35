import { beforeAll, describe, expect, it } from 'vitest';
import { handler as dzAdjust } from '#functions/dayzero/createAdjustment/handler';
import { handler as dzCreate } from '#functions/dayzero/createVariant/handler';
import { handler as dzGet } from '#functions/dayzero/getVariant/handler';
import { handler as mdCreateLevel } from '#functions/medusa/createLocationLevel/handler';
import { handler as mdGetVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as mdLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as mdUpdateLevel } from '#functions/medusa/updateLocationLevel/handler';
import { handler as ocCreate } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { handler as ocGet } from '#functions/ordercloud/getVariantInventoryRecord/handler';
import { handler as ocPatch } from '#functions/ordercloud/patchVariantInventoryRecord/handler';
import { handler as ocSave } from '#functions/ordercloud/saveVariantInventoryRecord/handler';
import { handler as ssAdjust } from '#functions/shopsynch/adjustInventory/handler';
import { handler as ssCreate } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as ssGet } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as ssList } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as ssRelease } from '#functions/shopsynch/releaseInventory/handler';
import { handler as ssReserve } from '#functions/shopsynch/reserveInventory/handler';
import { invoke } from '#test/support/http';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

/**
 * The cross-API matrix: after each write through one API, every API's read by ID shows the
 * level's new numbers in the very next request. One tenant, one variant, one warehouse: the
 * writes run in order and each row checks all four reads.
 */
const KEY = 'mk_test_matrix_0001';
const P = 'prod_tee';
const V = 'var_tee_m';
const WH = 'wh_main';

let tenantId: string;
let recordId: string;
let itemId: string;
const OC_RECORD = 'rec-tee-main';

const auth = () => ({ authorization: bearer(tokenFor(tenantId)) });
const ss = () => ({ ...auth(), 'x-merchantapikey': KEY });
const dz = () => ({ ...auth(), 'x-business-id': tenantId });
const body = <T>(reply: { body: unknown }) => reply.body as T;

/** On hand and reserved as each API shows them; `orderCloud` only once a record names the level. */
async function readEverywhere(withOrderCloud: boolean) {
  const shop = body<{ data: { onHandQty: number; reservedQty: number; availableQty: number } }>(
    await invoke(ssGet, {
      path: `/v1/inventory/${recordId}`,
      routeKey: 'GET /v1/inventory/{id}',
      pathParameters: { id: recordId },
      headers: ss(),
    }),
  ).data;
  const levels = body<{ inventory_levels: { location_id: string; stocked_quantity: number; reserved_quantity: number }[] }>(
    await invoke(mdLevels, {
      path: `/admin/inventory-items/${itemId}/location-levels`,
      routeKey: 'GET /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: itemId },
      headers: auth(),
    }),
  ).inventory_levels.find((level) => level.location_id === WH)!;
  const day = body<{ inventory: { on_hand: number; reserved: number } }>(
    await invoke(dzGet, {
      path: `/api/v1/inventory/products/variants/${V}`,
      routeKey: 'GET /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: V },
      headers: dz(),
    }),
  ).inventory;
  const oc = withOrderCloud
    ? body<{ QuantityAvailable: number }>(
        await invoke(ocGet, {
          path: `/products/${P}/variants/${V}/inventoryrecords/${OC_RECORD}`,
          routeKey: 'GET /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
          pathParameters: { productID: P, variantID: V, inventoryRecordID: OC_RECORD },
          headers: auth(),
        }),
      ).QuantityAvailable
    : undefined;
  return {
    shopsynch: [shop.onHandQty, shop.reservedQty],
    medusa: [levels.stocked_quantity, levels.reserved_quantity],
    dayzero: [day.on_hand, day.reserved],
    ...(withOrderCloud ? { orderCloudAvailable: oc } : {}),
  };
}

const expectEverywhere = async (onHand: number, reserved: number, withOrderCloud = false) =>
  expect(await readEverywhere(withOrderCloud)).toEqual({
    shopsynch: [onHand, reserved],
    medusa: [onHand, reserved],
    dayzero: [onHand, reserved],
    ...(withOrderCloud ? { orderCloudAvailable: onHand - reserved } : {}),
  });

const move = (handler: typeof ssReserve, kind: 'reserve' | 'release' | 'adjust', payload: unknown) =>
  invoke(handler, {
    path: `/v1/inventory/${recordId}/${kind}`,
    routeKey: `PATCH /v1/inventory/{id}/${kind}`,
    pathParameters: { id: recordId },
    headers: ss(),
    body: payload,
  });

describe('one stock across the four APIs: every write shows in every read by ID in the next request', () => {
  beforeAll(async () => {
    tenantId = await seedTenant({
      name: 'Matrix',
      defaultLocationId: WH,
      merchantApiKeys: [KEY],
      locations: [
        { id: WH, name: 'Main' },
        { id: 'wh_b', name: 'B' },
      ],
      products: [{ id: P, name: 'Tee', type: 'VARIABLE', variants: [{ id: V, name: 'M', sku: 'TEE-M' }] }],
    });
    const created = await invoke(ssCreate, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: ss(),
      body: { productId: P, skuId: V, warehouseId: WH, initialQty: 50 },
    });
    expect(created.status).toBe(200);
    recordId = body<{ data: { id: string } }>(created).data.id;
    const variant = await invoke(mdGetVariant, {
      path: `/admin/products/${P}/variants/${V}`,
      routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
      pathParameters: { id: P, variant_id: V },
      query: 'fields=id,*inventory_items',
      headers: auth(),
    });
    itemId = body<{ variant: { inventory_items: { inventory_item_id: string }[] } }>(variant).variant.inventory_items[0]!.inventory_item_id;
  });

  it('ShopSynch create', () => expectEverywhere(50, 0));

  it('ShopSynch reserve, release and adjust', async () => {
    expect((await move(ssReserve, 'reserve', { qty: 8 })).status).toBe(200);
    await expectEverywhere(50, 8);
    expect((await move(ssRelease, 'release', { qty: 3 })).status).toBe(200);
    await expectEverywhere(50, 5);
    expect((await move(ssAdjust, 'adjust', { qty: 10, reason: 'count' })).status).toBe(200);
    await expectEverywhere(60, 5);
  });

  it('DayZero adjustment', async () => {
    const reply = await invoke(dzAdjust, {
      path: '/api/v1/inventory/adjustments',
      routeKey: 'POST /api/v1/inventory/adjustments',
      headers: dz(),
      body: { variant_id: V, quantity_change: 5, reason: 'restock' },
    });
    expect(reply.status).toBe(201);
    await expectEverywhere(65, 5);
  });

  it('Medusa level update', async () => {
    const reply = await invoke(mdUpdateLevel, {
      path: `/admin/inventory-items/${itemId}/location-levels/${WH}`,
      routeKey: 'POST /admin/inventory-items/{id}/location-levels/{location_id}',
      pathParameters: { id: itemId, location_id: WH },
      headers: auth(),
      body: { stocked_quantity: 70 },
    });
    expect(reply.status).toBe(200);
    await expectEverywhere(70, 5);
  });

  it('OrderCloud create, save and patch', async () => {
    const path = `/products/${P}/variants/${V}/inventoryrecords`;
    const created = await invoke(ocCreate, {
      path,
      routeKey: 'POST /products/{productID}/variants/{variantID}/inventoryrecords',
      pathParameters: { productID: P, variantID: V },
      headers: auth(),
      body: { ID: OC_RECORD, AddressID: WH, QuantityAvailable: 100 },
    });
    expect(created.status).toBe(201);
    await expectEverywhere(105, 5, true);
    const one = { productID: P, variantID: V, inventoryRecordID: OC_RECORD };
    const template = '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}';
    const saved = await invoke(ocSave, {
      path: `${path}/${OC_RECORD}`,
      routeKey: `PUT ${template}`,
      pathParameters: one,
      headers: auth(),
      body: { ID: OC_RECORD, AddressID: WH, QuantityAvailable: 50 },
    });
    expect(saved.status).toBe(200);
    await expectEverywhere(55, 5, true);
    const patched = await invoke(ocPatch, {
      path: `${path}/${OC_RECORD}`,
      routeKey: `PATCH ${template}`,
      pathParameters: one,
      headers: auth(),
      body: { QuantityAvailable: 40 },
    });
    expect(patched.status).toBe(200);
    await expectEverywhere(45, 5, true);
  });

  it('DayZero create and Medusa level create show in ShopSynch’s list', async () => {
    const created = await invoke(dzCreate, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: dz(),
      body: { product_id: P, name: 'L', sku: 'TEE-L', initial_inventory_quantity: 12 },
    });
    expect(created.status).toBe(201);
    const newVariant = body<{ id: string }>(created).id;
    const variant = await invoke(mdGetVariant, {
      path: `/admin/products/${P}/variants/${newVariant}`,
      routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
      pathParameters: { id: P, variant_id: newVariant },
      query: 'fields=id,*inventory_items',
      headers: auth(),
    });
    const newItem = body<{ variant: { inventory_items: { inventory_item_id: string }[] } }>(variant).variant.inventory_items[0]!
      .inventory_item_id;
    const level = await invoke(mdCreateLevel, {
      path: `/admin/inventory-items/${newItem}/location-levels`,
      routeKey: 'POST /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: newItem },
      headers: auth(),
      body: { location_id: 'wh_b', stocked_quantity: 7 },
    });
    expect(level.status).toBe(200);
    const list = await invoke(ssList, {
      path: '/v1/inventory',
      routeKey: 'GET /v1/inventory',
      query: `productId=${P}&skuId=${newVariant}`,
      headers: ss(),
    });
    expect(
      body<{ data: { warehouseId: string; onHandQty: number }[] }>(list)
        .data.map((r) => [r.warehouseId, r.onHandQty])
        .sort(),
    ).toEqual([
      ['wh_b', 7],
      [WH, 12],
    ]);
  });
});
