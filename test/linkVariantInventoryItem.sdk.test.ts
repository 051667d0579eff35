import { FetchError } from '@medusajs/js-sdk';
import { describe, expect, it } from 'vitest';
import { medusaSdk } from '#test/support/medusaSdk';
import { itemsOfType, tenantItems } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the real handler. */
describe('@medusajs/js-sdk against POST /admin/products/{id}/variants/{variant_id}/inventory-items', () => {
  const medusa = medusaSdk({
    name: 'SDK store',
    locations: [{ id: 'sloc_1', name: 'One' }],
    products: [{ id: 'prod_sdk', name: 'Kit', type: 'VARIABLE', variants: [{ id: 'variant_sdk', name: 'Default', sku: 'SDK-1' }] }],
    inventoryItems: [{ id: 'iitem_sdk', title: 'Part', levels: [{ locationId: 'sloc_1', stocked: 10, reserved: 1 }] }],
  });

  const link = <T>(body: Record<string, unknown>, query?: Record<string, string>) =>
    medusa.sdk.client.fetch<T>('/admin/products/prod_sdk/variants/variant_sdk/inventory-items', {
      method: 'POST',
      body,
      headers: medusa.headers,
      ...(query ? { query } : {}),
    });

  it("links an item and reads the variant back in Medusa's defaults, or as fields shape it", async () => {
    const { variant } = await link<{ variant: Record<string, unknown> }>({ inventory_item_id: 'iitem_sdk', required_quantity: 2 });
    expect(variant).toMatchObject({ id: 'variant_sdk', title: 'Default', sku: 'SDK-1', prices: [], options: [] });
    expect(variant).not.toHaveProperty('inventory_items');
    expect(variant).not.toHaveProperty('inventory_quantity');

    // The SDK encodes query objects with qs: `+` arrives as %2B.
    type Shaped = {
      variant: {
        id: string;
        title: string;
        inventory_items: { id: string; required_quantity: number; inventory: { location_levels: { available_quantity: number }[] } }[];
      };
    };
    const shaped = await link<Shaped>(
      { inventory_item_id: 'iitem_sdk', required_quantity: 3 },
      { fields: 'title,*inventory_items,*inventory_items.inventory.location_levels' },
    );
    expect(shaped.variant.inventory_items).toEqual([
      expect.objectContaining({ id: expect.stringMatching(/^pvitem_/), required_quantity: 3 }),
    ]);
    expect(shaped.variant.inventory_items[0]!.inventory.location_levels[0]!.available_quantity).toBe(9);
    const [stored] = await itemsOfType(medusa.tenantId, 'VariantInventoryLink');
    expect(stored).toMatchObject({ id: shaped.variant.inventory_items[0]!.id, requiredQuantity: 3 });
  });

  it("throws FetchError with status 404 and Medusa's message for a missing item, writing nothing", async () => {
    const before = await tenantItems(medusa.tenantId);
    const failure = await link({ inventory_item_id: 'iitem_missing', required_quantity: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchError);
    expect(failure).toMatchObject({ status: 404, statusText: 'Not Found', message: 'Inventory item with id: iitem_missing was not found' });
    expect(await tenantItems(medusa.tenantId)).toEqual(before);
  });

  it('throws FetchError 400 with the validation message, and 401 without a token', async () => {
    await expect(link({ inventory_item_id: 'iitem_sdk' })).rejects.toMatchObject({
      status: 400,
      message: "Invalid request: Field 'required_quantity' is required",
    });
    const anonymous = medusa.sdk.client.fetch('/admin/products/prod_sdk/variants/variant_sdk/inventory-items', {
      method: 'POST',
      body: { inventory_item_id: 'iitem_sdk', required_quantity: 1 },
    });
    await expect(anonymous).rejects.toMatchObject({ status: 401, message: 'Unauthorized' });
  });
});
