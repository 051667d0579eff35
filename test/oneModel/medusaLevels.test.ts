import { describe, expect, it } from 'vitest';
import { handler as getDayZeroVariant } from '#functions/dayzero/getVariant/handler';
import { handler as createLevel } from '#functions/medusa/createLocationLevel/handler';
import { handler as deleteLevel } from '#functions/medusa/deleteLocationLevel/handler';
import { handler as getMedusaVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as listLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as updateLevel } from '#functions/medusa/updateLocationLevel/handler';
import { handler as createRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as getRecord } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as listRecords } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as listMovements } from '#functions/shopsynch/listInventoryMovements/handler';
import { handler as reserve } from '#functions/shopsynch/reserveInventory/handler';
import { invoke } from '#test/support/http';
import { roundTripRecorder } from '#test/support/roundTrips';
import { expectEachOrRetryLater } from '#test/support/races';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const KEY = 'mk_test_medusa_levels_01';

/**
 * A tenant as an operator makes one: two locations (the main one DayZero counts variants at), a
 * VARIABLE product with a variant not stocked yet, and a kit part (an inventory item no product
 * owns) with 15 on hand at the main location.
 */
const tenant = () =>
  seedTenant({
    name: 'Medusa levels on the ledger',
    merchantApiKeys: [KEY],
    defaultLocationId: 'wh_main',
    locations: [
      { id: 'wh_main', name: 'Main' },
      { id: 'wh_east', name: 'East' },
    ],
    products: [
      {
        id: 'prod_tee',
        name: 'Tee',
        type: 'VARIABLE',
        variants: [{ id: 'var_tee_m', name: 'M', sku: 'TEE-M', attributes: { Size: 'M' } }],
      },
    ],
    inventoryItems: [{ id: 'iitem_part', title: 'Kit part', levels: [{ locationId: 'wh_main', stocked: 15 }] }],
  });

const shopsynch = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY });
const medusa = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

const medusaLevels = async (tenantId: string, itemId: string) => {
  const reply = await invoke(listLevels, {
    path: `/admin/inventory-items/${itemId}/location-levels`,
    routeKey: 'GET /admin/inventory-items/{id}/location-levels',
    pathParameters: { id: itemId },
    headers: medusa(tenantId),
  });
  expect(reply.status).toBe(200);
  return reply.body.inventory_levels as { location_id: string; stocked_quantity: number; reserved_quantity: number }[];
};

const medusaCreate = (tenantId: string, itemId: string, body: unknown) =>
  invoke(createLevel, {
    path: `/admin/inventory-items/${itemId}/location-levels`,
    routeKey: 'POST /admin/inventory-items/{id}/location-levels',
    pathParameters: { id: itemId },
    headers: medusa(tenantId),
    body,
  });

const medusaUpdate = (tenantId: string, itemId: string, locationId: string, body: unknown) =>
  invoke(updateLevel, {
    path: `/admin/inventory-items/${itemId}/location-levels/${locationId}`,
    routeKey: 'POST /admin/inventory-items/{id}/location-levels/{location_id}',
    pathParameters: { id: itemId, location_id: locationId },
    headers: medusa(tenantId),
    body,
  });

const medusaDelete = (tenantId: string, itemId: string, locationId: string) =>
  invoke(deleteLevel, {
    path: `/admin/inventory-items/${itemId}/location-levels/${locationId}`,
    routeKey: 'DELETE /admin/inventory-items/{id}/location-levels/{location_id}',
    pathParameters: { id: itemId, location_id: locationId },
    headers: medusa(tenantId),
  });

const shopsynchGet = (tenantId: string, id: string) =>
  invoke(getRecord, {
    path: `/v1/inventory/${id}`,
    routeKey: 'GET /v1/inventory/{id}',
    pathParameters: { id },
    headers: shopsynch(tenantId),
  });

const shopsynchList = (tenantId: string, query: string) =>
  invoke(listRecords, { path: '/v1/inventory', routeKey: 'GET /v1/inventory', query, headers: shopsynch(tenantId) });

const shopsynchReserve = (tenantId: string, id: string, qty: number) =>
  invoke(reserve, {
    path: `/v1/inventory/${id}/reserve`,
    routeKey: 'PATCH /v1/inventory/{id}/reserve',
    pathParameters: { id },
    headers: shopsynch(tenantId),
    body: { qty },
  });

interface HistoryEntry {
  version: number;
  type: string;
  qty: number;
  reason: string | null;
  onHandQty: number;
  reservedQty: number;
}

/** A record's whole history through ShopSynch, newest first. */
async function history(tenantId: string, id: string): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let cursor: string | null = null;
  do {
    const reply = await invoke(listMovements, {
      path: `/v1/inventory/${id}/movements`,
      routeKey: 'GET /v1/inventory/{id}/movements',
      pathParameters: { id },
      query: `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      headers: shopsynch(tenantId),
    });
    expect(reply.status).toBe(200);
    entries.push(...reply.body.data);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return entries;
}

/** The variant's first stock through ShopSynch gives it its own inventory item, which Medusa's variant read names. */
async function stockVariant(tenantId: string, warehouseId: string, initialQty: number): Promise<{ recordId: string; itemId: string }> {
  const created = await invoke(createRecord, {
    path: '/v1/inventory',
    routeKey: 'POST /v1/inventory',
    headers: shopsynch(tenantId),
    body: { productId: 'prod_tee', skuId: 'var_tee_m', warehouseId, initialQty },
  });
  expect(created.status).toBe(200);
  const variant = await invoke(getMedusaVariant, {
    path: '/admin/products/prod_tee/variants/var_tee_m',
    routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
    pathParameters: { id: 'prod_tee', variant_id: 'var_tee_m' },
    query: 'fields=id,*inventory_items',
    headers: medusa(tenantId),
  });
  return { recordId: created.body.data.id, itemId: variant.body.variant.inventory_items[0].inventory_item_id };
}

/** The ledger entry (stock record ID) Medusa's view of an item's level names. */
async function entryOf(tenantId: string, itemId: string, locationId: string): Promise<string> {
  const views = await itemsOfType(tenantId, 'LocationLevel');
  const view = views.find((level) => level.inventoryItemId === itemId && level.locationId === locationId);
  return view!.stockRecordId as string;
}

describe('one stock: Medusa’s location levels are views of the ledger', () => {
  it('a level Medusa creates and updates for a variant’s own item is the variant’s record in ShopSynch and its stock in DayZero', async () => {
    const tenantId = await tenant();
    const { itemId } = await stockVariant(tenantId, 'wh_east', 10);

    const created = await medusaCreate(tenantId, itemId, { location_id: 'wh_main', stocked_quantity: 30, incoming_quantity: 4 });
    expect(created.status).toBe(200);
    expect(created.body.inventory_item.stocked_quantity).toBe(40);

    // ShopSynch lists it as the variant's record at the main warehouse, with the variant's attributes...
    const listed = await shopsynchList(tenantId, 'productId=prod_tee&skuId=var_tee_m');
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual([
      expect.objectContaining({ skuId: 'var_tee_m', warehouseId: 'wh_east', onHandQty: 10 }),
      expect.objectContaining({ skuId: 'var_tee_m', warehouseId: 'wh_main', warehouseName: 'Main', onHandQty: 30, reservedQty: 0 }),
    ]);
    const recordId = await entryOf(tenantId, itemId, 'wh_main');
    const record = await shopsynchGet(tenantId, recordId);
    expect(record.status).toBe(200);
    expect(record.body.data).toMatchObject({
      id: recordId,
      productId: 'prod_tee',
      skuId: 'var_tee_m',
      warehouseId: 'wh_main',
      onHandQty: 30,
      availableQty: 30,
      variantAttributes: { Size: 'M' },
    });
    // ...and DayZero counts the variant at the main location (its home) from it.
    const dayzero = () =>
      invoke(getDayZeroVariant, {
        path: '/api/v1/inventory/products/variants/var_tee_m',
        routeKey: 'GET /api/v1/inventory/products/variants/{id}',
        pathParameters: { id: 'var_tee_m' },
        headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId },
      });
    expect((await dayzero()).body.inventory).toMatchObject({ on_hand: 30, reserved: 0, location_id: 'wh_main' });

    // Medusa's update is a movement of that record.
    expect((await medusaUpdate(tenantId, itemId, 'wh_main', { stocked_quantity: 25 })).status).toBe(200);
    expect((await shopsynchGet(tenantId, recordId)).body.data).toMatchObject({ onHandQty: 25, availableQty: 25 });
    expect((await dayzero()).body.inventory).toMatchObject({ on_hand: 25, available: 25 });

    // A ShopSynch reserve shows in Medusa's levels in the next request.
    expect((await shopsynchReserve(tenantId, recordId, 5)).status).toBe(200);
    expect(await medusaLevels(tenantId, itemId)).toEqual([
      expect.objectContaining({ location_id: 'wh_east', stocked_quantity: 10, reserved_quantity: 0 }),
      expect.objectContaining({
        location_id: 'wh_main',
        stocked_quantity: 25,
        reserved_quantity: 5,
        available_quantity: 20,
        incoming_quantity: 4,
      }),
    ]);

    expect(await history(tenantId, recordId)).toEqual([
      expect.objectContaining({ version: 3, type: 'reserved', qty: 5, onHandQty: 25, reservedQty: 5 }),
      expect.objectContaining({ version: 2, type: 'adjusted', qty: -5, reason: 'medusa-level-update', onHandQty: 25, reservedQty: 0 }),
      expect.objectContaining({ version: 1, type: 'created', qty: 30, onHandQty: 30, reservedQty: 0 }),
    ]);
  });

  it('refuses a stocked_quantity below what other APIs reserved, and a second level for the variant at a location', async () => {
    const tenantId = await tenant();
    const { recordId, itemId } = await stockVariant(tenantId, 'wh_main', 10);
    expect((await shopsynchReserve(tenantId, recordId, 6)).status).toBe(200);
    const before = await tenantItems(tenantId);

    const below = await medusaUpdate(tenantId, itemId, 'wh_main', { stocked_quantity: 5 });
    expect(below.status).toBe(400);
    expect(below.body).toEqual({ type: 'invalid_data', message: 'stocked_quantity 5 is less than the 6 units reserved at the location' });
    const again = await medusaCreate(tenantId, itemId, { location_id: 'wh_main', stocked_quantity: 1 });
    expect(again.status).toBe(400);
    expect(again.body.message).toBe(`Inventory level with inventory_item_id: ${itemId}, location_id: wh_main, already exists.`);
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('keeps the level of an item no product owns out of ShopSynch: its lists leave it out, its ID is a 404', async () => {
    const tenantId = await tenant();
    expect((await medusaCreate(tenantId, 'iitem_part', { location_id: 'wh_east', stocked_quantity: 3 })).status).toBe(200);
    for (const locationId of ['wh_main', 'wh_east']) {
      const id = await entryOf(tenantId, 'iitem_part', locationId);
      expect(id).toMatch(/^inv_[0-9a-f]{32}$/);
      const reply = await shopsynchGet(tenantId, id);
      expect(reply.status).toBe(404);
      expect(reply.body.message).toBe(`Inventory record '${id}' not found`);
      expect((await shopsynchReserve(tenantId, id, 1)).status).toBe(404);
      expect((await shopsynchList(tenantId, `warehouseId=${locationId}`)).body.data).toEqual([]);
    }
    // Medusa moves it all the same.
    expect((await medusaUpdate(tenantId, 'iitem_part', 'wh_east', { stocked_quantity: 8 })).status).toBe(200);
    expect(await medusaLevels(tenantId, 'iitem_part')).toEqual([
      expect.objectContaining({ location_id: 'wh_east', stocked_quantity: 8 }),
      expect.objectContaining({ location_id: 'wh_main', stocked_quantity: 15 }),
    ]);
  });

  it('refuses to remove a level with 15 on hand (Medusa’s 400 not_allowed), keeping every unit; an emptied level goes with its history', async () => {
    const tenantId = await tenant();
    const entry = await entryOf(tenantId, 'iitem_part', 'wh_main');
    const refused = await medusaDelete(tenantId, 'iitem_part', 'wh_main');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      type: 'not_allowed',
      message:
        'Cannot remove Inventory Levels for wh_main because there are stocked items at the locations. Use force flag to delete anyway.',
    });
    expect(await medusaLevels(tenantId, 'iitem_part')).toEqual([expect.objectContaining({ location_id: 'wh_main', stocked_quantity: 15 })]);

    expect((await medusaUpdate(tenantId, 'iitem_part', 'wh_main', { stocked_quantity: 0 })).status).toBe(200);
    const removed = await medusaDelete(tenantId, 'iitem_part', 'wh_main');
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ id: 'ilev_iitem_part_wh_main', object: 'inventory-level', deleted: true });
    expect(await medusaLevels(tenantId, 'iitem_part')).toEqual([]);
    // Nothing of the level is left: neither the entry nor its two history entries.
    expect((await tenantItems(tenantId)).filter((item) => String(item.pk).endsWith(`#STOCK#${entry}`))).toEqual([]);
  });

  it('removes an emptied level of a variant with its ShopSynch record and guard, so the variant can be stocked there again', async () => {
    const tenantId = await tenant();
    const { recordId, itemId } = await stockVariant(tenantId, 'wh_main', 4);
    expect((await medusaUpdate(tenantId, itemId, 'wh_main', { stocked_quantity: 0 })).status).toBe(200);
    expect((await medusaDelete(tenantId, itemId, 'wh_main')).status).toBe(200);
    expect((await shopsynchGet(tenantId, recordId)).status).toBe(404);
    expect((await shopsynchList(tenantId, 'productId=prod_tee')).body.data).toEqual([]);
    expect((await itemsOfType(tenantId, 'StockGuard')).length).toBe(0);
    expect((await medusaCreate(tenantId, itemId, { location_id: 'wh_main', stocked_quantity: 2 })).status).toBe(200);
    expect((await shopsynchList(tenantId, 'productId=prod_tee')).body.data).toEqual([expect.objectContaining({ onHandQty: 2 })]);
  });

  it('reads the item and location together, then writes one transaction; a move or removal reads the item, whose view carries its level', async () => {
    const tenantId = await tenant();
    const record = roundTripRecorder();
    expect(await record(() => medusaCreate(tenantId, 'iitem_part', { location_id: 'wh_east' }))).toEqual({
      waves: 2,
      commands: ['GetItemCommand', 'QueryCommand', 'TransactWriteItemsCommand'],
    });
    expect(await record(() => medusaUpdate(tenantId, 'iitem_part', 'wh_east', { incoming_quantity: 2 }))).toEqual({
      waves: 2,
      commands: ['QueryCommand', 'TransactWriteItemsCommand'],
    });
    expect((await medusaUpdate(tenantId, 'iitem_part', 'wh_east', { incoming_quantity: 0 })).status).toBe(200);
    expect(await record(() => medusaDelete(tenantId, 'iitem_part', 'wh_east'))).toEqual({
      waves: 2,
      commands: ['QueryCommand', 'TransactWriteItemsCommand'],
    });
  });

  // Every writer succeeds, so the writes on one item serialise: 20 show the ordering (50 took tens of seconds, near the retry deadline).
  it('10 Medusa updates racing 10 ShopSynch reserves on one level (20 writers) end with a history that sums to its quantities', async () => {
    const tenantId = await tenant();
    const { recordId, itemId } = await stockVariant(tenantId, 'wh_main', 1000);
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => [
        medusaUpdate(tenantId, itemId, 'wh_main', { stocked_quantity: 900 + i }),
        shopsynchReserve(tenantId, recordId, 3),
      ]).flat(),
    );
    expectEachOrRetryLater(replies, [200]);
    // Updates and reserves alternate in the replies.
    const made = (parity: number) => replies.filter((reply, i) => i % 2 === parity && reply.status === 200).length;
    const [updated, reserved] = [made(0), made(1)];

    const record = (await shopsynchGet(tenantId, recordId)).body.data;
    expect(record.reservedQty).toBe(3 * reserved);
    if (updated > 0) {
      expect(record.onHandQty).toBeGreaterThanOrEqual(900);
      expect(record.onHandQty).toBeLessThan(910);
    } else expect(record.onHandQty).toBe(1000);
    const entries = await history(tenantId, recordId);
    const versions = 1 + updated + reserved;
    expect(entries.map((entry) => entry.version)).toEqual(Array.from({ length: versions }, (_, i) => versions - i));
    const sum = (type: string) => entries.filter((entry) => entry.type === type).reduce((total, entry) => total + entry.qty, 0);
    expect(sum('created') + sum('adjusted')).toBe(record.onHandQty);
    expect(sum('reserved')).toBe(record.reservedQty);
    expect(entries[0]).toMatchObject({ onHandQty: record.onHandQty, reservedQty: record.reservedQty });
    expect(await medusaLevels(tenantId, itemId)).toEqual([
      expect.objectContaining({ stocked_quantity: record.onHandQty, reserved_quantity: record.reservedQty }),
    ]);
  }, 60_000);
});
