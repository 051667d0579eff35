import { describe, expect, it } from 'vitest';
import { handler } from '#functions/medusa/batchVariantInventoryItems/handler';
import { invoke } from '#test/support/http';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ROUTE_KEY = 'POST /admin/products/{id}/variants/inventory-items/batch';
const LINK_ID = /^pvitem_[0-9A-HJKMNP-TV-Z]{26}$/;

const batch = (tenantId: string, body: unknown, productId = 'prod_kit') =>
  invoke(handler, {
    path: `/admin/products/${productId}/variants/inventory-items/batch`,
    routeKey: ROUTE_KEY,
    pathParameters: { id: productId },
    headers: { authorization: bearer(tokenFor(tenantId)) },
    body,
  });

const links = async (tenantId: string) =>
  Object.fromEntries(
    (await itemsOfType(tenantId, 'VariantInventoryLink')).map((link) => [
      `${link.variantId}/${link.inventoryItemId}`,
      [link.id, link.requiredQuantity],
    ]),
  );

describe('POST /admin/products/{id}/variants/inventory-items/batch', () => {
  it('creates, updates and deletes in one go and answers {created, updated, deleted}', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await batch(tenantId, {
      create: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_cup', required_quantity: 1 }],
      update: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 7 }],
      delete: [{ variant_id: 'variant_pro', inventory_item_id: 'iitem_empty' }],
    });
    expect(reply.status).toBe(200);
    // Medusa 2.21.2 echoes the batch it was given, each entry named by its pair, without link IDs.
    expect(reply.body).toEqual({
      created: [{ product: { variant_id: 'variant_mini' }, inventory: { inventory_item_id: 'iitem_cup' }, data: { required_quantity: 1 } }],
      updated: [{ product: { variant_id: 'variant_std' }, inventory: { inventory_item_id: 'iitem_cup' }, data: { required_quantity: 7 } }],
      deleted: [{ product: { variant_id: 'variant_pro' }, inventory: { inventory_item_id: 'iitem_empty' } }],
    });
    const stored = await links(tenantId);
    expect(stored).toEqual({
      'variant_std/iitem_grinder': ['pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01', 5],
      // An updated link gets a new ID, as in Medusa.
      'variant_std/iitem_cup': [expect.stringMatching(LINK_ID), 7],
      'variant_pro/iitem_grinder': ['pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T03', 1],
      'variant_mini/iitem_cup': [expect.stringMatching(LINK_ID), 1],
    });
    expect(stored['variant_std/iitem_cup']![0]).not.toBe('pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02');
  });

  it('creating a linked pair replaces its link with a new ID, as the single route does', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await batch(tenantId, { create: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 3 }] });
    expect(reply.status).toBe(200);
    const stored = await links(tenantId);
    expect(stored['variant_std/iitem_cup']).toEqual([expect.stringMatching(LINK_ID), 3]);
    expect(stored['variant_std/iitem_cup']![0]).not.toBe('pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02');
  });

  it('answers an empty batch with empty lists, writing nothing', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const before = await tenantItems(tenantId);
    expect((await batch(tenantId, {})).body).toEqual({ created: [], updated: [], deleted: [] });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it.each([
    [
      'an item to link that does not exist',
      { create: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_missing', required_quantity: 1 }] },
      'Inventory item with id: iitem_missing was not found',
    ],
    [
      'a variant not under the product',
      { create: [{ variant_id: 'variant_other', inventory_item_id: 'iitem_cup', required_quantity: 1 }] },
      'Product variant with id: variant_other was not found',
    ],
    [
      'a link to update that does not exist',
      { update: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_cup', required_quantity: 1 }] },
      'Could not find all existing links from data',
    ],
    [
      'a link to update of a variant not under the product',
      { update: [{ variant_id: 'variant_other', inventory_item_id: 'iitem_cup', required_quantity: 1 }] },
      'Could not find all existing links from data',
    ],
    [
      'a link updated twice (Medusa looks its links up as a set)',
      {
        update: [
          { variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 1 },
          { variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 2 },
        ],
      },
      'Could not find all existing links from data',
    ],
  ])('404 for %s: nothing of the batch is written', async (_, body, message) => {
    const tenantId = await seedTenant(medusaCatalog());
    const before = await tenantItems(tenantId);
    const reply = await batch(tenantId, {
      ...body,
      update: [
        ...((body as { update?: unknown[] }).update ?? []),
        { variant_id: 'variant_std', inventory_item_id: 'iitem_grinder', required_quantity: 9 },
      ],
    });
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ type: 'not_found', message });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  // Medusa 2.21.2 dismisses a pair that is not linked (or named twice) without complaint.
  it('200 for links to delete that do not exist, or twice: each is echoed, only the linked pair is removed', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const pair = { variant_id: 'variant_pro', inventory_item_id: 'iitem_empty' };
    const unlinked = [
      { variant_id: 'variant_mini', inventory_item_id: 'iitem_cup' },
      { variant_id: 'variant_missing', inventory_item_id: 'iitem_cup' },
    ];
    const reply = await batch(tenantId, { delete: [pair, pair, ...unlinked] });
    expect(reply.status).toBe(200);
    const echo = (entry: { variant_id: string; inventory_item_id: string }) => ({
      product: { variant_id: entry.variant_id },
      inventory: { inventory_item_id: entry.inventory_item_id },
    });
    expect(reply.body).toEqual({ created: [], updated: [], deleted: [pair, pair, ...unlinked].map(echo) });
    expect(Object.keys(await links(tenantId)).sort()).toEqual([
      'variant_pro/iitem_grinder',
      'variant_std/iitem_cup',
      'variant_std/iitem_grinder',
    ]);
  });

  it('a link updated and deleted in one batch is deleted, as in Medusa', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const pair = { variant_id: 'variant_std', inventory_item_id: 'iitem_cup' };
    const reply = await batch(tenantId, { update: [{ ...pair, required_quantity: 2 }], delete: [pair] });
    expect(reply.status).toBe(200);
    expect(await links(tenantId)).not.toHaveProperty('variant_std/iitem_cup');
  });

  it('404 for a product that does not exist', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await batch(tenantId, { delete: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup' }] }, 'prod_missing');
    expect(reply.status).toBe(404);
    expect(reply.body.message).toBe('Product with id: prod_missing was not found');
  });

  it.each([
    [
      { create: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_cup' }] },
      "Invalid request: Field 'create, 0, required_quantity' is required",
    ],
    // Medusa 2.21.2 calls a value of the wrong type below an array missing.
    [
      { create: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_cup', required_quantity: 'two' }] },
      "Invalid request: Field 'create, 0, required_quantity' is required",
    ],
    [{ delete: [{ variant_id: 5, inventory_item_id: 'iitem_cup' }] }, "Invalid request: Field 'delete, 0, variant_id' is required"],
    [
      { update: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 0 }] },
      "Invalid request: Value for field 'update, 0, required_quantity' too small, expected at least: '1'",
    ],
    [
      { delete: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 1 }] },
      "Invalid request: Unrecognized fields: 'required_quantity'",
    ],
    [{ create: 'all' }, "Invalid request: Expected type: 'array' for field 'create', got: 'all'"],
    [{ create: { toString: false } }, "Invalid request: Expected type: 'array' for field 'create', got: '[object Object]'"],
    [{ upsert: [] }, "Invalid request: Unrecognized fields: 'upsert'"],
  ])('400 for %j', async (body, message) => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await batch(tenantId, body);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ type: 'invalid_data', message });
  });

  // Medusa 2.21.2 answers 500 here; we refuse it in its envelope (docs/medusa.md lists it as deliberate).
  it('holds the identity rule: a created pair may not appear again in the batch', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const before = await tenantItems(tenantId);
    const reply = await batch(tenantId, {
      create: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 1 }],
      delete: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup' }],
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({
      type: 'invalid_data',
      message: 'The link of variant variant_std and inventory item iitem_cup appears more than once in the batch',
    });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('refuses more than 30 links in one batch', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const create = Array.from({ length: 16 }, (_, i) => ({
      variant_id: `variant_${i}`,
      inventory_item_id: 'iitem_cup',
      required_quantity: 1,
    }));
    const remove = Array.from({ length: 15 }, (_, i) => ({ variant_id: `variant_${i}`, inventory_item_id: 'iitem_grinder' }));
    const reply = await batch(tenantId, { create, delete: remove });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('A batch may hold at most 30 links; this one holds 31');
  });
});
