import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/medusa/updateVariantInventoryItem/handler';
import { invoke } from '#test/support/http';
import { DEFAULT_VARIANT_KEYS, medusaCatalog } from '#test/support/medusaCatalog';
import { expectEachOrRetryLater } from '#test/support/races';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ROUTE_KEY = 'POST /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}';

const update = (tenantId: string, body: unknown, options: { variantId?: string; itemId?: string; query?: string; token?: string } = {}) => {
  const { variantId = 'variant_std', itemId = 'iitem_cup' } = options;
  return invoke(handler, {
    path: `/admin/products/prod_kit/variants/${variantId}/inventory-items/${itemId}`,
    routeKey: ROUTE_KEY,
    pathParameters: { id: 'prod_kit', variant_id: variantId, inventory_item_id: itemId },
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: { authorization: bearer(options.token ?? tokenFor(tenantId)) },
    body,
  });
};

describe('POST /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(medusaCatalog());
  });

  // Medusa 2.21.2 writes the link anew on update: a new pvitem_ ID, its created_at and updated_at kept.
  it("sets required_quantity on the link, which gets a new ID as in Medusa; answers the variant in Medusa's defaults", async () => {
    const [before] = (await itemsOfType(tenantId, 'VariantInventoryLink')).filter(
      (link) => link.sk === 'VARIANT#variant_std#INVLINK#iitem_cup',
    );
    const reply = await update(tenantId, { required_quantity: 3 });
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.variant)).toEqual(DEFAULT_VARIANT_KEYS);
    const [after] = (await itemsOfType(tenantId, 'VariantInventoryLink')).filter((link) => link.sk === before!.sk);
    expect(after).toEqual({ ...before, requiredQuantity: 3, id: expect.stringMatching(/^pvitem_[0-9A-Z]{26}$/) });
    expect(after!.id).not.toBe(before!.id);
  });

  it('shows the links as the write left them when fields ask', async () => {
    const reply = await update(tenantId, { required_quantity: 4 }, { query: 'fields=id,*inventory_items' });
    expect(reply.body.variant.inventory_items).toContainEqual(
      expect.objectContaining({ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 4 }),
    );
  });

  it.each([
    ['a pair that is not linked', { variantId: 'variant_mini' }, 'Could not find all existing links from data'],
    ['a missing item', { itemId: 'iitem_missing' }, 'Could not find all existing links from data'],
    ['a missing variant', { variantId: 'variant_missing' }, 'Could not find all existing links from data'],
  ])('404 for %s, writing nothing', async (_, options, message) => {
    const before = await tenantItems(tenantId);
    const reply = await update(tenantId, { required_quantity: 2 }, options);
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ type: 'not_found', message });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it.each([
    [{}, "Invalid request: Field 'required_quantity' is required"],
    [{ required_quantity: '2' }, "Invalid request: Expected type: 'number' for field 'required_quantity', got: '2'"],
    [{ required_quantity: 0 }, "Invalid request: Value for field 'required_quantity' too small, expected at least: '1'"],
    [{ required_quantity: 2, inventory_item_id: 'iitem_cup' }, "Invalid request: Unrecognized fields: 'inventory_item_id'"],
  ])('400 for %j, writing nothing', async (body, message) => {
    const before = await tenantItems(tenantId);
    const reply = await update(tenantId, body);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ type: 'invalid_data', message });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('403 without the write scope', async () => {
    const reply = await update(tenantId, { required_quantity: 2 }, { token: tokenFor(tenantId, { scope: 'inventory/read', roles: [] }) });
    expect(reply.status).toBe(403);
  });

  it('ends with one of the posted quantities after 30 concurrent updates, the link keeping its created_at', async () => {
    const own = await seedTenant(medusaCatalog());
    const quantities = Array.from({ length: 30 }, (_, i) => i + 1);
    const [before] = (await itemsOfType(own, 'VariantInventoryLink')).filter((entry) => entry.inventoryItemId === 'iitem_cup');
    const replies = await Promise.all(quantities.map((quantity) => update(own, { required_quantity: quantity })));
    expectEachOrRetryLater(replies, [200]);
    const [link] = (await itemsOfType(own, 'VariantInventoryLink')).filter((entry) => entry.inventoryItemId === 'iitem_cup');
    expect(link!.createdAt).toBe(before!.createdAt);
    expect(quantities).toContain(link!.requiredQuantity);
  });
});
