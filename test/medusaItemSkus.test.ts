import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as createHandler } from '#functions/medusa/createInventoryItem/handler';
import { handler as deleteHandler } from '#functions/medusa/deleteInventoryItem/handler';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { handler as updateHandler } from '#functions/medusa/updateInventoryItem/handler';
import { catalogItem } from '#shared/store/catalogItems';
import { itemSkuGuards } from '#shared/store/migration/itemSkuGuards';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { bearer, db, itemsOfType, seedTenant, table, tenantItems, tokenFor, uniqueId } from '#test/support/tenants';

const ITEMS = '/admin/inventory-items';
const ITEM = '/admin/inventory-items/{id}';
const writer = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

const create = (tenantId: string, body: unknown) =>
  invoke(createHandler, { path: ITEMS, routeKey: `POST ${ITEMS}`, headers: writer(tenantId), body });
const update = (tenantId: string, id: string, body: unknown) =>
  invoke(updateHandler, { path: `${ITEMS}/${id}`, routeKey: `POST ${ITEM}`, pathParameters: { id }, headers: writer(tenantId), body });
const remove = (tenantId: string, id: string) =>
  invoke(deleteHandler, { path: `${ITEMS}/${id}`, routeKey: `DELETE ${ITEM}`, pathParameters: { id }, headers: writer(tenantId) });

const idOf = (reply: { body: unknown }) => (reply.body as { inventory_item: { id: string } }).inventory_item.id;
/** Medusa 2.21.2's answer to a SKU another item holds (checked against a real server). */
const taken = (sku: string) => ({ type: 'invalid_data', message: `Inventory item with sku: ${sku}, already exists.` });
const guards = async (tenantId: string) =>
  (await itemsOfType(tenantId, 'ItemSkuGuard'))
    .map(({ sku, itemId }) => ({ sku, itemId }))
    .sort((a, b) => (String(a.sku) < String(b.sku) ? -1 : 1));

describe('inventory item SKUs are unique in the tenant, as in Medusa', () => {
  it('refuses a second item with a SKU, with Medusa’s 400, and writes nothing; another case is another SKU', async () => {
    const t = await seedTenant(medusaCatalog());
    const first = await create(t, { sku: 'JUG-1', title: 'Jug' });
    expect(first.status).toBe(200);
    const before = await tenantItems(t);
    const second = await create(t, {
      sku: 'JUG-1',
      title: 'Another jug',
      location_levels: [{ location_id: 'sloc_east', stocked_quantity: 3 }],
    });
    expect(second.status).toBe(400);
    expect(second.body).toEqual(taken('JUG-1'));
    expect(await tenantItems(t)).toEqual(before);
    // A fixture item's SKU is held too (the loader writes its guard).
    expect((await create(t, { sku: 'GRND-1' })).body).toEqual(taken('GRND-1'));
    // Case-sensitive, as Medusa's unique index is; the empty SKU is a SKU, none is none.
    expect((await create(t, { sku: 'jug-1' })).status).toBe(200);
    expect((await create(t, { sku: '' })).status).toBe(200);
    expect((await create(t, { sku: '' })).body).toEqual(taken(''));
    expect((await create(t, { title: 'no SKU' })).status).toBe(200);
    expect((await create(t, { title: 'no SKU either' })).status).toBe(200);
    expect((await guards(t)).filter(({ sku }) => ['', 'JUG-1', 'jug-1'].includes(String(sku)))).toEqual([
      { sku: '', itemId: expect.any(String) },
      { sku: 'JUG-1', itemId: idOf(first) },
      { sku: 'jug-1', itemId: expect.any(String) },
    ]);
  });

  it('refuses an update to a held SKU; a SKU freed by an update or a delete can be taken again', async () => {
    const t = await seedTenant(medusaCatalog());
    const a = idOf(await create(t, { sku: 'A-1' }));
    const b = idOf(await create(t, { sku: 'B-1' }));
    const refused = await update(t, b, { sku: 'A-1' });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual(taken('A-1'));
    // Its own SKU again: no change of holder.
    expect((await update(t, a, { sku: 'A-1', title: 'A' })).status).toBe(200);
    expect((await update(t, a, { sku: 'A-2' })).status).toBe(200);
    expect((await update(t, b, { sku: 'A-1' })).status).toBe(200);
    expect((await remove(t, a)).status).toBe(200);
    const c = idOf(await create(t, { sku: 'A-2' }));
    expect((await update(t, c, { sku: null })).status).toBe(200);
    expect((await create(t, { sku: 'A-2' })).status).toBe(200);
    expect((await guards(t)).filter(({ sku }) => String(sku).startsWith('A-') || String(sku).startsWith('B-'))).toEqual([
      { sku: 'A-1', itemId: b },
      { sku: 'A-2', itemId: expect.not.stringMatching(c) },
    ]);
  });

  it('of concurrent creates with one SKU exactly one wins; the table holds one guard and one item with it', async () => {
    const t = await seedTenant(medusaCatalog());
    const replies = await Promise.all(Array.from({ length: 8 }, (_, i) => create(t, { sku: 'RACE-1', title: `racer ${i}` })));
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    for (const reply of replies.filter((r) => r.status !== 200)) expect(reply.body).toEqual(taken('RACE-1'));
    expect((await itemsOfType(t, 'InventoryItem')).filter((item) => item.sku === 'RACE-1')).toHaveLength(1);
    expect((await guards(t)).filter(({ sku }) => sku === 'RACE-1')).toEqual([
      { sku: 'RACE-1', itemId: idOf(replies.find((r) => r.status === 200)!) },
    ]);
    // Concurrent updates of two items to one SKU: one wins.
    const x = idOf(await create(t, { sku: 'X-1' }));
    const y = idOf(await create(t, { sku: 'Y-1' }));
    const updates = await Promise.all([update(t, x, { sku: 'Z-1' }), update(t, y, { sku: 'Z-1' })]);
    expect(updates.map((reply) => reply.status).sort()).toEqual([200, 400]);
    expect((await itemsOfType(t, 'InventoryItem')).filter((item) => item.sku === 'Z-1')).toHaveLength(1);
    expect((await guards(t)).filter(({ sku }) => ['X-1', 'Y-1', 'Z-1'].includes(String(sku)))).toHaveLength(2);
  });

  it('holds no guard for a variant’s own item: its variant’s SKU guard holds its SKU among variants', async () => {
    const t = await seedTenant(medusaCatalog());
    // variant_std's SKU; its stock (any API) makes its own item with it, never refused for a Medusa item's SKU.
    expect((await create(t, { sku: 'KIT-STD' })).status).toBe(200);
    expect((await guards(t)).filter(({ sku }) => sku === 'KIT-STD')).toHaveLength(1);
  });
});

describe('the import holds item SKUs too', () => {
  const importItems = (tenantId: string, inventoryItems: unknown[]) =>
    invoke(importHandler, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
      body: {
        tenants: [
          {
            id: tenantId,
            name: 'SKU import',
            currency: 'eur',
            locations: [{ id: 'wh_a', name: 'A' }],
            vendors: [],
            products: [],
            inventoryItems,
          },
        ],
      },
    });
  type Result = { path: string; result: string; reason?: string };
  const results = (reply: { body: unknown }) =>
    (reply.body as { results: Result[] }).results.filter((r) => r.path.includes('inventoryItems'));

  it('refuses an imported item whose SKU another item holds, and moves the guard with an imported SKU change', async () => {
    const t = uniqueId('skuimport');
    const first = await importItems(t, [
      { id: 'iitem_a', sku: 'IMP-1', title: 'A', levels: [] },
      { id: 'iitem_b', sku: 'IMP-1', title: 'B', levels: [] },
    ]);
    expect(first.status).toBe(200);
    // The entries are written side by side: whichever comes first keeps the SKU.
    const outcomes = results(first).sort((a, b) => a.result.localeCompare(b.result));
    expect(outcomes).toEqual([
      expect.objectContaining({ result: 'created' }),
      expect.objectContaining({ result: 'refused', reason: 'SKU "IMP-1" is held by another inventory item' }),
    ]);
    const holder = String((outcomes[0] as unknown as { id: string }).id);
    expect((await create(t, { sku: 'IMP-1' })).body).toEqual(taken('IMP-1'));
    const second = await importItems(t, [{ id: holder, sku: 'IMP-2', title: 'A', levels: [] }]);
    expect(results(second)).toEqual([expect.objectContaining({ result: 'updated' })]);
    expect((await guards(t)).filter(({ sku }) => String(sku).startsWith('IMP-'))).toEqual([{ sku: 'IMP-2', itemId: holder }]);
    expect((await create(t, { sku: 'IMP-1' })).status).toBe(200);
  });
});

describe('the migration step medusa-item-sku-guards', () => {
  it('guards the SKU of each item stored before the guards, reports a second item with one, and runs again as already done', async () => {
    const t = await seedTenant(medusaCatalog());
    const at = '2026-01-01T00:00:00.000Z';
    const legacy = (id: string, sku: string | null) =>
      catalogItem.inventoryItem({
        id,
        tenantId: t,
        sku,
        title: id,
        description: null,
        requiresShipping: true,
        createdAt: at,
        updatedAt: at,
      });
    const items = [
      legacy('iitem_old_1', 'OLD-1'),
      legacy('iitem_old_2', 'OLD-1'),
      legacy('iitem_old_3', 'OLD-3'),
      legacy('iitem_old_4', null),
    ];
    for (const Item of items) await db.send(new PutCommand({ TableName: table, Item }));
    expect(await itemSkuGuards.migrate(items[0]!)).toBe('migrated');
    await expect(itemSkuGuards.migrate(items[1]!)).rejects.toThrow(
      'inventory item iitem_old_2 has SKU OLD-1, which item iitem_old_1 also has',
    );
    expect(await itemSkuGuards.migrate(items[2]!)).toBe('migrated');
    expect(await itemSkuGuards.migrate(items[3]!)).toBe('already');
    expect(await itemSkuGuards.migrate(items[0]!)).toBe('already');
    expect((await guards(t)).filter(({ sku }) => String(sku).startsWith('OLD-'))).toEqual([
      { sku: 'OLD-1', itemId: 'iitem_old_1' },
      { sku: 'OLD-3', itemId: 'iitem_old_3' },
    ]);
    // Once guarded, the route holds the SKU; the operator gives the reported item another SKU.
    expect((await create(t, { sku: 'OLD-3' })).body).toEqual(taken('OLD-3'));
    expect((await update(t, 'iitem_old_2', { sku: 'OLD-2' })).status).toBe(200);
    expect(await itemSkuGuards.migrate((await itemsOfType(t, 'InventoryItem')).find((item) => item.id === 'iitem_old_2')!)).toBe('already');
  });
});
