import { describe, expect, it } from 'vitest';
import { handler as createHandler } from '#functions/medusa/createInventoryItem/handler';
import { handler as deleteHandler } from '#functions/medusa/deleteInventoryItem/handler';
import { handler as getHandler } from '#functions/medusa/getInventoryItem/handler';
import { handler as listHandler } from '#functions/medusa/listInventoryItems/handler';
import { handler as updateHandler } from '#functions/medusa/updateInventoryItem/handler';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { roundTripRecorder } from '#test/support/roundTrips';
import { ConcurrentChangeError } from '#shared/domain/errors';
import { inventoryItemStore } from '#shared/store/inventoryItem';
import { handler as createLevelHandler } from '#functions/medusa/createLocationLevel/handler';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ITEMS = '/admin/inventory-items';
const ITEM = '/admin/inventory-items/{id}';
const IITEM_ID = /^iitem_[0-9A-HJKMNP-TV-Z]{26}$/;
const ILEV_ID = /^ilev_[0-9A-HJKMNP-TV-Z]{26}$/;
const ANY_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);

const readOnly = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read', roles: [] })) });
const writer = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

const list = (tenantId: string, query?: string) =>
  invoke(listHandler, { path: ITEMS, routeKey: `GET ${ITEMS}`, ...(query ? { query } : {}), headers: readOnly(tenantId) });
const get = (tenantId: string, id: string, query?: string) =>
  invoke(getHandler, {
    path: `/admin/inventory-items/${id}`,
    routeKey: `GET ${ITEM}`,
    pathParameters: { id },
    ...(query ? { query } : {}),
    headers: readOnly(tenantId),
  });
const create = (tenantId: string, body: unknown) =>
  invoke(createHandler, { path: ITEMS, routeKey: `POST ${ITEMS}`, headers: writer(tenantId), body });
const update = (tenantId: string, id: string, body: unknown) =>
  invoke(updateHandler, {
    path: `/admin/inventory-items/${id}`,
    routeKey: `POST ${ITEM}`,
    pathParameters: { id },
    headers: writer(tenantId),
    body,
  });
const remove = (tenantId: string, id: string) =>
  invoke(deleteHandler, {
    path: `/admin/inventory-items/${id}`,
    routeKey: `DELETE ${ITEM}`,
    pathParameters: { id },
    headers: writer(tenantId),
  });

/** The kit's catalog, with a variant stocked through ShopSynch: its own item is one of the items too. */
const catalog = () => {
  const base = medusaCatalog();
  return {
    ...base,
    inventoryItems: [
      ...base.inventoryItems,
      {
        id: 'iitem_spare',
        sku: 'SPARE-1',
        title: 'Spare',
        levels: [
          { locationId: 'sloc_east', stocked: 6, incoming: 2 },
          { locationId: 'sloc_west', stocked: 0 },
        ],
      },
    ],
    locations: [...base.locations, { id: 'sloc_north', name: 'North' }],
    stockRecords: [{ id: `inv_${'b'.repeat(32)}`, productId: 'prod_kit', skuId: 'variant_mini', warehouseId: 'sloc_east', onHandQty: 7 }],
  };
};

/** Medusa's default fields of an inventory item, in its order. */
const ITEM_KEYS = [
  'id',
  'requires_shipping',
  'sku',
  'origin_country',
  'hs_code',
  'mid_code',
  'material',
  'weight',
  'length',
  'height',
  'width',
  'unit_of_measure',
  'title',
  'description',
  'thumbnail',
  'metadata',
  'reserved_quantity',
  'stocked_quantity',
  'created_at',
  'updated_at',
  'location_levels',
];

const ownItemId = async (tenantId: string) =>
  (await itemsOfType(tenantId, 'Variant')).find((variant) => variant.id === 'variant_mini')!.inventoryItemId as string;

describe('GET /admin/inventory-items/{id}', () => {
  it("answers Medusa's default fields: totals over the levels, and the levels with raw quantities, in one Query", async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await get(tenantId, 'iitem_grinder');
    expect(reply.status).toBe(200);
    const item = reply.body.inventory_item;
    expect(Object.keys(item)).toEqual(ITEM_KEYS);
    expect(item).toMatchObject({
      id: 'iitem_grinder',
      sku: 'GRND-1',
      title: 'Grinder',
      stocked_quantity: 52,
      reserved_quantity: 4,
      unit_of_measure: null,
    });
    expect(item.location_levels[0]).toMatchObject({
      location_id: 'sloc_east',
      inventory_item_id: 'iitem_grinder',
      raw_stocked_quantity: { value: '40', precision: 20 },
      available_quantity: 36,
      deleted_at: null,
    });
    const record = roundTripRecorder();
    expect(await record(() => get(tenantId, 'iitem_grinder'))).toEqual({ waves: 1, commands: ['QueryCommand'] });
    expect((await get(tenantId, 'iitem_grinder', 'fields=id,sku')).body).toEqual({
      inventory_item: { id: 'iitem_grinder', sku: 'GRND-1' },
    });
  });

  it("answers an unknown item, or another tenant's, with Medusa's 404", async () => {
    const tenantId = await seedTenant(catalog());
    const other = await seedTenant(catalog());
    for (const [tenant, id] of [
      [tenantId, 'iitem_nowhere'],
      [other, 'iitem_nowhere'],
    ] as const) {
      const reply = await get(tenant, id);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ type: 'not_found', message: `Inventory item with id: ${id} was not found` });
    }
  });
});

describe('GET /admin/inventory-items', () => {
  it("lists every item of the tenant, a variant's own item included, by ID, with count, offset and limit 20", async () => {
    const tenantId = await seedTenant(catalog());
    await seedTenant(catalog());
    const own = await ownItemId(tenantId);
    const reply = await list(tenantId);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ count: 6, offset: 0, limit: 20 });
    const ids = reply.body.inventory_items.map((item: { id: string }) => item.id);
    expect(ids).toEqual(['iitem_cup', 'iitem_empty', 'iitem_grinder', 'iitem_over', 'iitem_spare', own].sort());
    const mine = reply.body.inventory_items.find((item: { id: string }) => item.id === own);
    expect(mine).toMatchObject({
      sku: 'KIT-MINI',
      stocked_quantity: 7,
      location_levels: [expect.objectContaining({ stocked_quantity: 7 })],
    });
    expect(Object.keys(mine)).toEqual(ITEM_KEYS);
  });

  it('filters, orders and pages; the count is of all that match', async () => {
    const tenantId = await seedTenant(catalog());
    expect((await list(tenantId, 'q=grnd')).body).toMatchObject({ count: 1, inventory_items: [{ id: 'iitem_grinder' }] });
    expect((await list(tenantId, 'q=out%20of')).body).toMatchObject({ count: 1, inventory_items: [{ id: 'iitem_empty' }] });
    expect((await list(tenantId, 'sku=CUP-1')).body).toMatchObject({ count: 1, inventory_items: [{ id: 'iitem_cup' }] });
    expect((await list(tenantId, 'id=iitem_over')).body).toMatchObject({ count: 1 });
    expect((await list(tenantId, 'requires_shipping=false')).body).toMatchObject({ count: 0, inventory_items: [] });
    const page = await list(tenantId, 'order=-title&limit=2&offset=1&fields=id,title');
    expect(page.body).toEqual({
      inventory_items: [
        { id: 'iitem_over', title: 'Over-reserved' },
        { id: 'iitem_empty', title: 'Out of stock' },
      ],
      count: 6,
      offset: 1,
      limit: 2,
    });
  });

  it("reads the index's page beside the item count when the answer shows no levels, and the page's partitions after it when it does", async () => {
    const tenantId = await seedTenant(catalog());
    const record = roundTripRecorder();
    expect(await record(() => list(tenantId, 'fields=id,sku'))).toEqual({ waves: 1, commands: ['BatchGetItemCommand', 'QueryCommand'] });
    expect(await record(() => list(tenantId, 'limit=2'))).toEqual({
      waves: 2,
      commands: ['BatchGetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand'],
    });
    // Filtered, the count is of the matches: the section is read whole, as before.
    expect(await record(() => list(tenantId, 'fields=id,sku&q=a'))).toEqual({ waves: 1, commands: ['QueryCommand'] });
  });

  it('refuses what Medusa refuses, and what it would answer 500 for, in its envelope', async () => {
    const tenantId = await seedTenant(catalog());
    expect((await list(tenantId, 'expand=x')).body).toEqual({
      type: 'invalid_data',
      message: "Invalid request: Unrecognized fields: 'expand'",
    });
    expect((await list(tenantId, 'order=nope')).status).toBe(400);
    expect((await list(tenantId, 'limit=-1')).status).toBe(400);
  });
});

describe('POST /admin/inventory-items', () => {
  it('creates an item of no product with its levels, each a ledger level with its history and view', async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await create(tenantId, {
      sku: 'JUG-350',
      title: 'Milk jug',
      weight: null,
      location_levels: [{ location_id: 'sloc_west', stocked_quantity: 12, incoming_quantity: 3 }, { location_id: 'sloc_east' }],
    });
    expect(reply.status).toBe(200);
    const item = reply.body.inventory_item;
    expect(item).toMatchObject({
      sku: 'JUG-350',
      title: 'Milk jug',
      description: null,
      requires_shipping: true,
      stocked_quantity: 12,
      reserved_quantity: 0,
    });
    expect(item.id).toMatch(IITEM_ID);
    expect(item.location_levels.map((level: { location_id: string }) => level.location_id)).toEqual(['sloc_east', 'sloc_west']);
    expect(item.location_levels[1].id).toMatch(ILEV_ID);
    expect((await get(tenantId, item.id)).body).toEqual(reply.body);

    const records = (await itemsOfType(tenantId, 'StockRecord')).filter((record) => record.inventoryItemId === item.id);
    expect(records).toHaveLength(2);
    expect(records.find((record) => record.locationId === 'sloc_west')).toMatchObject({
      productId: null,
      onHandQty: 12,
      incomingQty: 3,
      version: 1,
    });
    const movements = (await itemsOfType(tenantId, 'StockMovement')).filter((movement) =>
      records.some((record) => record.id === movement.recordId),
    );
    expect(movements).toHaveLength(2);
    expect((await list(tenantId, 'sku=JUG-350')).body).toMatchObject({ count: 1 });
  });

  it('answers an item without fields as Medusa does, all null and shipped', async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await create(tenantId, {});
    expect(reply.status).toBe(200);
    expect(reply.body.inventory_item).toMatchObject({
      sku: null,
      title: null,
      requires_shipping: true,
      location_levels: [],
      stocked_quantity: 0,
    });
  });

  it('writes nothing when a location is unknown or named twice, or a field is not kept', async () => {
    const tenantId = await seedTenant(catalog());
    const before = await tenantItems(tenantId);
    const unknown = await create(tenantId, {
      title: 'x',
      location_levels: [{ location_id: 'sloc_west' }, { location_id: 'sloc_nowhere' }],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ type: 'not_found', message: 'Stock locations with ids: sloc_nowhere was not found' });
    const twice = await create(tenantId, { title: 'x', location_levels: [{ location_id: 'sloc_west' }, { location_id: 'sloc_west' }] });
    expect(twice.status).toBe(400);
    expect(twice.body.type).toBe('invalid_data');
    expect(twice.body.message).toMatch(/^Inventory level with inventory_item_id: iitem_\w+, location_id: sloc_west, already exists\.$/);
    const unheld = await create(tenantId, { title: 'x', weight: 120 });
    expect(unheld.status).toBe(400);
    expect(unheld.body.message).toContain("'weight'");
    const stranger = await create(tenantId, { title: 'x', nope: 1 });
    expect(stranger.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'nope'" });
    expect(await tenantItems(tenantId)).toEqual(before);
  });
});

describe('POST /admin/inventory-items/{id}', () => {
  it('sets the fields given and answers the item with its levels', async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await update(tenantId, 'iitem_cup', { title: 'Espresso cup', requires_shipping: false, description: null });
    expect(reply.status).toBe(200);
    expect(reply.body.inventory_item).toMatchObject({
      id: 'iitem_cup',
      sku: 'CUP-1',
      title: 'Espresso cup',
      requires_shipping: false,
      stocked_quantity: 14,
    });
    expect((await get(tenantId, 'iitem_cup')).body).toEqual(reply.body);
    expect((await list(tenantId, 'title=Espresso%20cup')).body).toMatchObject({ count: 1 });
  });

  it("answers an unknown item with Medusa's update wording, and refuses levels in the body", async () => {
    const tenantId = await seedTenant(catalog());
    const unknown = await update(tenantId, 'iitem_nope', { title: 'x' });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ type: 'not_found', message: 'InventoryItem with id "iitem_nope" not found' });
    const levels = await update(tenantId, 'iitem_cup', { location_levels: [] });
    expect(levels.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'location_levels'" });
  });
});

describe('DELETE /admin/inventory-items/{id}', () => {
  it('removes an item with its levels, units and history, as Medusa does; a second delete answers the same', async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await remove(tenantId, 'iitem_spare');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: 'iitem_spare', object: 'inventory_item', deleted: true });
    const left = await tenantItems(tenantId);
    expect(left.filter((item) => String(item.pk).includes('#INVITEM#iitem_spare'))).toEqual([]);
    expect(left.filter((item) => item.type === 'StockRecord' && item.inventoryItemId === 'iitem_spare')).toEqual([]);
    const records = new Set(left.filter((item) => item.type === 'StockRecord').map((item) => item.id));
    expect(left.filter((item) => item.type === 'StockMovement' && !records.has(item.recordId))).toEqual([]);
    expect((await get(tenantId, 'iitem_spare')).status).toBe(404);
    expect((await remove(tenantId, 'iitem_spare')).body).toEqual(reply.body);
  });

  it("refuses an item whose levels hold reservations, with Medusa's words, and a variant's own item; nothing is written", async () => {
    const tenantId = await seedTenant(catalog());
    const own = await ownItemId(tenantId);
    const before = await tenantItems(tenantId);
    const reserved = await remove(tenantId, 'iitem_grinder');
    expect(reserved.status).toBe(400);
    expect(reserved.body).toEqual({
      type: 'invalid_data',
      message: 'Cannot remove following inventory item(s) since they have reservations: [iitem_grinder].',
    });
    const owned = await remove(tenantId, own);
    expect(owned.status).toBe(400);
    expect(owned.body).toEqual({
      type: 'not_allowed',
      message: `Cannot remove inventory item ${own}: it holds the stock of variant variant_mini`,
    });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('never leaves behind a level made after its read: the delete is conditional on the count of levels made', async () => {
    const tenantId = await seedTenant(catalog());
    const read = (await inventoryItemStore.readItems(tenantId, ['iitem_spare'])).get('iitem_spare')!;
    const made = await invoke(createLevelHandler, {
      path: '/admin/inventory-items/iitem_spare/location-levels',
      routeKey: 'POST /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: 'iitem_spare' },
      headers: writer(tenantId),
      body: { location_id: 'sloc_north' },
    });
    expect(made.status).toBe(200);
    const before = await tenantItems(tenantId);
    await expect(
      inventoryItemStore.deleteItem(
        read,
        read.levels.map((view) => view.ledger ?? view),
      ),
    ).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(await tenantItems(tenantId)).toEqual(before);
    // Read again, the delete takes the new level too.
    expect((await remove(tenantId, 'iitem_spare')).status).toBe(200);
    expect((await itemsOfType(tenantId, 'LocationLevel')).filter((level) => level.inventoryItemId === 'iitem_spare')).toEqual([]);
  });
});
