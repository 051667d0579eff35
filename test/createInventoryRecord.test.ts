import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/shopsynch/createInventoryRecord/handler';
import { invoke, type Call } from '#test/support/http';
import { expectOneWinner } from '#test/support/races';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';
import { inject } from 'vitest';
import { mintToken } from '#scripts/local/devIssuer';

const API_KEY = 'mk_test_0123456789';

function catalog() {
  return {
    name: 'ShopSynch test merchant',
    merchantApiKeys: [API_KEY],
    locations: [
      { id: 'wh_def456', name: 'Abuja Satellite Store' },
      { id: 'wh_abc123', name: 'Lagos Main Warehouse' },
    ],
    products: [
      { id: 'prod_abc123', name: 'Notebook', type: 'SIMPLE' as const },
      { id: 'prod_ebook', name: 'E-book', type: 'DIGITAL' as const },
      {
        id: 'prod_phone_789',
        name: 'Phone',
        type: 'VARIABLE' as const,
        variants: [{ id: 'sku_red_256gb', name: 'Red 256GB', sku: 'PH-R-256', attributes: { Color: 'Red', Storage: '256GB' } }],
      },
    ],
  };
}

const SIMPLE_SAMPLE = {
  productId: 'prod_abc123',
  warehouseId: 'wh_def456',
  initialQty: 50,
  location: 'B-02-1',
  reorderLevel: 10,
  reorderQty: 30,
};
const SKU_SAMPLE = {
  productId: 'prod_phone_789',
  skuId: 'sku_red_256gb',
  warehouseId: 'wh_abc123',
  initialQty: 20,
  location: 'C-05-3',
  reorderLevel: 5,
  reorderQty: 15,
  variantAttributes: { Color: 'Red', Storage: '256GB' },
};

const post = (tenantId: string, body: unknown, headers: Record<string, string | undefined> = {}) => {
  const call: Call = {
    path: '/v1/inventory',
    routeKey: 'POST /v1/inventory',
    headers: { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': API_KEY, ...headers },
    body,
  };
  return invoke(handler, call);
};

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('POST /v1/inventory', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('creates a SIMPLE product record with the documented 200 body', async () => {
    const reply = await post(tenantId, SIMPLE_SAMPLE);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: true,
      data: {
        id: expect.stringMatching(/^inv_[0-9a-f]{32}$/),
        productId: 'prod_abc123',
        skuId: null,
        tenantId,
        warehouseId: 'wh_def456',
        warehouseName: 'Abuja Satellite Store',
        location: 'B-02-1',
        onHandQty: 50,
        reservedQty: 0,
        availableQty: 50,
        reorderLevel: 10,
        reorderQty: 30,
        variantAttributes: {},
        createdAt: expect.stringMatching(ISO_SECONDS),
        updatedAt: reply.body.data.createdAt,
      },
    });
    const [stored] = await itemsOfType(tenantId, 'StockRecord');
    expect(stored).toMatchObject({
      id: reply.body.data.id,
      productId: 'prod_abc123',
      locationId: 'wh_def456',
      onHandQty: 50,
      variantId: null,
    });
  });

  it('creates a SKU record, mirroring the SKU attributes', async () => {
    const reply = await post(tenantId, SKU_SAMPLE);
    expect(reply.status).toBe(200);
    expect(reply.body.data).toMatchObject({
      productId: 'prod_phone_789',
      skuId: 'sku_red_256gb',
      warehouseName: 'Lagos Main Warehouse',
      onHandQty: 20,
      availableQty: 20,
      variantAttributes: { Color: 'Red', Storage: '256GB' },
    });
  });

  it('defaults optional fields and variantAttributes to the SKU own attributes', async () => {
    const tenant = await seedTenant(catalog());
    const minimal = await post(tenant, { productId: 'prod_ebook', warehouseId: 'wh_abc123', initialQty: 0 });
    expect(minimal.status).toBe(200);
    expect(minimal.body.data).toMatchObject({
      skuId: null,
      location: null,
      reorderLevel: null,
      reorderQty: null,
      onHandQty: 0,
      availableQty: 0,
      variantAttributes: {},
    });
    const sku = await post(tenant, {
      productId: 'prod_phone_789',
      skuId: 'sku_red_256gb',
      warehouseId: 'wh_def456',
      initialQty: 3,
      variantAttributes: { Color: 'Red' },
    });
    expect(sku.status).toBe(200);
    expect(sku.body.data.variantAttributes).toEqual({ Color: 'Red', Storage: '256GB' });
  });

  it('answers the documented 409 for a second record of the same product in the same warehouse', async () => {
    const tenant = await seedTenant(catalog());
    expect((await post(tenant, SIMPLE_SAMPLE)).status).toBe(200);
    const again = await post(tenant, { ...SIMPLE_SAMPLE, initialQty: 7 });
    expect(again.status).toBe(409);
    expect(again.body).toEqual({
      status: false,
      message: 'An inventory record for this product already exists in the specified warehouse.',
    });
    // Another warehouse, or another SKU, is a different record.
    expect((await post(tenant, { ...SIMPLE_SAMPLE, warehouseId: 'wh_abc123' })).status).toBe(200);
    const records = await itemsOfType(tenant, 'StockRecord');
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.locationId === 'wh_def456')?.onHandQty).toBe(50);
  });

  it('lets exactly one of 50 concurrent identical creates win', async () => {
    const tenant = await seedTenant(catalog());
    const replies = await Promise.all(Array.from({ length: 50 }, () => post(tenant, SKU_SAMPLE)));
    const { refused } = expectOneWinner(replies, 200, 409);
    for (const reply of refused) {
      expect(reply.body).toEqual({
        status: false,
        message: 'An inventory record for this product already exists in the specified warehouse.',
      });
    }
    expect(await itemsOfType(tenant, 'StockRecord')).toHaveLength(1);
  });

  describe('404 for objects that do not exist in the tenant', () => {
    it.each([
      ['product', { ...SIMPLE_SAMPLE, productId: 'prod_missing' }, /Product 'prod_missing' not found/],
      ['SKU', { ...SKU_SAMPLE, skuId: 'sku_missing' }, /SKU 'sku_missing' not found/],
      ['warehouse', { ...SIMPLE_SAMPLE, warehouseId: 'wh_missing' }, /Warehouse 'wh_missing' not found/],
    ])('unknown %s', async (_, body, message) => {
      const tenant = await seedTenant(catalog());
      const before = await tenantItems(tenant);
      const reply = await post(tenant, body);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ status: false, message: expect.stringMatching(message) });
      expect(await tenantItems(tenant)).toEqual(before);
    });

    it("treats another tenant's product and warehouse as absent", async () => {
      const owner = await seedTenant(catalog());
      const other = await seedTenant({ name: 'Other', merchantApiKeys: [API_KEY], locations: [{ id: 'wh_mine', name: 'Mine' }] });
      const before = await tenantItems(owner);
      const reply = await post(other, SIMPLE_SAMPLE);
      expect(reply.status).toBe(404);
      expect(reply.body.status).toBe(false);
      expect(await tenantItems(owner)).toEqual(before);
      expect(await itemsOfType(other, 'StockRecord')).toHaveLength(0);
    });
  });

  describe('authentication', () => {
    const expectUnauthorised = async (headers: Record<string, string | undefined>, status = 401) => {
      const tenant = await seedTenant(catalog());
      const before = await tenantItems(tenant);
      const reply = await post(tenant, SIMPLE_SAMPLE, headers);
      expect(reply.status).toBe(status);
      expect(reply.body).toEqual({ status: false, message: expect.any(String) });
      expect(await tenantItems(tenant)).toEqual(before);
    };
    const issuer = () => inject('devIssuer');

    it('rejects a missing token', () => expectUnauthorised({ authorization: undefined }));
    it('rejects a non-bearer Authorization header', () => expectUnauthorised({ authorization: 'Basic dXNlcjpwYXNz' }));
    it('rejects an expired token', () =>
      expectUnauthorised({ authorization: bearer(mintToken(issuer(), { tenantId: 't', expiresInSeconds: -60 })) }));
    it('rejects a token of another issuer', () =>
      expectUnauthorised({ authorization: bearer(mintToken(issuer(), { tenantId: 't', claims: { iss: 'https://evil.example' } })) }));
    it('rejects a token for another audience', () =>
      expectUnauthorised({ authorization: bearer(mintToken(issuer(), { tenantId: 't', claims: { aud: 'someone-else' } })) }));
    it('rejects a token with a broken signature', async () => {
      const token = mintToken(issuer(), { tenantId: 't' });
      const [header, payload] = token.split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), tenant_id: 'victim' }),
      ).toString('base64url');
      await expectUnauthorised({ authorization: bearer(`${header}.${forged}.${token.split('.')[2]}`) });
    });
    it('rejects a token without the write scope with 403', async () => {
      const tenant = await seedTenant(catalog());
      const reply = await post(tenant, SIMPLE_SAMPLE, { authorization: bearer(tokenFor(tenant, { scope: 'inventory/read', roles: [] })) });
      expect(reply.status).toBe(403);
      expect(reply.body.status).toBe(false);
      expect(await itemsOfType(tenant, 'StockRecord')).toHaveLength(0);
    });
    it('rejects a missing X-MerchantApiKey', () => expectUnauthorised({ 'x-merchantapikey': undefined }));
    it('rejects an unknown X-MerchantApiKey', () => expectUnauthorised({ 'x-merchantapikey': 'mk_not_a_key_of_ours' }));
    it("rejects another tenant's merchant key", async () => {
      await seedTenant({ name: 'Other', merchantApiKeys: ['mk_other_tenant_key'] });
      await expectUnauthorised({ 'x-merchantapikey': 'mk_other_tenant_key' });
    });
    it('stores merchant keys hashed, never in clear', async () => {
      const tenant = await seedTenant(catalog());
      const items = JSON.stringify(await tenantItems(tenant));
      expect(items).not.toContain(API_KEY);
    });
  });

  describe('400 for bad bodies, naming the field, writing nothing', () => {
    const cases: [string, unknown, RegExp][] = [
      ['missing productId', { warehouseId: 'wh_def456', initialQty: 1 }, /productId is required/],
      ['missing warehouseId', { productId: 'prod_abc123', initialQty: 1 }, /warehouseId is required/],
      ['missing initialQty', { productId: 'prod_abc123', warehouseId: 'wh_def456' }, /initialQty is required/],
      ['string initialQty', { ...SIMPLE_SAMPLE, initialQty: '5' }, /initialQty must be an integer/],
      ['fractional initialQty', { ...SIMPLE_SAMPLE, initialQty: 1.5 }, /initialQty must be an integer/],
      ['negative initialQty', { ...SIMPLE_SAMPLE, initialQty: -1 }, /initialQty must be 0 or greater/],
      ['numeric productId', { ...SIMPLE_SAMPLE, productId: 42 }, /productId must be a string/],
      ['negative reorderLevel', { ...SIMPLE_SAMPLE, reorderLevel: -5 }, /reorderLevel must be 0 or greater/],
      ['non-string attributes', { ...SKU_SAMPLE, variantAttributes: { Color: 1 } }, /variantAttributes/],
      ['skuId on a SIMPLE product', { ...SIMPLE_SAMPLE, skuId: 'sku_red_256gb' }, /skuId must be omitted for SIMPLE products/],
      [
        'skuId on a DIGITAL product',
        { productId: 'prod_ebook', skuId: 'x', warehouseId: 'wh_def456', initialQty: 1 },
        /skuId must be omitted for DIGITAL products/,
      ],
      ['no skuId on a VARIABLE product', { ...SKU_SAMPLE, skuId: undefined }, /skuId is required for VARIABLE products/],
      ['attributes that contradict the SKU', { ...SKU_SAMPLE, variantAttributes: { Color: 'Blue' } }, /variantAttributes\.Color/],
      ['attributes the SKU does not have', { ...SKU_SAMPLE, variantAttributes: { Size: 'XL' } }, /variantAttributes\.Size/],
      ['attributes on a SIMPLE product', { ...SIMPLE_SAMPLE, variantAttributes: { Color: 'Red' } }, /variantAttributes/],
      ['a JSON array', [SIMPLE_SAMPLE], /Request body must be a JSON object/],
      ['non-JSON text', '{"productId": ', /not valid JSON/],
      ['an empty body', '', /Request body is required/],
    ];
    it.each(cases)('%s', async (_, body, message) => {
      const tenant = await seedTenant(catalog());
      const before = await tenantItems(tenant);
      const reply = await post(tenant, body, typeof body === 'string' ? { 'content-type': 'application/json' } : {});
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ status: false, message: expect.stringMatching(message) });
      expect(await tenantItems(tenant)).toEqual(before);
    });

    it('rejects a body sent without a JSON content type', async () => {
      const reply = await post(tenantId, JSON.stringify(SIMPLE_SAMPLE), { 'content-type': 'text/plain' });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ status: false, message: 'Content-Type must be application/json' });
    });

    it('lists every failing field in one message', async () => {
      const reply = await post(tenantId, { initialQty: -2 });
      expect(reply.status).toBe(400);
      expect(reply.body.message).toMatch(/productId is required/);
      expect(reply.body.message).toMatch(/warehouseId is required/);
      expect(reply.body.message).toMatch(/initialQty must be 0 or greater/);
    });
  });
});
