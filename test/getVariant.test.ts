import { beforeAll, describe, expect, it } from 'vitest';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler } from '#functions/dayzero/getVariant/handler';
import { invoke } from '#test/support/http';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

const catalog = () => ({
  name: 'DayZero business',
  defaultLocationId: 'loc_main',
  locations: [
    { id: 'loc_main', name: 'Main' },
    { id: 'loc_other', name: 'Other' },
  ],
  products: [
    {
      id: 'prod_coffee',
      name: 'House Blend',
      type: 'VARIABLE' as const,
      variants: [
        {
          id: 'var_catalog',
          name: 'Catalog',
          sku: 'CAT-1',
          unitPrice: 1000,
          unitCost: 400,
          stock: [
            { locationId: 'loc_main', onHand: 12, reserved: 2 },
            { locationId: 'loc_other', onHand: 99 },
          ],
        },
        { id: 'var_unstocked', name: 'Unstocked' },
      ],
    },
  ],
});

const get = (tenantId: string, id: string, headers: Record<string, string | undefined> = {}) =>
  invoke(handler, {
    path: `/api/v1/inventory/products/variants/${encodeURIComponent(id)}`,
    routeKey: 'GET /api/v1/inventory/products/variants/{id}',
    pathParameters: { id },
    headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId, ...headers },
  });

describe('GET /api/v1/inventory/products/variants/{id}', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('answers a created variant with exactly the fields of its 201', async () => {
    const created = await invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId },
      body: {
        product_id: 'prod_coffee',
        name: 'Large',
        sku: 'HB-L',
        unit_price: 2999,
        unit_cost: 1450,
        uom: 'KG',
        initial_inventory_quantity: 40,
      },
    });
    expect(created.status).toBe(201);
    const reply = await get(tenantId, created.body.id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(created.body);
  });

  it('reads a catalog variant with its stock at the default location only, and a read-only token is enough', async () => {
    const reply = await get(tenantId, 'var_catalog', { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read' })) });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: 'var_catalog',
      product_id: 'prod_coffee',
      product_name: 'House Blend',
      sku: 'CAT-1',
      archived: false,
      unit_price: 1000,
      unit_cost: 400,
      price: 10,
      cost: 4,
      margin_cents: 600,
      margin_percentage: 60,
      inventory_quantity: 12,
      inventory: {
        on_hand: 12,
        reserved: 2,
        available: 10,
        location_id: 'loc_main',
        counted_at: expect.any(String),
        in_transit: 0,
        ordered: 0,
      },
    });
  });

  it('answers 0 on hand at the home location for a variant with no stock counted there', async () => {
    const reply = await get(tenantId, 'var_unstocked');
    expect(reply.status).toBe(200);
    expect(reply.body.inventory).toEqual({
      on_hand: 0,
      reserved: 0,
      available: 0,
      location_id: 'loc_main',
      counted_at: null,
      in_transit: 0,
      ordered: 0,
    });
  });

  it("404 for an unknown variant and for another business's variant; 404 Business not found for another business id", async () => {
    const other = await seedTenant({
      name: 'Other',
      products: [{ id: 'prod_x', name: 'X', type: 'VARIABLE' as const, variants: [{ id: 'var_theirs', name: 'Theirs' }] }],
    });
    expect(await get(tenantId, 'var_nope')).toMatchObject({ status: 404, body: { detail: 'Variant not found' } });
    expect(await get(tenantId, 'var_theirs')).toMatchObject({ status: 404, body: { detail: 'Variant not found' } });
    expect(await get(tenantId, 'var_catalog', { 'x-business-id': other })).toMatchObject({
      status: 404,
      body: { detail: 'Business not found' },
    });
  });

  it('401 without a token, 422 without x-business-id or with an ID that cannot be a key', async () => {
    expect(await get(tenantId, 'var_catalog', { authorization: undefined })).toMatchObject({
      status: 401,
      body: { detail: 'Not authenticated' },
    });
    expect(await get(tenantId, 'var_catalog', { 'x-business-id': undefined })).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['header', 'x-business-id'], msg: 'Field required', input: null }] },
    });
    const zeroWidth = await get(tenantId, 'var\u200bcatalog');
    expect(zeroWidth.status).toBe(422);
    expect(zeroWidth.body.detail[0]).toMatchObject({
      loc: ['path', 'id'],
      msg: 'Value error, must not contain control or invisible characters',
    });
  });
});
