import { describe, expect, it } from 'vitest';
import { handler as exportCatalog } from '#functions/admin/exportCatalog/handler';
import { handler as importCatalog } from '#functions/admin/importCatalog/handler';
import { handler as createAdjustment } from '#functions/dayzero/createAdjustment/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as getDayZeroVariant } from '#functions/dayzero/getVariant/handler';
import { handler as updateVariant } from '#functions/dayzero/updateVariant/handler';
import { handler as getMedusaVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as listLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as adjustRecord } from '#functions/shopsynch/adjustInventory/handler';
import { handler as createRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as getRecord } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as listRecords } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as reserve } from '#functions/shopsynch/reserveInventory/handler';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, seedTenant, tokenFor, uniqueId } from '#test/support/tenants';

/**
 * Every path that creates stock (DayZero's create and adjustment, the catalog import, ShopSynch's
 * create) makes a level of the variant's own item, which each API then reads as its own: ShopSynch's
 * record, Medusa's level of the variant's linked item, DayZero's variant inventory.
 */

const KEY = 'mk_one_model_creators';

const locations = [
  { id: 'loc_main', name: 'Main' },
  { id: 'loc_back', name: 'Back room' },
];

/** A tenant with a location, a VARIABLE product and no stock; DayZero counts initial stock at its default location, if it has one. */
const tenant = (defaultLocationId: string | null = 'loc_main') =>
  seedTenant({
    name: 'Creators',
    merchantApiKeys: [KEY],
    ...(defaultLocationId ? { defaultLocationId } : {}),
    locations,
    products: [{ id: 'prod_coffee', name: 'House Blend', type: 'VARIABLE' }],
  });

const dayzero = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId });
const shopsynch = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY });
const medusa = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

type Level = { location_id: string; stocked_quantity: number; reserved_quantity: number; available_quantity: number };
type Record_ = { id: string; skuId: string | null; warehouseId: string; onHandQty: number; reservedQty: number; availableQty: number };

async function newVariant(tenantId: string, body: Record<string, unknown>): Promise<string> {
  const reply = await invoke(createVariant, {
    path: '/api/v1/inventory/products/variants',
    routeKey: 'POST /api/v1/inventory/products/variants',
    headers: dayzero(tenantId),
    body: { product_id: 'prod_coffee', ...body },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body.id as string;
}

const dayzeroVariant = async (tenantId: string, variantId: string) => {
  const reply = await invoke(getDayZeroVariant, {
    path: `/api/v1/inventory/products/variants/${variantId}`,
    routeKey: 'GET /api/v1/inventory/products/variants/{id}',
    pathParameters: { id: variantId },
    headers: dayzero(tenantId),
  });
  expect(reply.status).toBe(200);
  return reply.body as { name: string; inventory: { on_hand: number; reserved: number; available: number; location_id: string | null } };
};

const adjust = async (tenantId: string, body: Record<string, unknown>) => {
  const reply = await invoke(createAdjustment, {
    path: '/api/v1/inventory/adjustments',
    routeKey: 'POST /api/v1/inventory/adjustments',
    headers: dayzero(tenantId),
    body: { reason: 'found', ...body },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
};

/** Medusa's view of a variant: the items linked to it (with their required quantity), and each item's levels. */
async function medusaStock(tenantId: string, productId: string, variantId: string) {
  const variant = await invoke(getMedusaVariant, {
    path: `/admin/products/${productId}/variants/${variantId}`,
    routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
    pathParameters: { id: productId, variant_id: variantId },
    query: 'fields=id,*inventory_items',
    headers: medusa(tenantId),
  });
  expect(variant.status).toBe(200);
  const links = (variant.body as { variant: { inventory_items: { inventory_item_id: string; required_quantity: number }[] } }).variant
    .inventory_items;
  return Promise.all(
    links.map(async (link) => {
      const levels = await invoke(listLevels, {
        path: `/admin/inventory-items/${link.inventory_item_id}/location-levels`,
        routeKey: 'GET /admin/inventory-items/{id}/location-levels',
        pathParameters: { id: link.inventory_item_id },
        headers: medusa(tenantId),
      });
      expect(levels.status).toBe(200);
      const found = (levels.body as { inventory_levels: Level[] }).inventory_levels;
      return {
        itemId: link.inventory_item_id,
        requiredQuantity: link.required_quantity,
        levels: [...found].sort((a, b) => a.location_id.localeCompare(b.location_id)),
      };
    }),
  );
}

const level = (locationId: string, stocked: number, reserved = 0) =>
  expect.objectContaining({
    location_id: locationId,
    stocked_quantity: stocked,
    reserved_quantity: reserved,
    available_quantity: stocked - reserved,
  });

async function shopsynchRecords(tenantId: string, productId: string): Promise<Record_[]> {
  const reply = await invoke(listRecords, {
    path: '/v1/inventory',
    routeKey: 'GET /v1/inventory',
    query: `productId=${productId}`,
    headers: shopsynch(tenantId),
  });
  expect(reply.status).toBe(200);
  return (reply.body as { data: Record_[] }).data;
}

async function shopsynchRecord(tenantId: string, recordId: string): Promise<Record_> {
  const reply = await invoke(getRecord, {
    path: `/v1/inventory/${recordId}`,
    routeKey: 'GET /v1/inventory/{id}',
    pathParameters: { id: recordId },
    headers: shopsynch(tenantId),
  });
  expect(reply.status).toBe(200);
  return (reply.body as { data: Record_ }).data;
}

const firstStock = (tenantId: string, variantId: string, warehouseId: string, initialQty: number) =>
  invoke(createRecord, {
    path: '/v1/inventory',
    routeKey: 'POST /v1/inventory',
    headers: shopsynch(tenantId),
    body: { productId: 'prod_coffee', skuId: variantId, warehouseId, initialQty },
  });

/** The inventory items that name this variant as their owner. */
const ownItemsOf = async (tenantId: string, variantId: string) =>
  (await itemsOfType(tenantId, 'InventoryItem')).filter(
    (item) => (item.owner as { variantId?: string } | undefined)?.variantId === variantId,
  );

describe('one stock: every creator makes a level of the variant’s own item', () => {
  it('DayZero’s initial inventory is ShopSynch’s record and Medusa’s level; each API’s movement shows in the others’ next read', async () => {
    const tenantId = await tenant();
    const variantId = await newVariant(tenantId, { name: '1 kg', sku: 'HB-1KG', initial_inventory_quantity: 12 });

    const [own] = await medusaStock(tenantId, 'prod_coffee', variantId);
    expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([
      { itemId: expect.stringMatching(/^iitem_/), requiredQuantity: 1, levels: [level('loc_main', 12)] },
    ]);
    const records = await shopsynchRecords(tenantId, 'prod_coffee');
    expect(records).toEqual([expect.objectContaining({ skuId: variantId, warehouseId: 'loc_main', onHandQty: 12, reservedQty: 0 })]);
    const recordId = records[0]!.id;
    expect(await shopsynchRecord(tenantId, recordId)).toMatchObject({ onHandQty: 12, availableQty: 12 });

    // DayZero adds 5: ShopSynch and Medusa read 17.
    await adjust(tenantId, { variant_id: variantId, quantity_change: 5 });
    expect(await shopsynchRecord(tenantId, recordId)).toMatchObject({ onHandQty: 17, reservedQty: 0 });
    expect((await medusaStock(tenantId, 'prod_coffee', variantId))[0]!.levels).toEqual([level('loc_main', 17)]);

    // ShopSynch reserves 4: DayZero and Medusa read 4 reserved, 13 available.
    const reserved = await invoke(reserve, {
      path: `/v1/inventory/${recordId}/reserve`,
      routeKey: 'PATCH /v1/inventory/{id}/reserve',
      pathParameters: { id: recordId },
      headers: shopsynch(tenantId),
      body: { qty: 4 },
    });
    expect(reserved.status).toBe(200);
    expect((await dayzeroVariant(tenantId, variantId)).inventory).toMatchObject({ on_hand: 17, reserved: 4, available: 13 });
    expect((await medusaStock(tenantId, 'prod_coffee', variantId))[0]!.levels).toEqual([level('loc_main', 17, 4)]);

    // DayZero's first adjustment at another location is a second level of the same item.
    await adjust(tenantId, { variant_id: variantId, quantity_change: 3, location_id: 'loc_back' });
    expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([
      { itemId: own!.itemId, requiredQuantity: 1, levels: [level('loc_back', 3), level('loc_main', 17, 4)] },
    ]);
    expect((await shopsynchRecords(tenantId, 'prod_coffee')).map((record) => [record.warehouseId, record.onHandQty]).sort()).toEqual([
      ['loc_back', 3],
      ['loc_main', 17],
    ]);
    expect(await ownItemsOf(tenantId, variantId)).toHaveLength(1);
  });

  it('a variant without stock gets its own item from DayZero’s first adjustment, as from any first stock', async () => {
    const tenantId = await tenant(null);
    const variantId = await newVariant(tenantId, { name: '250 g' });
    expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([]);

    await adjust(tenantId, { variant_id: variantId, quantity_change: 9, location_id: 'loc_back' });
    expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([
      { itemId: expect.stringMatching(/^iitem_/), requiredQuantity: 1, levels: [level('loc_back', 9)] },
    ]);
    expect(await shopsynchRecords(tenantId, 'prod_coffee')).toEqual([
      expect.objectContaining({ skuId: variantId, warehouseId: 'loc_back', onHandQty: 9 }),
    ]);
  });

  it('a DayZero PUT keeps the variant’s own item: Medusa still shows the link and the level', async () => {
    const tenantId = await tenant();
    const variantId = await newVariant(tenantId, { name: '500 g', initial_inventory_quantity: 6 });
    const before = await medusaStock(tenantId, 'prod_coffee', variantId);

    for (const body of [{ name: 'Half kilo' }, { unit_price: 1299 }, { archived: true }]) {
      const reply = await invoke(updateVariant, {
        path: `/api/v1/inventory/products/variants/${variantId}`,
        routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
        pathParameters: { id: variantId },
        headers: dayzero(tenantId),
        body,
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    expect((await dayzeroVariant(tenantId, variantId)).name).toBe('Half kilo');
    expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual(before);
    expect(before).toEqual([{ itemId: expect.any(String), requiredQuantity: 1, levels: [level('loc_main', 6)] }]);
  });

  it('a DayZero PUT racing a first stock through ShopSynch never drops the own item that stock gave the variant', async () => {
    const tenantId = await tenant(null);
    const variants = await Promise.all(Array.from({ length: 20 }, (_, i) => newVariant(tenantId, { name: `Race ${i}` })));
    await Promise.all(
      variants.map(async (variantId, i) => {
        const [stocked, renamed] = await Promise.all([
          firstStock(tenantId, variantId, 'loc_main', 2),
          invoke(updateVariant, {
            path: `/api/v1/inventory/products/variants/${variantId}`,
            routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
            pathParameters: { id: variantId },
            headers: dayzero(tenantId),
            body: { name: `Renamed ${i}` },
          }),
        ]);
        expect(stocked.status).toBe(200);
        expect(renamed.status).toBe(200);
      }),
    );
    const stored = await itemsOfType(tenantId, 'Variant');
    for (const variantId of variants) {
      const variant = stored.find((item) => item.id === variantId)!;
      expect(variant.name).toMatch(/^Renamed /);
      const [own] = await ownItemsOf(tenantId, variantId);
      expect(variant.inventoryItemId).toBe(own!.id);
      expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([
        { itemId: own!.id, requiredQuantity: 1, levels: [level('loc_main', 2)] },
      ]);
    }
  }, 60_000);

  it('two concurrent first stocks of one variant at two warehouses end with one own item holding both levels (20 pairs)', async () => {
    const tenantId = await tenant(null);
    const variants = await Promise.all(Array.from({ length: 20 }, (_, i) => newVariant(tenantId, { name: `Pair ${i}` })));
    await Promise.all(
      variants.map(async (variantId) => {
        const replies = await Promise.all([firstStock(tenantId, variantId, 'loc_main', 4), firstStock(tenantId, variantId, 'loc_back', 7)]);
        expect(replies.map((reply) => reply.status)).toEqual([200, 200]);
      }),
    );
    const items = await itemsOfType(tenantId, 'InventoryItem');
    const links = await itemsOfType(tenantId, 'VariantInventoryLink');
    for (const variantId of variants) {
      const owned = items.filter((item) => (item.owner as { variantId?: string }).variantId === variantId);
      expect(owned).toHaveLength(1);
      expect(links.filter((link) => link.variantId === variantId)).toHaveLength(1);
      expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([
        { itemId: owned[0]!.id, requiredQuantity: 1, levels: [level('loc_back', 7), level('loc_main', 4)] },
      ]);
    }
  }, 60_000);
});

describe('one stock: the catalog import’s stock', () => {
  const document = (tenantId: string) => ({
    id: tenantId,
    name: 'Imported creators',
    defaultLocationId: 'loc_main',
    merchantApiKeys: [KEY],
    locations,
    products: [
      { id: 'prod_mug', name: 'Mug', type: 'SIMPLE', warehouseIds: ['loc_main'] },
      {
        id: 'prod_coffee',
        name: 'House Blend',
        type: 'VARIABLE',
        warehouseIds: ['loc_main', 'loc_back'],
        variants: [
          { id: 'var_1kg', name: '1 kg', sku: 'HB-1KG', attributes: { Size: '1 kg' } },
          { id: 'var_250', name: '250 g', sku: 'HB-250', attributes: { Size: '250 g' } },
        ],
      },
    ],
  });
  const importAs = (tenantId: string) =>
    invoke(importCatalog, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
      body: { tenants: [document(tenantId)] },
    });

  it('is levels of each owner’s own item, which ShopSynch, Medusa and DayZero read and move as one', async () => {
    const tenantId = uniqueId('creators');
    const imported = await importAs(tenantId);
    expect(imported.status).toBe(200);
    expect(imported.body.summary.refused).toBe(0);

    // Medusa: each variant has one own item, with a level at each warehouse.
    for (const variantId of ['var_1kg', 'var_250']) {
      expect(await medusaStock(tenantId, 'prod_coffee', variantId)).toEqual([
        { itemId: expect.stringMatching(/^iitem_/), requiredQuantity: 1, levels: [level('loc_back', 0), level('loc_main', 0)] },
      ]);
    }
    // The SIMPLE product's stock is its own item's level (no link: it has no variant).
    const [mug] = (await itemsOfType(tenantId, 'Product')).filter((product) => product.id === 'prod_mug');
    const mugLevels = (await itemsOfType(tenantId, 'LocationLevel')).filter((view) => view.inventoryItemId === mug!.inventoryItemId);
    expect(mugLevels).toEqual([expect.objectContaining({ locationId: 'loc_main', stockedQuantity: 0 })]);
    expect(await shopsynchRecords(tenantId, 'prod_mug')).toEqual([expect.objectContaining({ skuId: null, warehouseId: 'loc_main' })]);

    // ShopSynch adds 6 to the 1 kg record at the main warehouse: Medusa and DayZero read 6.
    const record = (await shopsynchRecords(tenantId, 'prod_coffee')).find(
      (found) => found.skuId === 'var_1kg' && found.warehouseId === 'loc_main',
    )!;
    const adjusted = await invoke(adjustRecord, {
      path: `/v1/inventory/${record.id}/adjust`,
      routeKey: 'PATCH /v1/inventory/{id}/adjust',
      pathParameters: { id: record.id },
      headers: shopsynch(tenantId),
      body: { qty: 6, reason: 'receipt' },
    });
    expect(adjusted.status, JSON.stringify(adjusted.body)).toBe(200);
    expect((await medusaStock(tenantId, 'prod_coffee', 'var_1kg'))[0]!.levels).toEqual([level('loc_back', 0), level('loc_main', 6)]);
    expect((await dayzeroVariant(tenantId, 'var_1kg')).inventory).toMatchObject({ on_hand: 6, reserved: 0, location_id: 'loc_main' });

    // Importing it again changes nothing: no second item, no second level.
    const again = await importAs(tenantId);
    expect(again.body.summary).toMatchObject({ created: 0, refused: 0 });
    expect(await itemsOfType(tenantId, 'InventoryItem')).toHaveLength(3);
    expect(await itemsOfType(tenantId, 'LocationLevel')).toHaveLength(5);

    // The export leaves stock out, own items with it: an import of the export makes no stock of its own.
    const exported = await invoke(exportCatalog, {
      path: '/admin/catalog',
      routeKey: 'GET /admin/catalog',
      headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
    });
    expect(exported.status).toBe(200);
    expect(exported.body.catalog.tenants[0].inventoryItems).toEqual([]);
    expect(exported.body.catalog.tenants[0].products).toHaveLength(2);
  });
});
