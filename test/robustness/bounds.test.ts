import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '#shared/store/client';
import { handler as report } from '#functions/dayzero/adjustmentReasonsReport/handler';
import { handler as importCatalog } from '#functions/admin/importCatalog/handler';
import { handler as createKey } from '#functions/admin/createMerchantApiKey/handler';
import { handler as revokeKey } from '#functions/admin/revokeMerchantApiKey/handler';
import { invoke } from '#test/support/http';
import { routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/**
 * Issue 30, parts 2 to 5: every piece of work and every stored item has a bound, and a request
 * past one is refused in its API's envelope with the table untouched. Each test failed on main.
 */

const business = () => ({ name: 'Bounds', defaultLocationId: 'loc_main', locations: [{ id: 'loc_main', name: 'Main' }] });

describe('adjustment-reasons report: dates and span', () => {
  const reasons = (tenantId: string, query: string) =>
    invoke(report, {
      path: '/api/v1/inventory/reports/adjustment-reasons',
      routeKey: 'GET /api/v1/inventory/reports/adjustment-reasons',
      headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId },
      query,
    });

  it('answers the last months of year 9999 at once (the month walk counted them as text and ran to the end of time: a 500)', async () => {
    const t = await seedTenant(business());
    const started = Date.now();
    const reply = await reasons(t, 'since=9999-11-30T00:00:00Z&until=9999-12-30T00:00:00Z');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ since: '9999-11-30T00:00:00Z', until: '9999-12-30T00:00:00Z', total_adjustments: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ['an offset that moves the date into year 10000', 'since=9999-12-01T00:00:00Z&until=9999-12-31T23:00:00-05:00', 'until'],
    ['year 0000', 'since=0000-01-01T00:00:00Z&until=0000-01-02T00:00:00Z', 'since'],
  ])('422 in the FastAPI envelope for %s, with the table untouched', async (_case, query, field) => {
    const t = await seedTenant(business());
    const before = await tenantItems(t);
    const reply = await reasons(t, query);
    expect(reply.status, JSON.stringify(reply.body)).toBe(422);
    expect(reply.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['query', field] });
    expect(await tenantItems(t)).toEqual(before);
  });
});

describe('catalog import: every entry sized before anything is written', () => {
  const importAs = (tenantId: string, body: unknown) =>
    invoke(importCatalog, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
      body,
    });
  const huge = (bytes: number) =>
    Object.fromEntries(Array.from({ length: Math.ceil(bytes / 1000) }, (_, i) => [`k${i}`, 'x'.repeat(1000)]));

  it('refuses a location whose address.xp would not fit, with its path and the limit; the rename before it is reported written (was a 500)', async () => {
    const t = await seedTenant(business());
    const reply = await importAs(t, {
      tenants: [
        {
          id: t,
          name: 'Renamed',
          currency: 'gbp',
          defaultLocationId: 'loc_main',
          locations: [
            { id: 'loc_main', name: 'Main' },
            { id: 'loc_big', name: 'Big', address: { city: 'Leeds', xp: huge(450_000) } },
          ],
        },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBe(200);
    expect(reply.body.results).toContainEqual(expect.objectContaining({ path: `tenants[0]`, entity: 'tenant', result: 'updated' }));
    const refused = reply.body.results.find((result: { path: string }) => result.path === 'tenants[0].locations[1]');
    expect(refused).toMatchObject({ entity: 'location', id: 'loc_big', result: 'refused' });
    expect(refused.reason).toMatch(/350 KB/);
    expect((await itemsOfType(t, 'Location')).map((item) => item.id)).toEqual(['loc_main']);
  });

  it('refuses a variant whose attributes would not fit, and writes nothing of it nor its stock (was a 500 after its vendor and product)', async () => {
    const t = await seedTenant(business());
    const reply = await importAs(t, {
      tenants: [
        {
          id: t,
          name: 'Bounds',
          defaultLocationId: 'loc_main',
          locations: [{ id: 'loc_main', name: 'Main' }],
          vendors: [{ id: 'ven_1', name: 'Vendor' }],
          products: [
            {
              id: 'prod_big',
              name: 'Big',
              type: 'VARIABLE',
              warehouseIds: ['loc_main'],
              variants: [
                { id: 'var_big', name: 'Big', attributes: huge(410_000) },
                { id: 'var_ok', name: 'Fine', attributes: { Size: 'M' } },
              ],
            },
          ],
        },
      ],
    });
    expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBe(200);
    const byPath = new Map(reply.body.results.map((result: { path: string }) => [result.path, result]));
    expect(byPath.get('tenants[0].products[0].variants[0]')).toMatchObject({ result: 'refused', reason: expect.stringMatching(/350 KB/) });
    expect(byPath.get('tenants[0].products[0].variants[1]')).toMatchObject({ result: 'created' });
    expect(byPath.get('tenants[0].vendors[0]')).toMatchObject({ result: 'created' });
    expect((await itemsOfType(t, 'Variant')).map((item) => item.id)).toEqual(['var_ok']);
    expect((await itemsOfType(t, 'StockRecord')).map((item) => item.variantId)).toEqual(['var_ok']);
  });

  it('reports an entry whose write DynamoDB refused for another reason as not written, and goes on (was a 500 with the rename behind it)', async () => {
    const t = await seedTenant(business());
    const name = 'refuseDoomedWrite';
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (/Put|Update|TransactWrite/.test(context.commandName ?? '') && JSON.stringify(args.input).includes('loc_doomed')) {
          throw Object.assign(new Error('One or more parameter values were invalid'), { name: 'ValidationException', $fault: 'client' });
        }
        return next(args);
      },
      { step: 'initialize', name },
    );
    try {
      const reply = await importAs(t, {
        tenants: [
          {
            id: t,
            name: 'Renamed',
            defaultLocationId: 'loc_main',
            locations: [
              { id: 'loc_main', name: 'Main' },
              { id: 'loc_doomed', name: 'Doomed' },
              { id: 'loc_fine', name: 'Fine' },
            ],
          },
        ],
      });
      expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBe(200);
      const byPath = new Map(reply.body.results.map((result: { path: string }) => [result.path, result]));
      expect(byPath.get('tenants[0]')).toMatchObject({ result: 'updated' });
      expect(byPath.get('tenants[0].locations[1]')).toMatchObject({
        result: 'refused',
        reason: 'not written: the store failed (ValidationException); import it again',
      });
      expect(byPath.get('tenants[0].locations[2]')).toMatchObject({ result: 'created' });
      expect((await itemsOfType(t, 'Location')).map((item) => item.id).sort()).toEqual(['loc_fine', 'loc_main']);
    } finally {
      documentClient().middlewareStack.remove(name);
    }
  });
});

describe('stored free-form JSON is bounded as merged, in its API envelope', () => {
  let routes: Record<string, RouteUnderTest>;
  beforeAll(async () => {
    const names = ['createVariantInventoryRecord', 'patchVariantInventoryRecord', 'saveVariantInventoryRecord'];
    routes = Object.fromEntries((await routesUnderTest((route) => names.includes(route.name))).map((route) => [route.route.name, route]));
  });
  const text = (bytes: number) => 'x'.repeat(bytes);

  it('OrderCloud PATCH: xp that grows, merged, past 8 KB is a 400 naming xp, the record untouched (grew to 366 KB, then a 500)', async () => {
    const route = routes.patchVariantInventoryRecord!;
    const first = await route.call({ body: { xp: { a: text(5_000) } } });
    expect(first.status, JSON.stringify(first.body).slice(0, 300)).toBe(200);
    const before = await tenantItems(route.tenantId);
    const second = await route.call({ body: { xp: { b: text(5_000) } } });
    expect(second.status).toBe(400);
    expect(second.body.Errors[0]).toMatchObject({ ErrorCode: 'InvalidRequest', Data: { Field: 'xp' } });
    expect(second.body.Errors[0].Message).toMatch(/^xp: .*8192 bytes/);
    expect(await tenantItems(route.tenantId)).toEqual(before);
    // Replacing a key keeps the record within the bound: that merge is accepted.
    expect((await route.call({ body: { xp: { a: text(7_000) } } })).status).toBe(200);
  });

  it.each(['createVariantInventoryRecord', 'saveVariantInventoryRecord'])(
    'OrderCloud %s: xp past 8 KB is a 400 naming xp, nothing written',
    async (name) => {
      const route = routes[name]!;
      const before = await tenantItems(route.tenantId);
      const reply = await route.call({ body: { ...route.validBody(), xp: { big: text(9_000) } } });
      expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(400);
      expect(reply.body.Errors[0]).toMatchObject({ ErrorCode: 'InvalidRequest', Data: { Field: 'xp' } });
      expect(await tenantItems(route.tenantId)).toEqual(before);
    },
  );
});

describe('a merchant key created with an Idempotency-Key', () => {
  const admin = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) });
  const create = (tenantId: string, key: string) =>
    invoke(createKey, {
      path: '/admin/merchant-api-keys',
      routeKey: 'POST /admin/merchant-api-keys',
      headers: { ...admin(tenantId), 'idempotency-key': key },
    });

  it('keeps no secret in the Idempotency-Key record; a replay, before or after revocation, says the key was issued (the secret came back)', async () => {
    const t = await seedTenant(business());
    const idem = `idem_${Date.now()}`;
    const first = await create(t, idem);
    expect(first.status).toBe(201);
    const secret = String(first.body.key);
    expect(secret).toMatch(/^mk_live_/);
    const stored = JSON.stringify(await tenantItems(t));
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(secret.slice(8, 28));

    const replay = await create(t, idem);
    expect(replay.status).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual({
      id: first.body.id,
      maskedKey: first.body.maskedKey,
      createdAt: first.body.createdAt,
      key: null,
      detail: expect.stringMatching(/issued by the first request/),
    });
    expect((await itemsOfType(t, 'MerchantApiKey')).length).toBe(1);

    const revoked = await invoke(revokeKey, {
      path: `/admin/merchant-api-keys/${first.body.id}`,
      routeKey: 'DELETE /admin/merchant-api-keys/{id}',
      pathParameters: { id: String(first.body.id) },
      headers: admin(t),
    });
    expect(revoked.status).toBeLessThan(300);
    const afterRevocation = await create(t, idem);
    expect(afterRevocation.status).toBe(200);
    expect(afterRevocation.body).toEqual(replay.body);
    expect(JSON.stringify(await tenantItems(t))).not.toContain(secret);
  });
});
