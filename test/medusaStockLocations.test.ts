import { describe, expect, it } from 'vitest';
import { handler as getHandler } from '#functions/medusa/getStockLocation/handler';
import { handler as listHandler } from '#functions/medusa/listStockLocations/handler';
import { invoke } from '#test/support/http';
import { roundTripRecorder } from '#test/support/roundTrips';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

/** Two locations as Medusa's capture has them: one with an address, one without. */
const catalog = () => ({
  name: 'Stock locations store',
  locations: [
    {
      id: 'sloc_warehouse',
      name: 'Peer Warehouse',
      address: {
        companyName: 'Peer Ltd',
        street1: '1 Dock Street',
        street2: 'Unit 4',
        city: 'Berlin',
        state: 'BE',
        zip: '10115',
        country: 'DE',
        phone: '+49 30 000000',
      },
    },
    { id: 'sloc_popup', name: 'Peer Popup' },
  ],
});

const readToken = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read', roles: [] })) });

const list = (tenantId: string, query?: string) =>
  invoke(listHandler, {
    path: '/admin/stock-locations',
    routeKey: 'GET /admin/stock-locations',
    ...(query ? { query } : {}),
    headers: readToken(tenantId),
  });

const get = (tenantId: string, id: string, query?: string) =>
  invoke(getHandler, {
    path: `/admin/stock-locations/${id}`,
    routeKey: 'GET /admin/stock-locations/{id}',
    pathParameters: { id },
    ...(query ? { query } : {}),
    headers: readToken(tenantId),
  });

const ANY_TIME = expect.stringMatching(/^\d{4}-\d\d-\d\dT/);

const warehouse = {
  id: 'sloc_warehouse',
  name: 'Peer Warehouse',
  metadata: null,
  created_at: ANY_TIME,
  updated_at: ANY_TIME,
  address: {
    id: 'laddr_sloc_warehouse',
    address_1: '1 Dock Street',
    address_2: 'Unit 4',
    city: 'Berlin',
    country_code: 'de',
    phone: '+49 30 000000',
    province: 'BE',
    postal_code: '10115',
    metadata: null,
  },
};
const popup = { id: 'sloc_popup', name: 'Peer Popup', metadata: null, created_at: ANY_TIME, updated_at: ANY_TIME, address: null };

describe('GET /admin/stock-locations', () => {
  it("answers Medusa's default fields, count, offset and limit 20, to a read-only token, in one Query", async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await list(tenantId);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ stock_locations: [popup, warehouse], count: 2, offset: 0, limit: 20 });
    expect(Object.keys((reply.body as { stock_locations: object[] }).stock_locations[1]!)).toEqual(Object.keys(warehouse));
    const record = roundTripRecorder();
    expect(await record(() => list(tenantId))).toEqual({ waves: 1, commands: ['QueryCommand'] });
  });

  it('pages by order, limit and offset, and counts all that match', async () => {
    const tenantId = await seedTenant(catalog());
    const byName = await list(tenantId, 'order=name&limit=1');
    expect(byName.body).toEqual({ stock_locations: [popup], count: 2, offset: 0, limit: 1 });
    const second = await list(tenantId, 'order=-name&offset=1');
    expect(second.body).toMatchObject({ stock_locations: [{ id: 'sloc_popup' }], count: 2, offset: 1 });
  });

  it('filters by q, id and name', async () => {
    const tenantId = await seedTenant(catalog());
    expect((await list(tenantId, 'q=ware')).body).toEqual({ stock_locations: [warehouse], count: 1, offset: 0, limit: 20 });
    expect((await list(tenantId, 'id=sloc_popup')).body).toMatchObject({ stock_locations: [{ id: 'sloc_popup' }], count: 1 });
    expect((await list(tenantId, 'name=Peer%20Popup')).body).toMatchObject({ count: 1 });
    expect((await list(tenantId, 'name=peer%20popup')).body).toMatchObject({ stock_locations: [], count: 0 });
  });

  it('shapes each location by fields, as Medusa does', async () => {
    const tenantId = await seedTenant(catalog());
    expect((await list(tenantId, 'fields=id,name&order=id')).body).toMatchObject({
      stock_locations: [
        { id: 'sloc_popup', name: 'Peer Popup' },
        { id: 'sloc_warehouse', name: 'Peer Warehouse' },
      ],
    });
    const star = await list(tenantId, 'fields=*address&id=sloc_warehouse');
    expect((star.body as { stock_locations: { address: object }[] }).stock_locations[0]!.address).toEqual({
      ...warehouse.address,
      company: 'Peer Ltd',
      created_at: ANY_TIME,
      updated_at: ANY_TIME,
      deleted_at: null,
    });
    const minus = await list(tenantId, 'fields=-name&id=sloc_popup');
    expect((minus.body as { stock_locations: object[] }).stock_locations[0]).toEqual({
      id: 'sloc_popup',
      metadata: null,
      created_at: ANY_TIME,
      updated_at: ANY_TIME,
      address: null,
    });
    expect((await list(tenantId, 'fields=id,nope&id=sloc_popup')).body).toMatchObject({ stock_locations: [{ id: 'sloc_popup' }] });
    // A relation named bare shows its id only (null where there is none), as Medusa 2.21.2 answers `fields=id,address`.
    expect((await list(tenantId, 'fields=id,address&order=id')).body).toMatchObject({
      stock_locations: [
        { id: 'sloc_popup', address: null },
        { id: 'sloc_warehouse', address: { id: warehouse.address.id } },
      ],
    });
    const bare = (await list(tenantId, 'fields=id,address&id=sloc_warehouse')).body as { stock_locations: object[] };
    expect(bare.stock_locations[0]).toEqual({ id: 'sloc_warehouse', address: { id: warehouse.address.id } });
    expect((await list(tenantId, 'fields=id,*sales_channels&id=sloc_popup')).body).toMatchObject({
      stock_locations: [{ id: 'sloc_popup', sales_channels: [] }],
    });
  });

  it('refuses what Medusa refuses, and what it would answer 500 for, in its envelope', async () => {
    const tenantId = await seedTenant(catalog());
    const unknown = await list(tenantId, 'expand=address');
    expect(unknown.status).toBe(400);
    expect(unknown.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'expand'" });
    expect((await list(tenantId, 'order=nope')).status).toBe(400);
    expect((await list(tenantId, 'limit=-1')).status).toBe(400);
  });

  it("sees only the tenant's own locations", async () => {
    const tenantId = await seedTenant(catalog());
    await seedTenant({ name: 'Other', locations: [{ id: 'sloc_other', name: 'Other' }] });
    expect((await list(tenantId)).body).toMatchObject({ count: 2 });
  });
});

describe('GET /admin/stock-locations/{id}', () => {
  it("answers the location in Medusa's default fields, address null when it has none, in one GetItem", async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await get(tenantId, 'sloc_warehouse');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ stock_location: warehouse });
    const record = roundTripRecorder();
    expect(await record(() => get(tenantId, 'sloc_warehouse'))).toEqual({ waves: 1, commands: ['GetItemCommand'] });
    expect((await get(tenantId, 'sloc_popup')).body).toEqual({ stock_location: popup });
    expect((await get(tenantId, 'sloc_popup', 'fields=id,name')).body).toEqual({
      stock_location: { id: 'sloc_popup', name: 'Peer Popup' },
    });
  });

  it("answers an unknown location with Medusa's 404 wording", async () => {
    const tenantId = await seedTenant(catalog());
    const reply = await get(tenantId, 'sloc_nowhere');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ type: 'not_found', message: 'Stock location with id: sloc_nowhere was not found' });
    await seedTenant({ name: 'Other', locations: [{ id: 'sloc_other', name: 'Other' }] });
    expect((await get(tenantId, 'sloc_other')).status).toBe(404);
  });
});
