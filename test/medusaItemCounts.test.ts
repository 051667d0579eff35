import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as createHandler } from '#functions/medusa/createInventoryItem/handler';
import { handler as deleteHandler } from '#functions/medusa/deleteInventoryItem/handler';
import { handler as listHandler } from '#functions/medusa/listInventoryItems/handler';
import { handler as createRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as deleteVariant } from '#functions/dayzero/deleteVariant/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { documentClient } from '#shared/store/client';
import { catalogItem } from '#shared/store/catalogItems';
import { itemCounts } from '#shared/store/migration/itemCounts';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { bearer, db, itemsOfType, seedTenant, table, tokenFor, uniqueId } from '#test/support/tenants';

const ITEMS = '/admin/inventory-items';
const KEY = 'mk_counts_test_key_1';
const dayzero = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId });
const writer = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });
const list = (tenantId: string, query: string) =>
  invoke(listHandler, { path: ITEMS, routeKey: `GET ${ITEMS}`, query, headers: writer(tenantId) });
const create = (tenantId: string, body: unknown) =>
  invoke(createHandler, { path: ITEMS, routeKey: `POST ${ITEMS}`, headers: writer(tenantId), body });
const remove = (tenantId: string, id: string) =>
  invoke(deleteHandler, {
    path: `${ITEMS}/${id}`,
    routeKey: `DELETE ${ITEMS}/{id}`,
    pathParameters: { id },
    headers: writer(tenantId),
  });
type ListBody = { count: number; inventory_items: { id: string }[] };
const counted = async (tenantId: string) => (await list(tenantId, 'fields=id&limit=100')).body as ListBody;
/** What the stored counts say, added up (the list answers it for a tenant whose counts are exact). */
const storedCount = async (tenantId: string) =>
  (await itemsOfType(tenantId, 'ItemCount')).reduce((sum, item) => sum + (typeof item.itemCount === 'number' ? item.itemCount : 0), 0);

/** Records the Limit and the items read of every Query the list sends. */
function queryRecorder() {
  const queries: { limit: number | undefined; read: number }[] = [];
  documentClient().middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'QueryCommand') {
        const input = args.input as { Limit?: number };
        const output = result.output as { Count?: number };
        queries.push({ limit: input.Limit, read: output.Count ?? 0 });
      }
      return result;
    },
    { step: 'initialize', name: `recordQueries${Math.random()}` },
  );
  return queries;
}

describe('the inventory items list counts without reading every item', () => {
  it('reads only the page (offset + limit items of the index) and answers the kept count', async () => {
    const t = await seedTenant(medusaCatalog());
    const made = await Promise.all(Array.from({ length: 12 }, (_, i) => create(t, { sku: `CNT-${i}`, title: `item ${i}` })));
    expect(made.every((reply) => reply.status === 200)).toBe(true);
    const all = await counted(t);
    expect(all.count).toBe(all.inventory_items.length);
    const queries = queryRecorder();
    const page = (await list(t, 'fields=id&limit=3&offset=2')).body as ListBody;
    expect(page.count).toBe(all.count);
    expect(page.inventory_items).toEqual(all.inventory_items.slice(2, 5));
    expect(queries).toEqual([{ limit: 5, read: 5 }]);
  });

  it('keeps the count exact across every writer of items and concurrent ones', async () => {
    const t = await seedTenant({ ...medusaCatalog(), name: 'Counts', defaultLocationId: 'sloc_east', merchantApiKeys: [KEY] });
    const start = (await counted(t)).count;
    expect(start).toBe((await itemsOfType(t, 'InventoryItem')).length);
    // Concurrent creates (one SKU refused: not counted), then deletes, one of them twice.
    const made = await Promise.all([...Array.from({ length: 6 }, (_, i) => create(t, { sku: `RACE-${i}` })), create(t, { sku: 'RACE-0' })]);
    const ids = made
      .filter((reply) => reply.status === 200)
      .map((reply) => (reply.body as { inventory_item: { id: string } }).inventory_item.id);
    expect(ids).toHaveLength(6);
    await Promise.all([remove(t, ids[0]!), remove(t, ids[0]!), remove(t, ids[1]!)]);
    // DayZero's variants (each made with its own item, concurrently), one deleted permanently with it.
    const variants = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => {
        const reply = await invoke(createVariant, {
          path: '/api/v1/inventory/products/variants',
          routeKey: 'POST /api/v1/inventory/products/variants',
          headers: dayzero(t),
          body: { product_id: 'prod_other', name: `Count ${i}`, sku: `DZ-${i}` },
        });
        expect(reply.status, JSON.stringify(reply.body)).toBe(201);
        return reply.body.id as string;
      }),
    );
    const gone = await invoke(deleteVariant, {
      path: `/api/v1/inventory/products/variants/${variants[0]}`,
      routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: variants[0]! },
      query: 'permanent=true',
      headers: dayzero(t),
    });
    expect(gone.status, JSON.stringify(gone.body)).toBe(200);
    // ShopSynch's first stock of a variant makes its own item.
    const stocked = await invoke(createRecord, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: { ...writer(t), 'x-merchantapikey': KEY },
      body: { productId: 'prod_kit', skuId: 'variant_mini', warehouseId: 'sloc_west', initialQty: 2 },
    });
    expect(stocked.status, JSON.stringify(stocked.body)).toBe(200);
    const expected = start + 4 + 3 + 1;
    expect((await itemsOfType(t, 'InventoryItem')).length).toBe(expected);
    expect(await storedCount(t)).toBe(expected);
    expect((await counted(t)).count).toBe(expected);
  });

  it('counts what the import creates, and an item it finds stored before the counts', async () => {
    const t = uniqueId('countimport');
    const importItems = (inventoryItems: unknown[]) =>
      invoke(importHandler, {
        path: '/admin/catalog',
        routeKey: 'PUT /admin/catalog',
        headers: { authorization: bearer(tokenFor(t, { scope: 'inventory/admin' })) },
        body: {
          tenants: [
            { id: t, name: 'Counts', currency: 'eur', locations: [{ id: 'wh_a', name: 'A' }], vendors: [], products: [], inventoryItems },
          ],
        },
      });
    const first = await importItems([
      { id: 'iitem_a', sku: 'A', title: 'A', levels: [] },
      { id: 'iitem_b', sku: 'B', title: 'B', levels: [] },
    ]);
    expect(first.body, JSON.stringify(first.body)).toMatchObject({ summary: { created: 4, refused: 0 } });
    expect(await storedCount(t)).toBe(2);
    // Stored before the counts: not counted until the import (or the migration) writes it.
    const at = '2026-01-01T00:00:00.000Z';
    const { counted: _counted, ...legacy } = catalogItem.inventoryItem({
      id: 'iitem_old',
      tenantId: t,
      sku: null,
      title: 'Old',
      description: null,
      requiresShipping: true,
      createdAt: at,
      updatedAt: at,
    });
    await db.send(new PutCommand({ TableName: table, Item: legacy }));
    await importItems([
      { id: 'iitem_a', sku: 'A', title: 'A', levels: [] },
      { id: 'iitem_old', sku: 'OLD', title: 'Old, renamed', levels: [] },
    ]);
    expect(await storedCount(t)).toBe(3);
    expect(await itemCounts.migrate((await itemsOfType(t, 'InventoryItem')).find((item) => item.id === 'iitem_old')!)).toBe('already');
  });
});

describe('the migration step medusa-item-counts', () => {
  it('counts each item stored before the counts once, however often it runs', async () => {
    const t = await seedTenant(medusaCatalog());
    const before = await storedCount(t);
    const at = '2026-01-01T00:00:00.000Z';
    const legacy = Array.from({ length: 3 }, (_, i) => {
      const { counted: _counted, ...item } = catalogItem.inventoryItem({
        id: `iitem_legacy_${i}`,
        tenantId: t,
        sku: null,
        title: null,
        description: null,
        requiresShipping: true,
        createdAt: at,
        updatedAt: at,
      });
      return item;
    });
    for (const Item of legacy) await db.send(new PutCommand({ TableName: table, Item }));
    expect(await Promise.all(legacy.map((item) => itemCounts.migrate(item)))).toEqual(['migrated', 'migrated', 'migrated']);
    expect(await Promise.all(legacy.map((item) => itemCounts.migrate(item)))).toEqual(['already', 'already', 'already']);
    expect(await storedCount(t)).toBe(before + 3);
    // A counted item's delete takes it back; an uncounted one's leaves the count alone.
    await remove(t, 'iitem_legacy_0');
    expect(await storedCount(t)).toBe(before + 2);
    expect((await counted(t)).count).toBe((await itemsOfType(t, 'InventoryItem')).length);
  });
});
