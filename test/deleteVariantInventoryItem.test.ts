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
  it('removes the link and answers as Medusa does: {id, object, deleted, parent}', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await remove(tenantId);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02',
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
        { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01', variant_id: 'variant_std', inventory_item_id: 'iitem_grinder', required_quantity: 5 },
      ],
    });
  });

  it('answers a second delete of the same link with 404 (Medusa answers 200), writing nothing', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    expect((await remove(tenantId)).status).toBe(200);
    const before = await tenantItems(tenantId);
    const again = await remove(tenantId);
    expect(again.status).toBe(404);
    expect(again.body).toEqual({ type: 'not_found', message: 'Could not find all existing links from data' });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('lets exactly one of 20 concurrent deletes succeed', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const replies = await Promise.all(Array.from({ length: 20 }, () => remove(tenantId)));
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 404)).toHaveLength(19);
  });

  it('404 for a missing variant; 403 without the write scope; 401 without a token', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const missing = await remove(tenantId, { variantId: 'variant_missing' });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Product variant with id: variant_missing was not found');
    expect((await remove(tenantId, { token: tokenFor(tenantId, { scope: 'inventory/read', roles: [] }) })).status).toBe(403);
    expect(await itemsOfType(tenantId, 'VariantInventoryLink')).toHaveLength(4);
  });
});
