import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as createHandler } from '#functions/medusa/createInventoryItem/handler';
import { handler as deleteHandler } from '#functions/medusa/deleteInventoryItem/handler';
import { handler as listHandler } from '#functions/medusa/listInventoryItems/handler';
import { handler as createLevelHandler } from '#functions/medusa/createLocationLevel/handler';
import { handler as deleteLevelHandler } from '#functions/medusa/deleteLocationLevel/handler';
import { handler as createRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { documentClient } from '#shared/store/client';
import { withLevelAtKeys } from '#shared/store/itemsAtLocation';
import { levelsByLocation } from '#shared/store/migration/levelsByLocation';
import { runMigration } from '#shared/store/migration/runner';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { medusaSdk } from '#test/support/medusaSdk';
import { bearer, db, itemsOfType, seedTenant, table, tokenFor, uniqueId } from '#test/support/tenants';

const ITEMS = '/admin/inventory-items';
const LEVELS = '/admin/inventory-items/{id}/location-levels';
const KEY = 'mk_by_location_key_1';
const writer = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });
const list = (tenantId: string, query: string) =>
  invoke(listHandler, { path: ITEMS, routeKey: `GET ${ITEMS}`, query, headers: writer(tenantId) });
const at = (locationId: string) => `location_levels%5Blocation_id%5D=${encodeURIComponent(locationId)}`;

type ListBody = {
  count: number;
  offset: number;
  limit: number;
  inventory_items: { id: string; location_levels?: { location_id: string }[] }[];
};
const listed = async (tenantId: string, query: string) => {
  const reply = await list(tenantId, query);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as ListBody;
};
const idsAt = async (tenantId: string, query: string) =>
  (await listed(tenantId, `fields=id&limit=100&${query}`)).inventory_items.map((item) => item.id);

/** The catalog with a third location and items made for the filter. */
const catalog = (extra: { id: string; levels: { locationId: string; stocked: number }[] }[] = []) => {
  const base = medusaCatalog();
  return {
    ...base,
    merchantApiKeys: [KEY],
    locations: [...base.locations, { id: 'sloc_north', name: 'North' }],
    inventoryItems: [...base.inventoryItems, ...extra.map((item) => ({ ...item, title: item.id }))],
  };
};

/** Records each DynamoDB call: its command, the index a Query reads and what it read. */
function recorder() {
  const calls: { command: string; index?: string; read: number; keys: number }[] = [];
  let on = false;
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (on) {
        const input = args.input as { IndexName?: string; RequestItems?: Record<string, { Keys: unknown[] }> };
        const output = result.output as { ScannedCount?: number; Count?: number };
        calls.push({
          command: context.commandName ?? '',
          ...(input.IndexName ? { index: input.IndexName } : {}),
          read: output.ScannedCount ?? output.Count ?? 0,
          keys: Object.values(input.RequestItems ?? {}).reduce((sum, entry) => sum + (entry.Keys?.length ?? 0), 0),
        });
      }
      return result;
    },
    { step: 'initialize', name: `recordCalls${Math.random()}` },
  );
  return async (run: () => Promise<unknown>) => {
    calls.length = 0;
    on = true;
    await run();
    on = false;
    return [...calls];
  };
}
const record = recorder();

// First in the file: the table's levels are not all found by location until the step has run over it.
describe('before and after the migration step medusa-levels-by-location', () => {
  it('reads every item until the step has run, then the location alone, with the same answer', async () => {
    const t = await seedTenant(catalog());
    // As stored before: the views carry no keys naming their location.
    for (const view of await itemsOfType(t, 'LocationLevel'))
      await db.send(
        new UpdateCommand({ TableName: table, Key: { pk: view.pk, sk: view.sk }, UpdateExpression: 'REMOVE catalogPk, catalogSk' }),
      );
    const before = await record(async () => expect(await idsAt(t, at('sloc_west'))).toEqual(['iitem_cup', 'iitem_grinder']));
    // The item section, then every item's partition.
    expect(before.filter((call) => call.command === 'QueryCommand').length).toBeGreaterThan(4);
    expect((await listed(t, `${at('sloc_east')}&fields=id`)).count).toBe(3);

    const [report] = await runMigration([levelsByLocation]);
    expect(report!.left).toEqual([]);
    expect(report!.counts.migrated).toBeGreaterThanOrEqual(5);
    const after = await record(async () => expect(await idsAt(t, at('sloc_west'))).toEqual(['iitem_cup', 'iitem_grinder']));
    expect(after.filter((call) => call.command === 'QueryCommand')).toEqual([
      { command: 'QueryCommand', index: 'catalog', read: 2, keys: 0 },
    ]);
    expect((await listed(t, `${at('sloc_east')}&fields=id`)).count).toBe(3);
    // Run again, it finds every view done.
    const [again] = await runMigration([{ ...levelsByLocation }].map((step) => ({ ...step, name: `${step.name}-again` })));
    expect(again!.counts.migrated).toBe(0);
  });
});

describe('GET /admin/inventory-items?location_levels[location_id]=…', () => {
  it('lists the items with a level there, made through every writer, and no longer once the level or item is gone', async () => {
    const t = await seedTenant({ ...catalog(), defaultLocationId: 'sloc_north' });
    expect(await idsAt(t, at('sloc_north'))).toEqual([]);
    // Medusa's item create with levels.
    const made = await invoke(createHandler, {
      path: ITEMS,
      routeKey: `POST ${ITEMS}`,
      headers: writer(t),
      body: { sku: 'NORTH-1', location_levels: [{ location_id: 'sloc_north', stocked_quantity: 3 }] },
    });
    expect(made.status, JSON.stringify(made.body)).toBe(200);
    const madeId = made.body.inventory_item.id as string;
    // Medusa's level create, on a kit part no product owns.
    const level = await invoke(createLevelHandler, {
      path: `${ITEMS}/iitem_empty/location-levels`,
      routeKey: `POST ${LEVELS}`,
      pathParameters: { id: 'iitem_empty' },
      headers: writer(t),
      body: { location_id: 'sloc_north' },
    });
    expect(level.status, JSON.stringify(level.body)).toBe(200);
    // ShopSynch's first stock of a variant: its own item's level.
    const stocked = await invoke(createRecord, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: { ...writer(t), 'x-merchantapikey': KEY },
      body: { productId: 'prod_kit', skuId: 'variant_mini', warehouseId: 'sloc_north', initialQty: 2 },
    });
    expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
    // DayZero's variant with initial inventory, counted at the business's default location.
    const variant = await invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: { ...writer(t), 'x-business-id': t },
      body: { product_id: 'prod_other', name: 'North', sku: 'DZ-NORTH', initial_inventory_quantity: 4 },
    });
    expect(variant.status, JSON.stringify(variant.body)).toBe(201);
    const ownItem = async (variantId: string) =>
      (await itemsOfType(t, 'Variant')).find((entry) => entry.id === variantId)!.inventoryItemId as string;
    const own = await ownItem('variant_mini');
    const dayzeroOwn = await ownItem(variant.body.id as string);

    const north = await listed(t, at('sloc_north'));
    expect(north.count).toBe(4);
    expect(north.inventory_items.map((item) => item.id)).toEqual([madeId, 'iitem_empty', own, dayzeroOwn].sort());
    // Each item with all its levels, as Medusa shows them.
    const grinder = (await listed(t, at('sloc_west'))).inventory_items.find((item) => item.id === 'iitem_grinder')!;
    expect(grinder.location_levels!.map((entry) => entry.location_id)).toEqual(['sloc_east', 'sloc_west']);

    // A level removed, an item removed: no longer listed there.
    const gone = await invoke(deleteLevelHandler, {
      path: `${ITEMS}/iitem_empty/location-levels/sloc_north`,
      routeKey: `DELETE ${LEVELS}/{location_id}`,
      pathParameters: { id: 'iitem_empty', location_id: 'sloc_north' },
      headers: writer(t),
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    const removed = await invoke(deleteHandler, {
      path: `${ITEMS}/${madeId}`,
      routeKey: `DELETE ${ITEMS}/{id}`,
      pathParameters: { id: madeId },
      headers: writer(t),
    });
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(await idsAt(t, at('sloc_north'))).toEqual([own, dayzeroOwn].sort());
  });

  it('lists what the import stocks', async () => {
    const t = uniqueId('bylocimport');
    const reply = await invoke(importHandler, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(t, { scope: 'inventory/admin' })) },
      body: {
        tenants: [
          {
            id: t,
            name: 'Import',
            currency: 'eur',
            locations: [
              { id: 'wh_a', name: 'A' },
              { id: 'wh_b', name: 'B' },
            ],
            vendors: [],
            products: [],
            inventoryItems: [
              { id: 'iitem_a', sku: 'A', title: 'A', levels: [{ locationId: 'wh_a', stocked: 1 }] },
              { id: 'iitem_b', sku: 'B', title: 'B', levels: [{ locationId: 'wh_b', stocked: 1 }] },
              { id: 'iitem_c', sku: 'C', title: 'C', levels: [] },
            ],
          },
        ],
      },
    });
    expect(reply.body, JSON.stringify(reply.body)).toMatchObject({ summary: { refused: 0 } });
    expect(await idsAt(t, at('wh_a'))).toEqual(['iitem_a']);
    expect(await idsAt(t, at('wh_b'))).toEqual(['iitem_b']);
  });

  it('counts every match and pages through them in ID order, with the other filters and orders', async () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ id: `iitem_n${i}`, levels: [{ locationId: 'sloc_north', stocked: i }] }));
    const t = await seedTenant(catalog(many));
    const all = many.map((item) => item.id);
    expect(await idsAt(t, at('sloc_north'))).toEqual(all);
    const page = await listed(t, `${at('sloc_north')}&fields=id&limit=3&offset=2`);
    expect(page).toMatchObject({ count: 9, offset: 2, limit: 3 });
    expect(page.inventory_items.map((item) => item.id)).toEqual(all.slice(2, 5));
    expect((await listed(t, `${at('sloc_north')}&offset=20`)).inventory_items).toEqual([]);
    // With levels shown: the page's partitions, every level of each.
    const shown = await listed(t, `${at('sloc_north')}&limit=2`);
    expect(shown.inventory_items.map((item) => item.location_levels!.length)).toEqual([1, 1]);
    // Other filters and orders apply among the matches.
    expect(await listed(t, `${at('sloc_north')}&q=n4&fields=id`)).toMatchObject({ count: 1, inventory_items: [{ id: 'iitem_n4' }] });
    expect(await listed(t, `${at('sloc_east')}&id=iitem_cup&fields=id`)).toMatchObject({
      count: 1,
      inventory_items: [{ id: 'iitem_cup' }],
    });
    expect(await listed(t, `${at('sloc_west')}&id=iitem_n1&fields=id`)).toMatchObject({ count: 0, inventory_items: [] });
    expect((await listed(t, `${at('sloc_north')}&order=-title&limit=3&fields=id`)).inventory_items.map((item) => item.id)).toEqual([
      'iitem_n8',
      'iitem_n7',
      'iitem_n6',
    ]);
    expect(await idsAt(t, `${at('sloc_east')}&sku=CUP-1`)).toEqual(['iitem_cup']);
  });

  it('takes a list of locations as Medusa does, and a comma as part of one ID', async () => {
    const t = await seedTenant(catalog([{ id: 'iitem_north', levels: [{ locationId: 'sloc_north', stocked: 1 }] }]));
    const both = ['iitem_cup', 'iitem_grinder', 'iitem_north'];
    const key = 'location_levels%5Blocation_id%5D';
    expect(await idsAt(t, `${key}%5B0%5D=sloc_west&${key}%5B1%5D=sloc_north`)).toEqual(both);
    expect(await idsAt(t, `${key}%5B%5D=sloc_west&${key}%5B%5D=sloc_north`)).toEqual(both);
    expect(await listed(t, `${key}=sloc_west,sloc_north&fields=id`)).toMatchObject({ count: 0, inventory_items: [] });
    // An empty ID, or one no location could have, names no location.
    expect((await listed(t, `${key}=&fields=id`)).count).toBe(0);
    expect((await listed(t, `${key}=${'x'.repeat(400)}&fields=id`)).count).toBe(0);
  });

  it("answers another tenant's location as an unknown one", async () => {
    const a = await seedTenant(catalog([{ id: 'iitem_north', levels: [{ locationId: 'sloc_north', stocked: 1 }] }]));
    const b = await seedTenant({ ...medusaCatalog(), locations: [{ id: 'sloc_east', name: 'East' }], products: [], inventoryItems: [] });
    expect(await idsAt(a, at('sloc_north'))).toEqual(['iitem_north']);
    expect(await listed(b, at('sloc_north'))).toMatchObject({ count: 0, inventory_items: [] });
    expect(await listed(b, at('sloc_nope'))).toMatchObject({ count: 0, inventory_items: [] });
    // The same location ID in two tenants: each its own items.
    expect(await idsAt(b, at('sloc_east'))).toEqual([]);
  });

  it('reads the location’s levels and the page, never the tenant’s other items', async () => {
    const elsewhere = Array.from({ length: 40 }, (_, i) => ({
      id: `iitem_w${String(i).padStart(2, '0')}`,
      levels: [{ locationId: 'sloc_west', stocked: 1 }],
    }));
    const here = Array.from({ length: 3 }, (_, i) => ({ id: `iitem_h${i}`, levels: [{ locationId: 'sloc_north', stocked: 1 }] }));
    const t = await seedTenant(catalog([...elsewhere, ...here]));
    await runMigration([levelsByLocation]);
    const calls = await record(async () => expect((await listed(t, `${at('sloc_north')}&fields=id,sku`)).count).toBe(3));
    expect(calls.map((call) => call.command).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);
    expect(calls.find((call) => call.command === 'QueryCommand')).toMatchObject({ index: 'catalog', read: 3 });
    expect(calls.find((call) => call.command === 'BatchGetItemCommand')).toMatchObject({ keys: 3 });
    // With levels: the page's partitions instead of the BatchGet.
    const withLevels = await record(async () => expect((await listed(t, `${at('sloc_north')}&limit=2`)).inventory_items).toHaveLength(2));
    const queries = withLevels.filter((call) => call.command === 'QueryCommand');
    expect(queries.filter((call) => call.index === 'catalog')).toEqual([expect.objectContaining({ read: 3 })]);
    expect(queries.filter((call) => call.index === undefined)).toHaveLength(2);
    expect(withLevels.some((call) => call.command === 'ScanCommand')).toBe(false);
  });

  it('refuses other location_levels keys, in Medusa’s words where it has some', async () => {
    const t = await seedTenant(catalog());
    const refused = async (query: string) => {
      const reply = await list(t, query);
      expect(reply.status, query).toBe(400);
      return (reply.body.message as string).replace(/^Invalid request: /, '');
    };
    expect(await refused('location_levels%5Bstocked_quantity%5D=5')).toBe("Unrecognized fields: 'location_levels[stocked_quantity]'");
    expect(await refused('toString=1&location_levels%5Bnope%5D=1')).toBe("Unrecognized fields: 'toString, location_levels[nope]'");
    expect(await refused('location_levels=5')).toBe("Expected type: 'object' for field 'location_levels', got: '5'");
    expect(await refused('location_levels%5Blocation_id%5D%5B%24eq%5D=sloc_east')).toBe(
      "Expected type: 'string, array' for field 'location_levels, location_id', got: '[object Object]'",
    );
    const tooMany = Array.from({ length: 51 }, (_, i) => `location_levels%5Blocation_id%5D%5B${i}%5D=l${i}`).join('&');
    expect(await refused(tooMany)).toBe("Value for field 'location_levels.location_id' too big, expected at most: '50'");
  });
});

describe('sdk.admin.inventoryItem.list with location_levels', () => {
  const medusa = medusaSdk(catalog([{ id: 'iitem_north', levels: [{ locationId: 'sloc_north', stocked: 1 }] }]));

  it('filters by one location or a list', async () => {
    const one = await medusa.sdk.admin.inventoryItem.list({ location_levels: { location_id: 'sloc_west' } }, medusa.headers);
    expect(one.count).toBe(2);
    expect(one.inventory_items.map((item: { id: string }) => item.id)).toEqual(['iitem_cup', 'iitem_grinder']);
    const two = await medusa.sdk.admin.inventoryItem.list(
      { location_levels: { location_id: ['sloc_west', 'sloc_north'] }, limit: 2, offset: 1 },
      medusa.headers,
    );
    expect(two.count).toBe(3);
    expect(two.inventory_items.map((item: { id: string }) => item.id)).toEqual(['iitem_grinder', 'iitem_north']);
  });
});

describe('a restore of views exported before they were found by location', () => {
  it('writes each view with the keys every writer gives it', async () => {
    const t = await seedTenant(catalog());
    const [view] = (await itemsOfType(t, 'LocationLevel')).filter((entry) => entry.locationId === 'sloc_west');
    const { catalogPk: _pk, catalogSk: _sk, ...exported } = view!;
    expect(withLevelAtKeys(exported)).toEqual(view);
    // Any other item is written as exported.
    const [item] = await itemsOfType(t, 'InventoryItem');
    expect(withLevelAtKeys(item!)).toBe(item);
  });
});
