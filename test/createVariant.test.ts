import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/dayzero/createVariant/handler';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const catalog = () => ({
  name: 'DayZero business',
  defaultLocationId: 'loc_main',
  locations: [{ id: 'loc_main', name: 'Main' }],
  vendors: [{ id: 'vendor_1', name: 'Roaster' }],
  products: [
    {
      id: 'prod_coffee',
      name: 'House Blend',
      type: 'VARIABLE' as const,
      variants: [{ id: 'var_existing', name: 'Existing', sku: 'TAKEN-1' }],
    },
  ],
});

const post = (tenantId: string, body: unknown, headers: Record<string, string | undefined> = {}) =>
  invoke(handler, {
    path: '/api/v1/inventory/products/variants',
    routeKey: 'POST /api/v1/inventory/products/variants',
    headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId, ...headers },
    body,
  });

const FULL = {
  product_id: 'prod_coffee',
  name: 'Large - Blue',
  sku: 'HB-L-BLU',
  manufacturer_sku: 'MFR-9',
  unit_price: 2999,
  unit_cost: 1450,
  unit_cost_precise: 14.4978,
  uom: 'KG',
  default_vendor_id: 'vendor_1',
  initial_inventory_quantity: 40,
  initial_inventory_quantity_date: '2026-11-01T09:00:00+01:00',
};
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('POST /api/v1/inventory/products/variants', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('creates a variant from a full body: 201 with every VariantResponse field', async () => {
    const reply = await post(tenantId, FULL);
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body)).toEqual([
      'id',
      'product_id',
      'business_id',
      'created_at',
      'updated_at',
      'name',
      'sku',
      'manufacturer_sku',
      'archived',
      'price',
      'cost',
      'inventory_quantity',
      'shopify_variant_id',
      'stripe_price_id',
      'stripe_product_id',
      'unit_price',
      'unit_cost',
      'unit_cost_precise',
      'uom',
      'default_vendor_id',
      'inventory',
      'product_name',
      'margin_cents',
      'margin_percentage',
    ]);
    expect(reply.body).toEqual({
      id: expect.stringMatching(UUID),
      product_id: 'prod_coffee',
      business_id: tenantId,
      created_at: expect.stringMatching(ISO),
      updated_at: reply.body.created_at,
      name: 'Large - Blue',
      sku: 'HB-L-BLU',
      manufacturer_sku: 'MFR-9',
      archived: false,
      price: 29.99,
      cost: 14.5,
      inventory_quantity: 40,
      shopify_variant_id: null,
      stripe_price_id: null,
      stripe_product_id: null,
      unit_price: 2999,
      unit_cost: 1450,
      unit_cost_precise: 14.4978,
      uom: 'KG',
      default_vendor_id: 'vendor_1',
      inventory: {
        on_hand: 40,
        reserved: 0,
        available: 40,
        location_id: 'loc_main',
        counted_at: '2026-11-01T08:00:00Z',
        in_transit: 0,
        ordered: 0,
      },
      product_name: 'House Blend',
      margin_cents: 1549,
      margin_percentage: 51.65,
    });
    const items = await tenantItems(tenantId);
    expect(items.filter((item) => item.type === 'Variant' && item.id === reply.body.id)).toHaveLength(1);
    expect(items.filter((item) => item.type === 'SkuGuard' && item.sku === 'HB-L-BLU')).toEqual([
      expect.objectContaining({ variantId: reply.body.id }),
    ]);
    expect(items.filter((item) => item.type === 'StockRecord' && item.variantId === reply.body.id)).toEqual([
      expect.objectContaining({ locationId: 'loc_main', onHandQty: 40 }),
    ]);
  });

  it('creates a variant from a minimal body with the defaults, and lets SKU-less variants repeat', async () => {
    const first = await post(tenantId, { product_id: 'prod_coffee', name: 'Sample' });
    const second = await post(tenantId, { product_id: 'prod_coffee', name: 'Sample' });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body).toMatchObject({
      sku: null,
      manufacturer_sku: null,
      price: null,
      cost: null,
      unit_price: null,
      unit_cost: null,
      unit_cost_precise: null,
      uom: 'EA',
      default_vendor_id: null,
      inventory_quantity: 0,
      inventory: {
        on_hand: 0,
        reserved: 0,
        available: 0,
        location_id: 'loc_main',
        counted_at: first.body.created_at,
        in_transit: 0,
        ordered: 0,
      },
      margin_cents: 0,
      margin_percentage: 0,
    });
    expect(first.body.id).not.toBe(second.body.id);
  });

  it('defines the margin of a zero price as 0 % and a loss as negative', async () => {
    expect((await post(tenantId, { product_id: 'prod_coffee', name: 'Free', unit_price: 0, unit_cost: 300 })).body).toMatchObject({
      margin_cents: -300,
      margin_percentage: 0,
    });
    expect((await post(tenantId, { product_id: 'prod_coffee', name: 'Loss', unit_price: 200, unit_cost: 300 })).body).toMatchObject({
      margin_cents: -100,
      margin_percentage: -50,
    });
  });

  it('refuses a SKU the business already has (from the API or the catalog) with 409, writing nothing', async () => {
    for (const sku of ['HB-L-BLU', 'TAKEN-1']) {
      const before = await tenantItems(tenantId);
      const reply = await post(tenantId, { ...FULL, sku });
      expect(reply.status).toBe(409);
      expect(reply.body).toEqual({ detail: 'Variant with same SKU already exists' });
      expect(await tenantItems(tenantId)).toEqual(before);
    }
  });

  it('lets exactly one of 50 concurrent creates with one SKU win: one variant, one guard, one stock record', async () => {
    const t = await seedTenant(catalog());
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => post(t, { ...FULL, name: `Racer ${i}`, sku: 'RACE-1' })));
    expect(replies.filter((r) => r.status === 201)).toHaveLength(1);
    const conflicts = replies.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(49);
    for (const reply of conflicts) expect(reply.body).toEqual({ detail: 'Variant with same SKU already exists' });
    expect((await itemsOfType(t, 'Variant')).filter((item) => item.sku === 'RACE-1')).toHaveLength(1);
    expect((await itemsOfType(t, 'SkuGuard')).filter((item) => item.sku === 'RACE-1')).toHaveLength(1);
    expect(await itemsOfType(t, 'StockRecord')).toHaveLength(1);
  });

  it('creates 50 variants with 50 different SKUs concurrently', async () => {
    const t = await seedTenant(catalog());
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => post(t, { ...FULL, sku: `SKU-${i}` })));
    expect(replies.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(await itemsOfType(t, 'StockRecord')).toHaveLength(50);
  });

  describe('errors, with nothing written', () => {
    let other: string;
    beforeAll(async () => {
      other = await seedTenant({ name: 'Other', products: [{ id: 'prod_other', name: 'Other', type: 'SIMPLE' as const }] });
    });

    const expectNothingWritten = async (call: () => Promise<{ status: number; body: any }>, status: number, body?: unknown) => {
      const before = [await tenantItems(tenantId), await tenantItems(other)];
      const reply = await call();
      expect(reply.status, JSON.stringify(reply.body)).toBe(status);
      if (body !== undefined) expect(reply.body).toEqual(body);
      expect([await tenantItems(tenantId), await tenantItems(other)]).toEqual(before);
      return reply;
    };

    it('404 Business not found for another business id, and for a business that does not exist', async () => {
      await expectNothingWritten(() => post(tenantId, FULL, { 'x-business-id': other }), 404, { detail: 'Business not found' });
      await expectNothingWritten(() => post('ghost-business', FULL), 404, { detail: 'Business not found' });
    });

    it('422 for a missing x-business-id header', async () => {
      await expectNothingWritten(() => post(tenantId, FULL, { 'x-business-id': undefined }), 422, {
        detail: [{ type: 'missing', loc: ['header', 'x-business-id'], msg: 'Field required', input: null }],
      });
    });

    it("404 Product not found for another business's product, 404 for an unknown vendor", async () => {
      await expectNothingWritten(() => post(tenantId, { ...FULL, product_id: 'prod_other' }), 404, { detail: 'Product not found' });
      await expectNothingWritten(() => post(tenantId, { ...FULL, default_vendor_id: 'vendor_nope' }), 404, { detail: 'Vendor not found' });
    });

    it('401 without a token, 403 without the write permission', async () => {
      await expectNothingWritten(() => post(tenantId, FULL, { authorization: undefined }), 401, { detail: 'Not authenticated' });
      await expectNothingWritten(
        () => post(tenantId, FULL, { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read' })) }),
        403,
        { detail: 'Not enough permissions' },
      );
    });

    it('one 422 listing every failing field with loc, msg and type', async () => {
      const reply = await expectNothingWritten(
        () =>
          post(tenantId, {
            name: '',
            unit_price: -1,
            unit_cost: 1.5,
            unit_cost_precise: 'x',
            uom: 'BARREL',
            sku: 7,
            initial_inventory_quantity: -3,
            initial_inventory_quantity_date: 'yesterday',
          }),
        422,
      );
      const byField = Object.fromEntries(
        reply.body.detail.map((entry: { loc: string[]; type: string }) => [entry.loc.join('.'), entry.type]),
      );
      expect(byField).toEqual({
        'body.product_id': 'missing',
        'body.name': 'string_too_short',
        'body.unit_price': 'greater_than_equal',
        'body.unit_cost': 'int_from_float',
        'body.unit_cost_precise': 'float_type',
        'body.sku': 'string_type',
        'body.uom': 'enum',
        'body.initial_inventory_quantity': 'greater_than_equal',
        'body.initial_inventory_quantity_date': 'datetime_from_date_parsing',
      });
      expect(reply.body.detail.find((entry: { loc: string[] }) => entry.loc[1] === 'unit_price')).toEqual({
        type: 'greater_than_equal',
        loc: ['body', 'unit_price'],
        msg: 'Input should be greater than or equal to 0',
        input: -1,
      });
    });

    it('422 json_invalid for a body that is not JSON, missing for no body', async () => {
      const invalid = await expectNothingWritten(() => post(tenantId, '{"name":'), 422);
      expect(invalid.body.detail[0]).toMatchObject({ type: 'json_invalid', loc: ['body', 0] });
      await expectNothingWritten(() => post(tenantId, undefined), 422, {
        detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }],
      });
    });

    it('400 for initial inventory in a business without a default location', async () => {
      const t = await seedTenant({ name: 'No default', products: [{ id: 'p', name: 'P', type: 'VARIABLE' as const }] });
      const before = await tenantItems(t);
      const reply = await post(t, { product_id: 'p', name: 'V', initial_inventory_quantity: 5 });
      expect(reply).toMatchObject({ status: 400, body: { detail: 'Business has no default location to hold initial inventory' } });
      expect(await tenantItems(t)).toEqual(before);
      const noStock = await post(t, { product_id: 'p', name: 'V' });
      expect(noStock.body.inventory).toEqual({
        on_hand: 0,
        reserved: 0,
        available: 0,
        location_id: null,
        counted_at: null,
        in_transit: 0,
        ordered: 0,
      });
    });
  });
});
