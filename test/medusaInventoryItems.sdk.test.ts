import { FetchError } from '@medusajs/js-sdk';
import { describe, expect, it } from 'vitest';
import { medusaSdk } from '#test/support/medusaSdk';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { itemsOfType } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the inventory item, level batch and stock location routes. */
describe('@medusajs/js-sdk against the inventory item, level batch and stock location routes', () => {
  const medusa = medusaSdk(medusaCatalog());

  it('admin.stockLocation.list and retrieve read the catalog’s locations', async () => {
    const page = await medusa.sdk.admin.stockLocation.list({ order: 'name', limit: 1 }, medusa.headers);
    expect(page).toMatchObject({ count: 2, offset: 0, limit: 1, stock_locations: [{ id: 'sloc_east', name: 'East', address: null }] });
    const { stock_location } = await medusa.sdk.admin.stockLocation.retrieve('sloc_west', { fields: 'id,name' }, medusa.headers);
    expect(stock_location).toEqual({ id: 'sloc_west', name: 'West' });
    const missing = await medusa.sdk.admin.stockLocation.retrieve('sloc_nowhere', {}, medusa.headers).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(FetchError);
    expect(missing).toMatchObject({ status: 404, message: 'Stock location with id: sloc_nowhere was not found' });
  });

  it('admin.inventoryItem.list and retrieve read items with their levels', async () => {
    const page = await medusa.sdk.admin.inventoryItem.list({ q: 'cup' }, medusa.headers);
    expect(page).toMatchObject({ count: 1, limit: 20, inventory_items: [{ id: 'iitem_cup', stocked_quantity: 14, reserved_quantity: 2 }] });
    const { inventory_item } = await medusa.sdk.admin.inventoryItem.retrieve('iitem_grinder', {}, medusa.headers);
    expect(inventory_item).toMatchObject({
      id: 'iitem_grinder',
      sku: 'GRND-1',
      location_levels: [{ location_id: 'sloc_east' }, { location_id: 'sloc_west' }],
    });
  });

  it('admin.inventoryItem.create, update and delete write the item and its levels', async () => {
    const { inventory_item: created } = await medusa.sdk.admin.inventoryItem.create(
      { sku: 'JUG-1', title: 'Jug', location_levels: [{ location_id: 'sloc_west', stocked_quantity: 4 }] },
      {},
      medusa.headers,
    );
    expect(created).toMatchObject({
      sku: 'JUG-1',
      stocked_quantity: 4,
      location_levels: [{ location_id: 'sloc_west', stocked_quantity: 4 }],
    });
    const { inventory_item: updated } = await medusa.sdk.admin.inventoryItem.update(created.id, { title: 'Milk jug' }, {}, medusa.headers);
    expect(updated).toMatchObject({ id: created.id, title: 'Milk jug', stocked_quantity: 4 });
    const deleted = await medusa.sdk.admin.inventoryItem.delete(created.id, medusa.headers);
    expect(deleted).toEqual({ id: created.id, object: 'inventory_item', deleted: true });
    expect((await itemsOfType(medusa.tenantId, 'InventoryItem')).map((item) => item.id)).not.toContain(created.id);
    const refused = await medusa.sdk.admin.inventoryItem.delete('iitem_grinder', medusa.headers).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FetchError);
    expect(refused).toMatchObject({
      status: 400,
      message: 'Cannot remove following inventory item(s) since they have reservations: [iitem_grinder].',
    });
  });

  it('admin.inventoryItem.batchUpdateLevels and batchInventoryItemLocationLevels change one item’s levels', async () => {
    const result = await medusa.sdk.admin.inventoryItem.batchUpdateLevels(
      'iitem_empty',
      { create: [{ location_id: 'sloc_west', stocked_quantity: 5 }] },
      {},
      medusa.headers,
    );
    expect(result).toMatchObject({ created: [{ location_id: 'sloc_west', stocked_quantity: 5 }], updated: [], deleted: [] });
    const levelId = (result as { created: { id: string }[] }).created[0]!.id;
    const moved = await medusa.sdk.admin.inventoryItem.batchInventoryItemLocationLevels(
      'iitem_empty',
      { update: [{ location_id: 'sloc_west', stocked_quantity: 0 }] },
      medusa.headers,
    );
    expect(moved).toMatchObject({ updated: [{ location_id: 'sloc_west', stocked_quantity: 0, available_quantity: 0 }] });
    const removed = await medusa.sdk.admin.inventoryItem.batchInventoryItemLocationLevels(
      'iitem_empty',
      { delete: [levelId] },
      medusa.headers,
    );
    expect(removed).toEqual({ created: [], updated: [], deleted: [levelId] });
  });

  it('admin.inventoryItem.batchInventoryItemsLocationLevels changes levels of many items at once', async () => {
    const result = await medusa.sdk.admin.inventoryItem.batchInventoryItemsLocationLevels(
      {
        create: [{ inventory_item_id: 'iitem_over', location_id: 'sloc_west', stocked_quantity: 1 }],
        update: [{ inventory_item_id: 'iitem_cup', location_id: 'sloc_west', stocked_quantity: 6 }],
        delete: [],
      },
      medusa.headers,
    );
    expect(result).toMatchObject({
      created: [{ inventory_item_id: 'iitem_over', location_id: 'sloc_west' }],
      updated: [{ inventory_item_id: 'iitem_cup', stocked_quantity: 6 }],
      deleted: [],
    });
  });
});
