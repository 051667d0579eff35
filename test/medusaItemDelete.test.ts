import { describe, expect, it } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as deleteVariant } from '#functions/dayzero/deleteVariant/handler';
import { handler as updateVariant } from '#functions/dayzero/updateVariant/handler';
import { handler as batchHandler } from '#functions/medusa/batchVariantInventoryItems/handler';
import { handler as deleteItemHandler } from '#functions/medusa/deleteInventoryItem/handler';
import { handler as unlinkHandler } from '#functions/medusa/deleteVariantInventoryItem/handler';
import { handler as getVariantHandler } from '#functions/medusa/getProductVariant/handler';
import { handler as linkHandler } from '#functions/medusa/linkVariantInventoryItem/handler';
import { handler as updateLinkHandler } from '#functions/medusa/updateVariantInventoryItem/handler';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { bearer, seedTenant, tenantItems, tokenFor, uniqueId } from '#test/support/tenants';

/**
 * An inventory item's delete removes the variants' links to it, as Medusa 2.21.2 does (checked:
 * `{id, object: "inventory_item", deleted: true}`, then the variant reads `inventory_items: []`). It
 * finds them by their copies in its partition, which every link writer keeps in the link's transaction.
 */

type Item = Record<string, unknown>;
const headers = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

const deleteItem = (tenantId: string, id: string) =>
  invoke(deleteItemHandler, {
    path: `/admin/inventory-items/${id}`,
    routeKey: 'DELETE /admin/inventory-items/{id}',
    pathParameters: { id },
    headers: headers(tenantId),
  });

const link = (tenantId: string, productId: string, variantId: string, itemId: string, quantity = 1) =>
  invoke(linkHandler, {
    path: `/admin/products/${productId}/variants/${variantId}/inventory-items`,
    routeKey: 'POST /admin/products/{id}/variants/{variant_id}/inventory-items',
    pathParameters: { id: productId, variant_id: variantId },
    headers: headers(tenantId),
    body: { inventory_item_id: itemId, required_quantity: quantity },
  });

const readLinks = async (tenantId: string, productId: string, variantId: string) => {
  const reply = await invoke(getVariantHandler, {
    path: `/admin/products/${productId}/variants/${variantId}`,
    routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
    pathParameters: { id: productId, variant_id: variantId },
    query: 'fields=id,*inventory_items',
    headers: headers(tenantId),
  });
  expect(reply.status).toBe(200);
  return (reply.body as { variant: { inventory_items: { inventory_item_id: string }[] } }).variant.inventory_items;
};

const pair = (item: Item) => [item.inventoryItemId, item.productId, item.variantId].join('|');

/** Every link of the tenant has its copy in its item's partition, and every copy its link. Answers the links. */
async function expectCopiesExact(tenantId: string): Promise<Item[]> {
  const items = await tenantItems(tenantId);
  const links = items.filter((item) => item.type === 'VariantInventoryLink');
  const copies = items.filter((item) => item.type === 'ItemLinkCopy');
  expect(copies.map(pair).sort()).toEqual(links.map(pair).sort());
  for (const copy of copies) {
    expect(String(copy.pk)).toBe(`TENANT#${tenantId}#INVITEM#${String(copy.inventoryItemId)}`);
    expect(copy.sk).toBe(`LINK#${String(copy.productId)}#${String(copy.variantId)}`);
  }
  return links;
}

describe('DELETE /admin/inventory-items/{id} and the variants linked to the item', () => {
  it('removes the links with their copies; the variant then reads without the item', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    expect(await expectCopiesExact(tenantId)).toHaveLength(4);
    // iitem_empty is linked from variant_pro; link it from variant_mini too.
    expect((await link(tenantId, 'prod_kit', 'variant_mini', 'iitem_empty')).status).toBe(200);
    const reply = await deleteItem(tenantId, 'iitem_empty');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id: 'iitem_empty', object: 'inventory_item', deleted: true });
    expect((await readLinks(tenantId, 'prod_kit', 'variant_pro')).map((linked) => linked.inventory_item_id)).toEqual(['iitem_grinder']);
    expect(await readLinks(tenantId, 'prod_kit', 'variant_mini')).toEqual([]);
    const left = await tenantItems(tenantId);
    expect(left.filter((item) => item.inventoryItemId === 'iitem_empty' || item.id === 'iitem_empty')).toEqual([]);
    expect(await expectCopiesExact(tenantId)).toHaveLength(3);
    // A second delete answers the same.
    expect((await deleteItem(tenantId, 'iitem_empty')).body).toEqual({ id: 'iitem_empty', object: 'inventory_item', deleted: true });
  });

  it('never leaves a link made while it runs: the item stays with its links, or goes with all of them', async () => {
    const variants = Array.from({ length: 20 }, (_, i) => ({ id: `variant_${i}`, name: `Variant ${i}` }));
    for (let round = 0; round < 3; round++) {
      const tenantId = await seedTenant({
        name: 'Racing links',
        locations: [{ id: 'sloc_east', name: 'East' }],
        products: [{ id: 'prod_race', name: 'Race', type: 'VARIABLE' as const, variants }],
        inventoryItems: [{ id: 'iitem_race', title: 'Raced' }],
      });
      const [deleted, ...linked] = await Promise.all([
        // Started after a few of the links, so that some land before its read and some after.
        new Promise((resolve) => setTimeout(resolve, 5 * round)).then(() => deleteItem(tenantId, 'iitem_race')),
        ...variants.map((variant) => link(tenantId, 'prod_race', variant.id, 'iitem_race')),
      ]);
      for (const reply of linked) expect([200, 404]).toContain(reply.status);
      const items = await tenantItems(tenantId);
      const links = await expectCopiesExact(tenantId);
      const item = items.find((entry) => entry.type === 'InventoryItem' && entry.id === 'iitem_race');
      if (item) {
        // The delete gave up on a link made after its read (409); every link made stays.
        expect(deleted!.status).toBe(409);
        expect(links).toHaveLength(linked.filter((reply) => reply.status === 200).length);
      } else {
        expect(deleted!.status).toBe(200);
        expect(links).toEqual([]);
      }
    }
    // Three rounds of 21 racing writes, each retried while the others move: more than one request's time under load.
  }, 90_000);
});

describe('the copies of the links, kept by every link writer', () => {
  it('the link routes: create, update, delete and batch', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    expect((await link(tenantId, 'prod_kit', 'variant_mini', 'iitem_cup', 3)).status).toBe(200);
    expect((await link(tenantId, 'prod_kit', 'variant_mini', 'iitem_cup', 4)).status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toHaveLength(5);
    const updated = await invoke(updateLinkHandler, {
      path: '/admin/products/prod_kit/variants/variant_mini/inventory-items/iitem_cup',
      routeKey: 'POST /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}',
      pathParameters: { id: 'prod_kit', variant_id: 'variant_mini', inventory_item_id: 'iitem_cup' },
      headers: headers(tenantId),
      body: { required_quantity: 6 },
    });
    expect(updated.status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toHaveLength(5);
    const unlinked = await invoke(unlinkHandler, {
      path: '/admin/products/prod_kit/variants/variant_mini/inventory-items/iitem_cup',
      routeKey: 'DELETE /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}',
      pathParameters: { id: 'prod_kit', variant_id: 'variant_mini', inventory_item_id: 'iitem_cup' },
      headers: headers(tenantId),
    });
    expect(unlinked.status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toHaveLength(4);
    const batched = await invoke(batchHandler, {
      path: '/admin/products/prod_kit/variants/inventory-items/batch',
      routeKey: 'POST /admin/products/{id}/variants/inventory-items/batch',
      pathParameters: { id: 'prod_kit' },
      headers: headers(tenantId),
      body: {
        create: [
          { variant_id: 'variant_mini', inventory_item_id: 'iitem_cup', required_quantity: 1 },
          { variant_id: 'variant_mini', inventory_item_id: 'iitem_over', required_quantity: 1 },
        ],
        update: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 7 }],
        delete: [{ variant_id: 'variant_pro', inventory_item_id: 'iitem_empty' }],
      },
    });
    expect(batched.status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toHaveLength(5);
  });

  it('the catalog import, into a new tenant and over the links it stored', async () => {
    const tenantId = uniqueId('links');
    const importing = (document: ReturnType<typeof medusaCatalog>) =>
      invoke(importHandler, {
        path: '/admin/catalog',
        routeKey: 'PUT /admin/catalog',
        headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
        body: { tenants: [{ id: tenantId, ...document }] },
      });
    const imported = await importing(medusaCatalog());
    expect(imported.status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toHaveLength(4);
    const document = medusaCatalog();
    const mini = document.products[0]!.variants.find((variant) => variant.id === 'variant_mini')!;
    Object.assign(mini, {
      inventoryLinks: [{ id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T09', inventoryItemId: 'iitem_cup', requiredQuantity: 2 }],
    });
    expect((await importing(document)).status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toHaveLength(5);
  });

  it('a first stock’s own link, a variant’s move to another product and its permanent delete', async () => {
    const tenantId = await seedTenant({
      name: 'DayZero business',
      defaultLocationId: 'loc_main',
      locations: [{ id: 'loc_main', name: 'Main' }],
      products: [
        { id: 'prod_coffee', name: 'House Blend', type: 'VARIABLE' as const },
        { id: 'prod_tea', name: 'Tea', type: 'VARIABLE' as const },
      ],
      inventoryItems: [{ id: 'iitem_bag', title: 'Bag' }],
    });
    const dayZero = { ...headers(tenantId), 'x-business-id': tenantId };
    const created = await invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: dayZero,
      body: { product_id: 'prod_coffee', name: 'Moving', sku: 'MOVE-1' },
    });
    expect(created.status).toBe(201);
    const id = (created.body as { id: string }).id;
    expect(await expectCopiesExact(tenantId)).toHaveLength(1);
    // A kit's component too: it moves with the variant.
    expect((await link(tenantId, 'prod_coffee', id, 'iitem_bag')).status).toBe(200);
    const moved = await invoke(updateVariant, {
      path: `/api/v1/inventory/products/variants/${id}`,
      routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
      pathParameters: { id },
      headers: dayZero,
      body: { product_id: 'prod_tea' },
    });
    expect(moved.status).toBe(200);
    const links = await expectCopiesExact(tenantId);
    expect(links.map((entry) => entry.productId)).toEqual(['prod_tea', 'prod_tea']);
    // The component's link goes first (a permanent delete is refused while one names the variant).
    const unlinked = await invoke(unlinkHandler, {
      path: `/admin/products/prod_tea/variants/${id}/inventory-items/iitem_bag`,
      routeKey: 'DELETE /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}',
      pathParameters: { id: 'prod_tea', variant_id: id, inventory_item_id: 'iitem_bag' },
      headers: headers(tenantId),
    });
    expect(unlinked.status).toBe(200);
    const removed = await invoke(deleteVariant, {
      path: `/api/v1/inventory/products/variants/${id}`,
      routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
      pathParameters: { id },
      query: 'permanent=true',
      headers: dayZero,
    });
    expect(removed.status).toBe(200);
    expect(await expectCopiesExact(tenantId)).toEqual([]);
    // The component item, linked no more, is deleted alone.
    expect((await deleteItem(tenantId, 'iitem_bag')).status).toBe(200);
  });
});
