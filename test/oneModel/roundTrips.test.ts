import { beforeAll, describe, expect, it } from 'vitest';
import { handler as dayZeroUpdate } from '#functions/dayzero/updateVariant/handler';
import { handler as getMedusaVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as updateLevel } from '#functions/medusa/updateLocationLevel/handler';
import { handler as createRecordOc } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { handler as patchRecordOc } from '#functions/ordercloud/patchVariantInventoryRecord/handler';
import { handler as createRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as listLowStock } from '#functions/shopsynch/listLowStockInventory/handler';
import type { RouteName } from '#functions/routes';
import { merchantApiKeyStore } from '#shared/store/merchantApiKeys';
import { roundTripRecorder } from '#test/support/roundTrips';
import { invoke } from '#test/support/http';
import { routesUnderTest, type CallOverrides, type RouteUnderTest } from '#test/support/routes';
import { bearer, itemsOfType, seedTenant, tokenFor } from '#test/support/tenants';

/**
 * The DynamoDB calls of each write through the ledger and of each read by ID, on the route's
 * demo (its own tenant and catalog): a write reads one item (or reads side by side), then writes
 * one transaction, whichever API names the level; a read by ID is one call. A view carries a copy
 * of its level, so a write through Medusa's or OrderCloud's name reads no second item.
 */
const WRITES: Partial<Record<RouteName, { waves: number; commands: string[] }>> = {
  // ShopSynch checks its merchant API key first (one BatchGet of the places a key can be stored in; a GetItem before keyed digests).
  reserveInventory: { waves: 3, commands: ['BatchGetItemCommand', 'GetItemCommand', 'TransactWriteItemsCommand'] },
  adjustInventory: { waves: 3, commands: ['BatchGetItemCommand', 'GetItemCommand', 'TransactWriteItemsCommand'] },
  // DayZero's adjustment reads its business, reasons and variant before the level, as on main.
  createAdjustment: {
    waves: 5,
    commands: [
      'BatchGetItemCommand',
      'BatchGetItemCommand',
      'GetItemCommand',
      'GetItemCommand',
      'QueryCommand',
      'TransactWriteItemsCommand',
    ],
  },
  createLocationLevel: { waves: 2, commands: ['GetItemCommand', 'QueryCommand', 'TransactWriteItemsCommand'] },
  updateLocationLevel: { waves: 2, commands: ['QueryCommand', 'TransactWriteItemsCommand'] },
  deleteLocationLevel: { waves: 2, commands: ['QueryCommand', 'TransactWriteItemsCommand'] },
  createVariantInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  createProductInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  saveVariantInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  saveProductInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  patchVariantInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  patchProductInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  deleteVariantInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
  deleteProductInventoryRecord: { waves: 2, commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'] },
};

const READS_BY_ID: RouteName[] = [
  'getInventoryRecord',
  'getVariant',
  'getProductVariant',
  'listLocationLevels',
  'getVariantInventoryRecord',
  'getProductInventoryRecord',
];

describe('round trips of the writes through every name of a level, and of reads by ID', () => {
  let routes: Map<string, RouteUnderTest>;
  const record = roundTripRecorder();
  beforeAll(async () => {
    const names = new Set<string>([...Object.keys(WRITES), ...READS_BY_ID]);
    routes = new Map((await routesUnderTest((route) => names.has(route.name))).map((route) => [route.route.name, route]));
  });

  /**
   * The route's demo request, as its demo expects it to answer, with the calls it made. A
   * merchant API key's use is noted at most hourly: noted before, so that the count is of every
   * request but a tenant's first.
   */
  const calls = async (name: RouteName, overrides: CallOverrides = {}) => {
    const route = routes.get(name)!;
    const key = route.demo.example.headers?.['X-MerchantApiKey'];
    if (key !== undefined) expect(await merchantApiKeyStore.isActive(route.tenantId, key)).toBe(true);
    let status = 0;
    const trips = await record(async () => {
      status = (await route.call(overrides)).status;
    });
    expect(status, name).toBe(route.demo.example.expect.first);
    return trips;
  };

  it.each(Object.entries(WRITES))('%s: its DynamoDB calls', async (name, expected) => {
    expect(await calls(name as RouteName)).toEqual(expected);
  });

  it.each(READS_BY_ID)('%s is one round trip', async (name) => {
    // Medusa's variant read by ID, without expanding its items' levels (which live in each item's partition: a second round trip).
    expect((await calls(name, name === 'getProductVariant' ? { query: '' } : {})).waves).toBe(1);
  });
});

const KEY = 'mk_test_one_model_trips_01';

const through = (tenantId: string) => {
  const shop = { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY };
  const token = { authorization: bearer(tokenFor(tenantId)) };
  return {
    shopsynchCreate: (body: unknown) =>
      invoke(createRecord, { path: '/v1/inventory', routeKey: 'POST /v1/inventory', headers: shop, body }),
    lowStock: async () => {
      const reply = await invoke(listLowStock, { path: '/v1/inventory/low-stock', routeKey: 'GET /v1/inventory/low-stock', headers: shop });
      expect(reply.status).toBe(200);
      return (reply.body.data as { id: string; productId: string }[]).map(({ id, productId }) => ({ id, productId }));
    },
    medusaItem: async (productId: string, variantId: string) => {
      const reply = await invoke(getMedusaVariant, {
        path: `/admin/products/${productId}/variants/${variantId}`,
        routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
        pathParameters: { id: productId, variant_id: variantId },
        query: 'fields=id,*inventory_items',
        headers: token,
      });
      return reply.body.variant.inventory_items[0].inventory_item_id as string;
    },
    medusaUpdate: (itemId: string, locationId: string, body: unknown) =>
      invoke(updateLevel, {
        path: `/admin/inventory-items/${itemId}/location-levels/${locationId}`,
        routeKey: 'POST /admin/inventory-items/{id}/location-levels/{location_id}',
        pathParameters: { id: itemId, location_id: locationId },
        headers: token,
        body,
      }),
    ocCreate: (productId: string, variantId: string, body: unknown) =>
      invoke(createRecordOc, {
        path: `/products/${productId}/variants/${variantId}/inventoryrecords`,
        routeKey: 'POST /products/{productID}/variants/{variantID}/inventoryrecords',
        pathParameters: { productID: productId, variantID: variantId },
        headers: token,
        body,
      }),
    ocPatch: (productId: string, variantId: string, recordId: string, body: unknown) =>
      invoke(patchRecordOc, {
        path: `/products/${productId}/variants/${variantId}/inventoryrecords/${recordId}`,
        routeKey: 'PATCH /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
        pathParameters: { productID: productId, variantID: variantId, inventoryRecordID: recordId },
        headers: token,
        body,
      }),
    dayZeroUpdate: (variantId: string, body: unknown) =>
      invoke(dayZeroUpdate, {
        path: `/api/v1/inventory/products/variants/${variantId}`,
        routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
        pathParameters: { id: variantId },
        headers: { ...token, 'x-business-id': tenantId },
        body,
      }),
  };
};

/** The level as stored, and its history (versions 1..n, each with the numbers it left). */
async function stored(tenantId: string, levelId: string) {
  const [level] = (await itemsOfType(tenantId, 'StockRecord')).filter((item) => item.id === levelId);
  const history = (await itemsOfType(tenantId, 'StockMovement'))
    .filter((entry) => entry.recordId === levelId)
    .sort((a, b) => Number(a.version) - Number(b.version));
  return { level: level!, history };
}

describe('a write through Medusa’s or OrderCloud’s name moves the level from the name’s copy of it', () => {
  const tenant = () =>
    seedTenant({
      name: 'Writes through names',
      merchantApiKeys: [KEY],
      defaultLocationId: 'wh_main',
      locations: [{ id: 'wh_main', name: 'Main' }],
      products: [
        {
          id: 'prod_tee',
          name: 'Tee',
          type: 'VARIABLE',
          variants: [{ id: 'var_tee_m', name: 'M', sku: 'TEE-M', attributes: { Size: 'M' } }],
        },
        { id: 'prod_shirt', name: 'Shirt', type: 'VARIABLE' },
      ],
    });

  it('enters and leaves low stock (index and outbox), keeps the fields no movement writes, and records each version', async () => {
    const t = await tenant();
    const api = through(t);
    const created = await api.shopsynchCreate({
      productId: 'prod_tee',
      skuId: 'var_tee_m',
      warehouseId: 'wh_main',
      initialQty: 20,
      location: 'B-02-1',
      reorderLevel: 5,
      reorderQty: 30,
    });
    expect(created.status).toBe(200);
    const id = created.body.data.id as string;
    const itemId = await api.medusaItem('prod_tee', 'var_tee_m');
    const before = (await stored(t, id)).level;

    expect((await api.medusaUpdate(itemId, 'wh_main', { stocked_quantity: 4 })).status).toBe(200);
    expect(await api.lowStock()).toEqual([{ id, productId: 'prod_tee' }]);
    expect((await api.medusaUpdate(itemId, 'wh_main', { stocked_quantity: 30 })).status).toBe(200);
    expect(await api.lowStock()).toEqual([]);

    expect((await api.ocCreate('prod_tee', 'var_tee_m', { ID: 'rec_m', AddressID: 'wh_main' })).status).toBe(201);
    expect((await api.ocPatch('prod_tee', 'var_tee_m', 'rec_m', { QuantityAvailable: 3 })).status).toBe(200);
    expect(await api.lowStock()).toEqual([{ id, productId: 'prod_tee' }]);
    expect((await api.ocPatch('prod_tee', 'var_tee_m', 'rec_m', { QuantityAvailable: 12, NotificationPoint: 2 })).status).toBe(200);
    expect(await api.lowStock()).toEqual([]);

    const { level, history } = await stored(t, id);
    expect(level).toMatchObject({
      onHandQty: 12,
      reservedQty: 0,
      reorderLevel: 2,
      reorderQty: 30,
      bin: 'B-02-1',
      orderCloudRecordIds: ['rec_m'],
      version: 6,
      attributes: before.attributes,
      locationName: before.locationName,
      createdAt: before.createdAt,
      stockByProductSk: before.stockByProductSk,
      stockByWarehouseSk: before.stockByWarehouseSk,
    });
    expect(before.stockByProductSk).toEqual(expect.stringContaining(id));
    expect(level).not.toHaveProperty('lowStockPk');
    expect(level).not.toHaveProperty('lowStockSk');
    expect(history.map((entry) => [entry.version, entry.onHandQty, entry.reason])).toEqual([
      [1, 20, null],
      [2, 4, 'medusa-level-update'],
      [3, 30, 'medusa-level-update'],
      [4, 30, 'ordercloud-create'],
      [5, 3, 'ordercloud-patch'],
      [6, 12, 'ordercloud-patch'],
    ]);
    // Each crossing into low stock is one outbox entry, holding the level as that version left it.
    const events = (await itemsOfType(t, 'LowStockEvent')).map((event) => JSON.parse(event.record as string) as Record<string, unknown>);
    expect(events.map((event) => [event.version, event.productId, event.locationName, event.reorderQty]).sort()).toEqual([
      [2, 'prod_tee', 'Main', 30],
      [5, 'prod_tee', 'Main', 30],
    ]);
  });

  it('follows a variant’s move: the next write through Medusa’s name lists the level under its new product', async () => {
    const t = await tenant();
    const api = through(t);
    const created = await api.shopsynchCreate({
      productId: 'prod_tee',
      skuId: 'var_tee_m',
      warehouseId: 'wh_main',
      initialQty: 20,
      reorderLevel: 5,
    });
    expect(created.status).toBe(200);
    const id = created.body.data.id as string;
    const itemId = await api.medusaItem('prod_tee', 'var_tee_m');
    expect((await api.dayZeroUpdate('var_tee_m', { product_id: 'prod_shirt' })).status).toBe(200);

    const record = roundTripRecorder();
    expect(await record(() => api.medusaUpdate(itemId, 'wh_main', { stocked_quantity: 2 }))).toMatchObject({ waves: 2 });
    expect(await api.lowStock()).toEqual([{ id, productId: 'prod_shirt' }]);
    expect((await stored(t, id)).level).toMatchObject({ productId: 'prod_shirt', onHandQty: 2, version: 2 });
  });
});
