import Medusa, { FetchError } from '@medusajs/js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '#test/support/localApi';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the real handler. */
describe('@medusajs/js-sdk against POST /admin/products/{id}/variants/{variant_id}/inventory-items', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  let sdk: Medusa;
  let tenantId: string;
  beforeAll(async () => {
    api = await startLocalApi();
    sdk = new Medusa({ baseUrl: api.baseUrl, auth: { type: 'jwt' } });
    tenantId = await seedTenant({
      name: 'SDK store',
      locations: [{ id: 'sloc_1', name: 'One' }],
      products: [{ id: 'prod_sdk', name: 'Kit', type: 'VARIABLE', variants: [{ id: 'variant_sdk', name: 'Default', sku: 'SDK-1' }] }],
      inventoryItems: [{ id: 'iitem_sdk', title: 'Part', levels: [{ locationId: 'sloc_1', stocked: 10, reserved: 1 }] }],
    });
  });
  afterAll(() => api.close());

  const link = <T>(body: Record<string, unknown>, query?: Record<string, string>) =>
    sdk.client.fetch<T>('/admin/products/prod_sdk/variants/variant_sdk/inventory-items', {
      method: 'POST',
      body,
      headers: { authorization: bearer(tokenFor(tenantId)) },
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
    const [stored] = await itemsOfType(tenantId, 'VariantInventoryLink');
    expect(stored).toMatchObject({ id: shaped.variant.inventory_items[0]!.id, requiredQuantity: 3 });
  });

  it("throws FetchError with status 404 and Medusa's message for a missing item, writing nothing", async () => {
    const before = await tenantItems(tenantId);
    const failure = await link({ inventory_item_id: 'iitem_missing', required_quantity: 1 }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchError);
    expect(failure).toMatchObject({ status: 404, statusText: 'Not Found', message: 'Inventory item with id: iitem_missing was not found' });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('throws FetchError 400 with the validation message, and 401 without a token', async () => {
    await expect(link({ inventory_item_id: 'iitem_sdk' })).rejects.toMatchObject({
      status: 400,
      message: "Invalid request: Field 'required_quantity' is required",
    });
    const anonymous = sdk.client.fetch('/admin/products/prod_sdk/variants/variant_sdk/inventory-items', {
      method: 'POST',
      body: { inventory_item_id: 'iitem_sdk', required_quantity: 1 },
    });
    await expect(anonymous).rejects.toMatchObject({ status: 401, message: 'Unauthorized' });
  });
});
