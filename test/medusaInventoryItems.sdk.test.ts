import Medusa, { FetchError } from '@medusajs/js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '#test/support/localApi';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { bearer, itemsOfType, seedTenant, tokenFor } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the inventory item, level batch and stock location routes. */
describe('@medusajs/js-sdk against the inventory item, level batch and stock location routes', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  let sdk: Medusa;
  let tenantId: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    api = await startLocalApi();
    sdk = new Medusa({ baseUrl: api.baseUrl, auth: { type: 'jwt' } });
    tenantId = await seedTenant(medusaCatalog());
    headers = { authorization: bearer(tokenFor(tenantId)) };
  });
  afterAll(() => api.close());

  it('admin.stockLocation.list and retrieve read the catalog’s locations', async () => {
    const page = await sdk.admin.stockLocation.list({ order: 'name', limit: 1 }, headers);
    expect(page).toMatchObject({ count: 2, offset: 0, limit: 1, stock_locations: [{ id: 'sloc_east', name: 'East', address: null }] });
    const { stock_location } = await sdk.admin.stockLocation.retrieve('sloc_west', { fields: 'id,name' }, headers);
    expect(stock_location).toEqual({ id: 'sloc_west', name: 'West' });
    const missing = await sdk.admin.stockLocation.retrieve('sloc_nowhere', {}, headers).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(FetchError);
    expect(missing).toMatchObject({ status: 404, message: 'Stock location with id: sloc_nowhere was not found' });
  });

  it('admin.inventoryItem.list and retrieve read items with their levels', async () => {
    const page = await sdk.admin.inventoryItem.list({ q: 'cup' }, headers);
    expect(page).toMatchObject({ count: 1, limit: 20, inventory_items: [{ id: 'iitem_cup', stocked_quantity: 14, reserved_quantity: 2 }] });
    const { inventory_item } = await sdk.admin.inventoryItem.retrieve('iitem_grinder', {}, headers);
    expect(inventory_item).toMatchObject({
      id: 'iitem_grinder',
      sku: 'GRND-1',
      location_levels: [{ location_id: 'sloc_east' }, { location_id: 'sloc_west' }],
    });
  });

  it('admin.inventoryItem.create, update and delete write the item and its levels', async () => {
    const { inventory_item: created } = await sdk.admin.inventoryItem.create(
      { sku: 'JUG-1', title: 'Jug', location_levels: [{ location_id: 'sloc_west', stocked_quantity: 4 }] },
      {},
      headers,
    );
    expect(created).toMatchObject({
      sku: 'JUG-1',
      stocked_quantity: 4,
      location_levels: [{ location_id: 'sloc_west', stocked_quantity: 4 }],
    });
    const { inventory_item: updated } = await sdk.admin.inventoryItem.update(created.id, { title: 'Milk jug' }, {}, headers);
    expect(updated).toMatchObject({ id: created.id, title: 'Milk jug', stocked_quantity: 4 });
    const deleted = await sdk.admin.inventoryItem.delete(created.id, headers);
    expect(deleted).toEqual({ id: created.id, object: 'inventory_item', deleted: true });
    expect((await itemsOfType(tenantId, 'InventoryItem')).map((item) => item.id)).not.toContain(created.id);
    const refused = await sdk.admin.inventoryItem.delete('iitem_grinder', headers).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FetchError);
    expect(refused).toMatchObject({
      status: 400,
      message: 'Cannot remove following inventory item(s) since they have reservations: [iitem_grinder].',
    });
  });

  it('admin.inventoryItem.batchUpdateLevels and batchInventoryItemLocationLevels change one item’s levels', async () => {
    const result = await sdk.admin.inventoryItem.batchUpdateLevels(
      'iitem_empty',
      { create: [{ location_id: 'sloc_west', stocked_quantity: 5 }] },
      {},
      headers,
    );
    expect(result).toMatchObject({ created: [{ location_id: 'sloc_west', stocked_quantity: 5 }], updated: [], deleted: [] });
    const levelId = (result as { created: { id: string }[] }).created[0]!.id;
    const moved = await sdk.admin.inventoryItem.batchInventoryItemLocationLevels(
      'iitem_empty',
      { update: [{ location_id: 'sloc_west', stocked_quantity: 0 }] },
      headers,
    );
    expect(moved).toMatchObject({ updated: [{ location_id: 'sloc_west', stocked_quantity: 0, available_quantity: 0 }] });
    const removed = await sdk.admin.inventoryItem.batchInventoryItemLocationLevels('iitem_empty', { delete: [levelId] }, headers);
    expect(removed).toEqual({ created: [], updated: [], deleted: [levelId] });
  });

  it('admin.inventoryItem.batchInventoryItemsLocationLevels changes levels of many items at once', async () => {
    const result = await sdk.admin.inventoryItem.batchInventoryItemsLocationLevels(
      {
        create: [{ inventory_item_id: 'iitem_over', location_id: 'sloc_west', stocked_quantity: 1 }],
        update: [{ inventory_item_id: 'iitem_cup', location_id: 'sloc_west', stocked_quantity: 6 }],
        delete: [],
      },
      headers,
    );
    expect(result).toMatchObject({
      created: [{ inventory_item_id: 'iitem_over', location_id: 'sloc_west' }],
      updated: [{ inventory_item_id: 'iitem_cup', stocked_quantity: 6 }],
      deleted: [],
    });
  });
});
