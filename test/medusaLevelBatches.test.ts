import { describe, expect, it } from 'vitest';
import { handler as dzGet } from '#functions/dayzero/getVariant/handler';
import { handler as bulkHandler } from '#functions/medusa/batchInventoryItemsLocationLevels/handler';
import { handler as batchHandler } from '#functions/medusa/batchLocationLevels/handler';
import { handler as ocCreate } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { handler as ocGet } from '#functions/ordercloud/getVariantInventoryRecord/handler';
import { handler as ssList } from '#functions/shopsynch/listInventoryRecords/handler';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { roundTripRecorder } from '#test/support/roundTrips';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ILEV_ID = /^ilev_[0-9A-HJKMNP-TV-Z]{26}$/;
const writer = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

const batch = (tenantId: string, itemId: string, body: unknown) =>
  invoke(batchHandler, {
    path: `/admin/inventory-items/${itemId}/location-levels/batch`,
    routeKey: 'POST /admin/inventory-items/{id}/location-levels/batch',
    pathParameters: { id: itemId },
    headers: writer(tenantId),
    body,
  });

const bulk = (tenantId: string, body: unknown) =>
  invoke(bulkHandler, {
    path: '/admin/inventory-items/location-levels/batch',
    routeKey: 'POST /admin/inventory-items/location-levels/batch',
    headers: writer(tenantId),
    body,
  });

/** The kit's catalog with a spare part stocked at the east location only, and nothing reserved. */
const catalog = () => {
  const base = medusaCatalog();
  return {
    ...base,
    locations: [...base.locations, { id: 'sloc_north', name: 'North' }],
    inventoryItems: [
      ...base.inventoryItems,
      {
        id: 'iitem_spare',
        sku: 'SPARE-1',
        title: 'Spare',
        levels: [
          { locationId: 'sloc_east', stocked: 6 },
          { locationId: 'sloc_west', stocked: 0 },
        ],
      },
    ],
  };
};

const views = async (tenantId: string, itemId: string) =>
  (await itemsOfType(tenantId, 'LocationLevel')).filter((level) => level.inventoryItemId === itemId);
const levelId = async (tenantId: string, itemId: string, locationId: string) =>
  (await views(tenantId, itemId)).find((level) => level.locationId === locationId)!.id as string;

describe('POST /admin/inventory-items/{id}/location-levels/batch', () => {
  it('creates, updates and deletes levels through the ledger in one transaction, answering as Medusa does', async () => {
    const tenantId = await seedTenant(catalog());
    const emptyLevel = await levelId(tenantId, 'iitem_spare', 'sloc_west');
    const record = roundTripRecorder();
    let reply!: Awaited<ReturnType<typeof batch>>;
    const trips = await record(async () => {
      reply = await batch(tenantId, 'iitem_spare', {
        create: [{ location_id: 'sloc_north', stocked_quantity: 3, incoming_quantity: 1 }],
        update: [{ location_id: 'sloc_east', stocked_quantity: 9 }],
        delete: [emptyLevel],
      });
    });
    expect(reply.status).toBe(200);
    expect(trips.waves).toBe(2);
    expect(trips.commands.filter((command) => command === 'TransactWriteItemsCommand')).toHaveLength(1);
    const { created, updated, deleted } = reply.body;
    expect(deleted).toEqual([emptyLevel]);
    expect(created).toEqual([
      {
        id: expect.stringMatching(ILEV_ID),
        created_at: expect.any(String),
        updated_at: expect.any(String),
        deleted_at: null,
        inventory_item_id: 'iitem_spare',
        location_id: 'sloc_north',
        stocked_quantity: 3,
        reserved_quantity: 0,
        incoming_quantity: 1,
        metadata: null,
        raw_stocked_quantity: { value: '3', precision: 20 },
        raw_reserved_quantity: { value: '0', precision: 20 },
        raw_incoming_quantity: { value: '1', precision: 20 },
      },
    ]);
    expect(updated).toEqual([expect.objectContaining({ location_id: 'sloc_east', stocked_quantity: 9, available_quantity: 9 })]);

    const after = await views(tenantId, 'iitem_spare');
    expect(after.map((level) => [level.locationId, level.stockedQuantity]).sort()).toEqual([
      ['sloc_east', 9],
      ['sloc_north', 3],
    ]);
    const records = (await itemsOfType(tenantId, 'StockRecord')).filter((level) => level.inventoryItemId === 'iitem_spare');
    expect(records.map((level) => [level.locationId, level.onHandQty, level.version]).sort()).toEqual([
      ['sloc_east', 9, 2],
      ['sloc_north', 3, 1],
    ]);
    const east = records.find((level) => level.locationId === 'sloc_east')!;
    const movements = (await itemsOfType(tenantId, 'StockMovement')).filter((movement) => movement.recordId === east.id);
    expect(movements.find((movement) => movement.version === 2)).toMatchObject({ kind: 'adjusted', qty: 3, reason: 'medusa-level-update' });
  });

  it('answers an empty batch, and echoes a level ID the item does not have, as Medusa does', async () => {
    const tenantId = await seedTenant(catalog());
    expect((await batch(tenantId, 'iitem_spare', {})).body).toEqual({ created: [], updated: [], deleted: [] });
    const before = await tenantItems(tenantId);
    expect((await batch(tenantId, 'iitem_spare', { delete: ['ilev_nope'] })).body).toEqual({
      created: [],
      updated: [],
      deleted: ['ilev_nope'],
    });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('removes a level with units on hand only when forced, and one holding reservations never', async () => {
    const tenantId = await seedTenant(catalog());
    const east = await levelId(tenantId, 'iitem_spare', 'sloc_east');
    const before = await tenantItems(tenantId);
    const unforced = await batch(tenantId, 'iitem_spare', { create: [{ location_id: 'sloc_north' }], delete: [east] });
    expect(unforced.status).toBe(400);
    expect(unforced.body).toEqual({
      type: 'not_allowed',
      message:
        'Cannot remove Inventory Levels for sloc_east because there are stocked items at the locations. Use force flag to delete anyway.',
    });
    const grinderEast = await levelId(tenantId, 'iitem_grinder', 'sloc_east');
    const reserved = await batch(tenantId, 'iitem_grinder', { delete: [grinderEast], force: true });
    expect(reserved.status).toBe(400);
    expect(reserved.body).toEqual({
      type: 'not_allowed',
      message: 'Cannot remove Inventory Level iitem_grinder at Location sloc_east because there are reservations at location',
    });
    expect(await tenantItems(tenantId)).toEqual(before);

    const forced = await batch(tenantId, 'iitem_spare', { delete: [east], force: true });
    expect(forced.body).toEqual({ created: [], updated: [], deleted: [east] });
    expect((await views(tenantId, 'iitem_spare')).map((level) => level.locationId)).toEqual(['sloc_west']);
    const left = await tenantItems(tenantId);
    expect(left.filter((item) => item.type === 'StockRecord' && item.levelId === east)).toEqual([]);
  });

  it('refuses what Medusa refuses, in its words, and writes nothing', async () => {
    const tenantId = await seedTenant(catalog());
    const before = await tenantItems(tenantId);
    const exists = await batch(tenantId, 'iitem_spare', { create: [{ location_id: 'sloc_north' }, { location_id: 'sloc_east' }] });
    expect(exists.status).toBe(400);
    expect(exists.body).toEqual({
      type: 'invalid_data',
      message: 'Inventory level with inventory_item_id: iitem_spare, location_id: sloc_east, already exists.',
    });
    const twice = await batch(tenantId, 'iitem_spare', { create: [{ location_id: 'sloc_north' }, { location_id: 'sloc_north' }] });
    expect(twice.body.message).toBe('Inventory level with inventory_item_id: iitem_spare, location_id: sloc_north, already exists.');
    const notStocked = await batch(tenantId, 'iitem_spare', {
      create: [{ location_id: 'sloc_north' }],
      update: [{ location_id: 'sloc_nowhere', stocked_quantity: 1 }],
    });
    expect(notStocked.status).toBe(404);
    expect(notStocked.body).toEqual({ type: 'not_found', message: 'Item iitem_spare is not stocked at location sloc_nowhere' });
    const unknownItem = await batch(tenantId, 'iitem_nope', { create: [{ location_id: 'sloc_north' }] });
    expect(unknownItem.status).toBe(404);
    expect(unknownItem.body).toEqual({
      type: 'not_found',
      message: 'You tried to set relationship inventory_item_id: iitem_nope, but such entity does not exist',
    });
    // Medusa 2.21.2 checks the items to create levels of: an unknown one only updated has no level there, and its delete is echoed.
    const unknownUpdated = await batch(tenantId, 'iitem_nope', { update: [{ location_id: 'sloc_east', stocked_quantity: 1 }] });
    expect(unknownUpdated.status).toBe(404);
    expect(unknownUpdated.body).toEqual({ type: 'not_found', message: 'Item iitem_nope is not stocked at location sloc_east' });
    const unknownBoth = await batch(tenantId, 'iitem_nope', {
      create: [{ location_id: 'sloc_north' }],
      update: [{ location_id: 'sloc_east', stocked_quantity: 1 }],
    });
    // Medusa's usual answer (its parallel steps now and then answer "not stocked" first).
    expect(unknownBoth.body.message).toBe('You tried to set relationship inventory_item_id: iitem_nope, but such entity does not exist');
    const bulkUnknownUpdated = await bulk(tenantId, {
      update: [{ inventory_item_id: 'iitem_nope', location_id: 'sloc_east', stocked_quantity: 1 }],
    });
    expect(bulkUnknownUpdated.status).toBe(404);
    expect(bulkUnknownUpdated.body).toEqual({ type: 'not_found', message: 'Item iitem_nope is not stocked at location sloc_east' });
    expect((await batch(tenantId, 'iitem_nope', { delete: ['ilev_nope'] })).body).toEqual({
      created: [],
      updated: [],
      deleted: ['ilev_nope'],
    });
    // Below an array Medusa calls a value of the wrong type missing; a fraction is ours to refuse, in our words.
    const wrongType = await batch(tenantId, 'iitem_spare', { update: [{ location_id: 'sloc_east', stocked_quantity: 'many' }] });
    expect(wrongType.body).toEqual({ type: 'invalid_data', message: "Invalid request: Field 'update, 0, stocked_quantity' is required" });
    const bulkWrongType = await bulk(tenantId, {
      create: [{ inventory_item_id: 'iitem_spare', location_id: 'sloc_north', incoming_quantity: '5' }],
    });
    expect(bulkWrongType.body.message).toBe("Invalid request: Field 'create, 0, incoming_quantity' is required");
    const fraction = await batch(tenantId, 'iitem_spare', { update: [{ location_id: 'sloc_east', stocked_quantity: 1.5 }] });
    expect(fraction.body.message).toBe("Invalid request: Expected type: 'integer' for field 'update, 0, stocked_quantity', got: '1.5'");
    const unknownLocation = await batch(tenantId, 'iitem_spare', { create: [{ location_id: 'sloc_nowhere' }] });
    expect(unknownLocation.status).toBe(404);
    expect(unknownLocation.body).toEqual({ type: 'not_found', message: 'Stock locations with ids: sloc_nowhere was not found' });
    const belowReserved = await batch(tenantId, 'iitem_grinder', { update: [{ location_id: 'sloc_east', stocked_quantity: 1 }] });
    expect(belowReserved.status).toBe(400);
    const negative = await batch(tenantId, 'iitem_spare', { create: [{ location_id: 'sloc_north', stocked_quantity: -1 }] });
    expect(negative.body).toEqual({
      type: 'invalid_data',
      message: "Invalid request: Value for field 'create, 0, stocked_quantity' too small, expected at least: '0'",
    });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('refuses a batch bigger than one transaction with a 400 before writing anything', async () => {
    const tenantId = await seedTenant({
      ...catalog(),
      locations: [...catalog().locations, ...Array.from({ length: 40 }, (_, i) => ({ id: `sloc_${i}`, name: `Location ${i}` }))],
    });
    const before = await tenantItems(tenantId);
    const reply = await batch(tenantId, 'iitem_empty', {
      create: Array.from({ length: 40 }, (_, i) => ({ location_id: `sloc_${i}`, stocked_quantity: 1 })),
    });
    expect(reply.status).toBe(400);
    expect(reply.body.type).toBe('invalid_data');
    expect(reply.body.message).toMatch(/^The request would make \d+ writes in one transaction; at most 99 fit$/);
    expect(await tenantItems(tenantId)).toEqual(before);
    // 24 new levels of an item no product owns fit: 4 writes each (location check, level, history entry, view) and the item's check.
    const fits = await batch(tenantId, 'iitem_empty', {
      create: Array.from({ length: 24 }, (_, i) => ({ location_id: `sloc_${i}`, stocked_quantity: 1 })),
    });
    expect(fits.status).toBe(200);
    expect(fits.body.created).toHaveLength(24);
  });
});

describe('POST /admin/inventory-items/location-levels/batch', () => {
  it('writes levels of many items in one transaction, and leaves `deleted` out when none were asked', async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await bulk(tenantId, {
      create: [{ inventory_item_id: 'iitem_empty', location_id: 'sloc_north', stocked_quantity: 2 }],
      update: [
        { inventory_item_id: 'iitem_cup', location_id: 'sloc_west', stocked_quantity: 8 },
        { inventory_item_id: 'iitem_grinder', location_id: 'sloc_west', incoming_quantity: 4 },
      ],
    });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['created', 'updated']);
    expect(reply.body.created).toEqual([
      expect.objectContaining({ inventory_item_id: 'iitem_empty', location_id: 'sloc_north', stocked_quantity: 2 }),
    ]);
    expect(reply.body.updated.map((level: { inventory_item_id: string }) => level.inventory_item_id)).toEqual([
      'iitem_cup',
      'iitem_grinder',
    ]);
    expect((await views(tenantId, 'iitem_cup')).find((level) => level.locationId === 'sloc_west')).toMatchObject({ stockedQuantity: 8 });
  });

  it("removes a level among the batch's items, and refuses one it cannot find", async () => {
    const tenantId = await seedTenant(catalog());
    const west = await levelId(tenantId, 'iitem_spare', 'sloc_west');
    const reply = await bulk(tenantId, {
      update: [{ inventory_item_id: 'iitem_spare', location_id: 'sloc_east', stocked_quantity: 7 }],
      delete: [west],
    });
    expect(reply.body).toMatchObject({ deleted: [west], updated: [{ location_id: 'sloc_east', stocked_quantity: 7 }] });
    const before = await tenantItems(tenantId);
    const cupWest = await levelId(tenantId, 'iitem_cup', 'sloc_west');
    const refused = await bulk(tenantId, { delete: [cupWest] });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain(cupWest);
    expect(await tenantItems(tenantId)).toEqual(before);
  });
});

describe("a level batch on a variant's own item is the variant's stock in every API", () => {
  const KEY = 'mk_test_level_batches_01';
  const tenant = () =>
    seedTenant({
      name: 'Level batches on the ledger',
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
          type: 'VARIABLE' as const,
          variants: [{ id: 'var_tee_m', name: 'M', sku: 'TEE-M', attributes: { Size: 'M' } }],
        },
      ],
      stockRecords: [{ id: `inv_${'c'.repeat(32)}`, productId: 'prod_tee', skuId: 'var_tee_m', warehouseId: 'wh_main', onHandQty: 10 }],
    });

  it('created and moved levels show in ShopSynch, OrderCloud and DayZero reads in the next request', async () => {
    const tenantId = await tenant();
    const auth = { authorization: bearer(tokenFor(tenantId)) };
    const named = await invoke(ocCreate, {
      path: '/products/prod_tee/variants/var_tee_m/inventoryrecords',
      routeKey: 'POST /products/{productID}/variants/{variantID}/inventoryrecords',
      pathParameters: { productID: 'prod_tee', variantID: 'var_tee_m' },
      headers: auth,
      body: { ID: 'rec-main', AddressID: 'wh_main' },
    });
    expect(named.status).toBe(201);
    const itemId = (await itemsOfType(tenantId, 'Variant')).find((variant) => variant.id === 'var_tee_m')!.inventoryItemId as string;

    const reply = await batch(tenantId, itemId, {
      create: [{ location_id: 'wh_east', stocked_quantity: 5 }],
      update: [{ location_id: 'wh_main', stocked_quantity: 25 }],
    });
    expect(reply.status).toBe(200);

    const listed = await invoke(ssList, {
      path: '/v1/inventory',
      routeKey: 'GET /v1/inventory',
      query: 'productId=prod_tee&skuId=var_tee_m',
      headers: { ...auth, 'x-merchantapikey': KEY },
    });
    expect(listed.body.data).toEqual([
      expect.objectContaining({ warehouseId: 'wh_east', onHandQty: 5, variantAttributes: { Size: 'M' } }),
      expect.objectContaining({ warehouseId: 'wh_main', onHandQty: 25 }),
    ]);
    const oc = await invoke(ocGet, {
      path: '/products/prod_tee/variants/var_tee_m/inventoryrecords/rec-main',
      routeKey: 'GET /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      pathParameters: { productID: 'prod_tee', variantID: 'var_tee_m', inventoryRecordID: 'rec-main' },
      headers: auth,
    });
    expect(oc.body.QuantityAvailable).toBe(25);
    const dz = await invoke(dzGet, {
      path: '/api/v1/inventory/products/variants/var_tee_m',
      routeKey: 'GET /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: 'var_tee_m' },
      headers: { ...auth, 'x-business-id': tenantId },
    });
    expect(dz.body.inventory).toMatchObject({ on_hand: 25, location_id: 'wh_main' });
    // The variant counts the level made through the batch.
    expect((await itemsOfType(tenantId, 'Variant')).find((variant) => variant.id === 'var_tee_m')!.levelCount).toBe(2);
  });
});
