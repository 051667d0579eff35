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
    expect(reply.body).toEqual({
      created: [{ id: expect.stringMatching(LINK_ID), variant_id: 'variant_mini', inventory_item_id: 'iitem_cup', required_quantity: 1 }],
      updated: [
        { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02', variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 7 },
      ],
      deleted: [
        { id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T04', variant_id: 'variant_pro', inventory_item_id: 'iitem_empty', required_quantity: 1 },
      ],
    });
    expect(await links(tenantId)).toEqual({
      'variant_std/iitem_grinder': ['pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01', 5],
      'variant_std/iitem_cup': ['pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02', 7],
      'variant_pro/iitem_grinder': ['pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T03', 1],
      'variant_mini/iitem_cup': [reply.body.created[0].id, 1],
    });
  });

  it('creating a linked pair replaces its link with a new ID, as the single route does', async () => {
    const tenantId = await seedTenant(medusaCatalog());
    const reply = await batch(tenantId, { create: [{ variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 3 }] });
    expect(reply.status).toBe(200);
    const stored = await links(tenantId);
    expect(stored['variant_std/iitem_cup']).toEqual([reply.body.created[0].id, 3]);
    expect(reply.body.created[0].id).not.toBe('pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02');
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
      'a link to delete that does not exist',
      { delete: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_cup' }] },
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

  it('holds the identity rule: a pair may appear once per batch', async () => {
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
