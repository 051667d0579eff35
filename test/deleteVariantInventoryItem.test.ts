import { describe, expect, it } from 'vitest';
import { handler } from '#functions/medusa/deleteVariantInventoryItem/handler';
import { invoke } from '#test/support/http';
import { DEFAULT_VARIANT_KEYS, medusaCatalog } from '#test/support/medusaCatalog';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ROUTE_KEY = 'DELETE /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}';

const remove = (tenantId: string, options: { variantId?: string; itemId?: string; query?: string; token?: string } = {}) => {
  const { variantId = 'variant_std', itemId = 'iitem_cup' } = options;
  return invoke(handler, {
    path: `/admin/products/prod_kit/variants/${variantId}/inventory-items/${itemId}`,
    routeKey: ROUTE_KEY,
    pathParameters: { id: 'prod_kit', variant_id: variantId, inventory_item_id: itemId },
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: { authorization: bearer(options.token ?? tokenFor(tenantId)) },
  });
};

describe('DELETE /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}', () => {
  // Medusa 2.21.2 names the removed link by its pair, not by its pvitem_ ID.
  it('removes the link and answers as Medusa does: {id, object, deleted, parent}', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await remove(tenantId);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: { product: { variant_id: 'variant_std' }, inventory: { inventory_item_id: 'iitem_cup' } },
      object: 'variant-inventory-item-link',
      deleted: true,
      parent: { id: 'variant_std', title: 'Standard' },
    });
    expect(Object.keys(reply.body)).toEqual(['id', 'object', 'deleted', 'parent']);
    expect(Object.keys(reply.body.parent)).toEqual(DEFAULT_VARIANT_KEYS);
    const links = await itemsOfType(tenantId, 'VariantInventoryLink');
    expect(links.map((link) => link.id).sort()).toEqual([
      'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01',
      'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T03',
      'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T04',
    ]);
  });

  it("shows the parent's remaining links when fields ask", async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await remove(tenantId, { query: 'fields=id,*inventory_items' });
    expect(reply.body.parent).toEqual({
      id: 'variant_std',
      inventory_items: [
        {
          id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01',
          variant_id: 'variant_std',
          inventory_item_id: 'iitem_grinder',
          required_quantity: 5,
          created_at: expect.any(String),
          updated_at: expect.any(String),
          deleted_at: null,
        },
      ],
    });
  });

  // Medusa 2.21.2 dismisses a link that is not there without complaint: 200, the same answer.
  it('answers a second delete of the same link with 200 as Medusa does, writing nothing', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const first = await remove(tenantId);
    expect(first.status).toBe(200);
    const before = await tenantItems(tenantId);
    const again = await remove(tenantId);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('20 concurrent deletes all answer 200 and leave the link removed once', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const replies = await Promise.all(Array.from({ length: 20 }, () => remove(tenantId)));
    expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
    expect(await itemsOfType(tenantId, 'VariantInventoryLink')).toHaveLength(3);
  });

  it('200 without parent for a missing variant, as Medusa; 403 without the write scope', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const missing = await remove(tenantId, { variantId: 'variant_missing' });
    expect(missing.status).toBe(200);
    expect(missing.body).toEqual({
      id: { product: { variant_id: 'variant_missing' }, inventory: { inventory_item_id: 'iitem_cup' } },
      object: 'variant-inventory-item-link',
      deleted: true,
    });
    expect((await remove(tenantId, { token: tokenFor(tenantId, { scope: 'inventory/read', roles: [] }) })).status).toBe(403);
    expect(await itemsOfType(tenantId, 'VariantInventoryLink')).toHaveLength(4);
  });
});
