import { describe, expect, it } from 'vitest';
import { handler as createInventoryRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as createKey } from '#functions/admin/createMerchantApiKey/handler';
import { handler as getSettings } from '#functions/admin/getBusinessSettings/handler';
import { handler as listKeys } from '#functions/admin/listMerchantApiKeys/handler';
import { handler as revokeKey } from '#functions/admin/revokeMerchantApiKey/handler';
import { handler as updateSettings } from '#functions/admin/updateBusinessSettings/handler';
import { keyDigestOf } from '#shared/store/merchantKeyDigest';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const admin = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) });

const create = (tenantId: string) =>
  invoke(createKey, { path: '/admin/merchant-api-keys', routeKey: 'POST /admin/merchant-api-keys', headers: admin(tenantId) });
const list = (tenantId: string, query?: string) =>
  invoke(listKeys, {
    path: '/admin/merchant-api-keys',
    routeKey: 'GET /admin/merchant-api-keys',
    headers: admin(tenantId),
    ...(query ? { query } : {}),
  });
const revoke = (tenantId: string, id: string) =>
  invoke(revokeKey, {
    path: `/admin/merchant-api-keys/${id}`,
    routeKey: 'DELETE /admin/merchant-api-keys/{id}',
    pathParameters: { id },
    headers: admin(tenantId),
  });
const shopSynchWith = (tenantId: string, key: string) =>
  invoke(createInventoryRecord, {
    path: '/v1/inventory',
    routeKey: 'POST /v1/inventory',
    headers: { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': key },
    body: { productId: 'prod_1', warehouseId: 'wh_1', initialQty: 1 },
  });

const merchant = () =>
  seedTenant({ name: 'Key merchant', locations: [{ id: 'wh_1', name: 'One' }], products: [{ id: 'prod_1', name: 'One', type: 'SIMPLE' }] });

describe('merchant API keys', () => {
  it('shows a new key once, stores only its digest, and lists it masked with its use', async () => {
    const tenantId = await merchant();
    const created = await create(tenantId);
    expect(created.status).toBe(201);
    const { key, ...view } = created.body;
    expect(key).toMatch(/^mk_live_[\w-]{32}$/);
    expect(created.body).toMatchObject({
      id: (await keyDigestOf(key)).slice(0, 16),
      maskedKey: `mk_live_…${key.slice(-4)}`,
      active: true,
      lastUsedAt: null,
      revokedAt: null,
    });
    const [stored] = await itemsOfType(tenantId, 'MerchantApiKey');
    expect(stored!.keyHash).toBe(await keyDigestOf(key));
    expect(JSON.stringify(await tenantItems(tenantId))).not.toContain(key);

    expect((await shopSynchWith(tenantId, key)).status).toBe(200);
    const listed = await list(tenantId);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([{ ...view, lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) }]);
    expect(JSON.stringify(listed.body)).not.toContain(key);
  });

  it('refuses a revoked key on its very next request, and keeps it listed as revoked', async () => {
    const tenantId = await merchant();
    const { key, id } = (await create(tenantId)).body;
    expect((await shopSynchWith(tenantId, key)).status).toBe(200);
    const revoked = await revoke(tenantId, id);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, active: false, revokedAt: expect.any(String) });
    const next = await shopSynchWith(tenantId, key);
    expect(next.status).toBe(401);
    expect(next.body).toEqual({ status: false, message: 'X-MerchantApiKey is not valid' });
    expect((await revoke(tenantId, id)).body).toEqual(revoked.body);
    expect((await list(tenantId)).body.items).toEqual([expect.objectContaining({ id, active: false })]);
  });

  it("pages through the keys, and another tenant's admin cannot see or revoke them", async () => {
    const tenantId = await merchant();
    const stranger = await merchant();
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await create(tenantId)).body.id);
    const first = await list(tenantId, 'limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await list(tenantId, `limit=2&cursor=${first.body.nextCursor}`);
    expect([...first.body.items, ...second.body.items].map((item: { id: string }) => item.id).sort()).toEqual(ids.sort());
    expect((await list(stranger)).body.items).toEqual([]);
    const foreign = await revoke(stranger, ids[0]!);
    expect(foreign.status).toBe(404);
    expect((await list(tenantId)).body.items.every((item: { active: boolean }) => item.active)).toBe(true);
    const tampered = await list(tenantId, 'cursor=bm9wZQ');
    expect(tampered.status).toBe(422);
    expect(tampered.body.errors).toEqual([{ path: 'query.cursor', message: 'is not a cursor of this list' }]);
  });

  it('with an Idempotency-Key, a retry creates no second key and never shows the secret again', async () => {
    const tenantId = await merchant();
    const retry = () =>
      invoke(createKey, {
        path: '/admin/merchant-api-keys',
        routeKey: 'POST /admin/merchant-api-keys',
        headers: { ...admin(tenantId), 'idempotency-key': 'create-once' },
      });
    const first = await retry();
    expect(first.status).toBe(201);
    const again = await retry();
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, maskedKey: first.body.maskedKey, key: null });
    expect(JSON.stringify(again.body)).not.toContain(first.body.key);
    expect(await itemsOfType(tenantId, 'MerchantApiKey')).toHaveLength(1);
  });

  it('asks for the admin permission: a writer gets 403 and no key', async () => {
    const tenantId = await merchant();
    const reply = await invoke(createKey, {
      path: '/admin/merchant-api-keys',
      routeKey: 'POST /admin/merchant-api-keys',
      headers: { authorization: bearer(tokenFor(tenantId)) },
    });
    expect(reply.status).toBe(403);
    expect(await itemsOfType(tenantId, 'MerchantApiKey')).toEqual([]);
  });
});

describe('business settings', () => {
  const get = (tenantId: string) =>
    invoke(getSettings, { path: '/admin/settings', routeKey: 'GET /admin/settings', headers: admin(tenantId) });
  const patch = (tenantId: string, body: unknown) =>
    invoke(updateSettings, { path: '/admin/settings', routeKey: 'PATCH /admin/settings', headers: admin(tenantId), body });

  it('reads and changes the Stripe account, sync requirement, currency and default location', async () => {
    const tenantId = await seedTenant({
      name: 'Settings merchant',
      locations: [
        { id: 'wh_1', name: 'One' },
        { id: 'wh_2', name: 'Two' },
      ],
      defaultLocationId: 'wh_1',
    });
    expect((await get(tenantId)).body).toEqual({
      name: 'Settings merchant',
      currency: 'usd',
      defaultLocationId: 'wh_1',
      stripe: { accountId: null, syncRequired: false },
    });
    const changed = await patch(tenantId, {
      currency: 'ngn',
      defaultLocationId: 'wh_2',
      stripe: { accountId: 'acct_9zz', syncRequired: true },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual({
      name: 'Settings merchant',
      currency: 'ngn',
      defaultLocationId: 'wh_2',
      stripe: { accountId: 'acct_9zz', syncRequired: true },
    });
    expect((await get(tenantId)).body).toEqual(changed.body);
    const [tenant] = await itemsOfType(tenantId, 'Tenant');
    expect(tenant).toMatchObject({ currency: 'ngn', defaultLocationId: 'wh_2', stripe: { accountId: 'acct_9zz', syncRequired: true } });

    const cleared = await patch(tenantId, { defaultLocationId: null, stripe: { accountId: null } });
    expect(cleared.body).toEqual({
      name: 'Settings merchant',
      currency: 'ngn',
      defaultLocationId: null,
      stripe: { accountId: null, syncRequired: true },
    });
  });

  it('refuses a default location that does not exist and bad values by path, changing nothing', async () => {
    const tenantId = await seedTenant({ name: 'Settings merchant', locations: [{ id: 'wh_1', name: 'One' }] });
    const before = await tenantItems(tenantId);
    const missing = await patch(tenantId, { defaultLocationId: 'wh_nowhere' });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([{ path: 'defaultLocationId', message: 'no location with id "wh_nowhere"' }]);
    const bad = await patch(tenantId, { currency: 'Euro', stripe: { accountId: 'nope' } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((error: { path: string }) => error.path).sort()).toEqual(['currency', 'stripe.accountId']);
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('keeps both of two concurrent changes to different settings', async () => {
    const tenantId = await seedTenant({ name: 'Settings merchant', locations: [{ id: 'wh_1', name: 'One' }] });
    await Promise.all([
      patch(tenantId, { currency: 'gbp' }),
      patch(tenantId, { stripe: { syncRequired: true } }),
      patch(tenantId, { name: 'Renamed' }),
    ]);
    expect((await get(tenantId)).body).toEqual({
      name: 'Renamed',
      currency: 'gbp',
      defaultLocationId: null,
      stripe: { accountId: null, syncRequired: true },
    });
  });
});
