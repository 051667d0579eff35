import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as createKey } from '#functions/admin/createMerchantApiKey/handler';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { handler as listKeys } from '#functions/admin/listMerchantApiKeys/handler';
import { handler as revokeKey } from '#functions/admin/revokeMerchantApiKey/handler';
import { handler as getRecords } from '#functions/shopsynch/listInventoryRecords/handler';
import { merchantKeyDigests } from '#shared/store/migration/merchantKeyDigests';
import { runMigration } from '#shared/store/migration/runner';
import { invoke } from '#test/support/http';
import { bearer, db, itemsOfType, seedTenant, table, tokenFor, uniqueId } from '#test/support/tenants';

/**
 * Issue 30, finding 6: merchant key digests keyed with a secret the stack holds, and the keys
 * stored before (as SHA-256 of the key) re-stored on their first use without losing one.
 */
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
// The pepper as the docs define it, computed here on its own: HKDF-SHA256 of the sealing secret under its label.
const pepper = Buffer.from(
  hkdfSync('sha256', Buffer.from(process.env.CURSOR_KEY!, 'utf8'), Buffer.alloc(0), 'inventory-api merchant-key digest v1', 32),
);
const hmac = (key: string) => createHmac('sha256', pepper).update(key, 'utf8').digest('hex');

const admin = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) });
const list = (tenantId: string) =>
  invoke(listKeys, { path: '/admin/merchant-api-keys', routeKey: 'GET /admin/merchant-api-keys', headers: admin(tenantId) });
const revoke = (tenantId: string, id: string) =>
  invoke(revokeKey, {
    path: `/admin/merchant-api-keys/${id}`,
    routeKey: 'DELETE /admin/merchant-api-keys/{id}',
    pathParameters: { id },
    headers: admin(tenantId),
  });
const importKeys = (tenantId: string, merchantApiKeys: string[]) =>
  invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: admin(tenantId),
    body: { tenants: [{ id: tenantId, name: 'Digest merchant', merchantApiKeys }] },
  });
/** A ShopSynch read: its status says whether the key was taken (200) or refused (401). */
const use = async (tenantId: string, key: string) =>
  (
    await invoke(getRecords, {
      path: '/v1/inventory',
      routeKey: 'GET /v1/inventory',
      headers: { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': key },
    })
  ).status;

const merchant = () => seedTenant({ name: 'Digest merchant', locations: [{ id: 'wh_1', name: 'One' }] });

/** A key as the version before keyed digests wrote it: under its SHA-256, with no `digest` attribute. */
async function storeLegacyKey(tenantId: string, key: string, extra: Record<string, unknown> = {}) {
  const keyHash = sha256(key);
  await db.send(
    new PutCommand({
      TableName: table,
      Item: {
        pk: `TENANT#${tenantId}`,
        sk: `APIKEY#${keyHash}`,
        type: 'MerchantApiKey',
        tenantId,
        keyHash,
        last4: key.slice(-4),
        active: true,
        createdAt: '2026-01-02T03:04:05Z',
        ...extra,
      },
    }),
  );
  return keyHash.slice(0, 16);
}

const keyItems = (tenantId: string) => itemsOfType(tenantId, 'MerchantApiKey');

describe('merchant key digests, keyed with the pepper', () => {
  it('stores a new key as HMAC-SHA256 under the derived pepper, never as its SHA-256', async () => {
    const tenantId = await merchant();
    const created = await invoke(createKey, {
      path: '/admin/merchant-api-keys',
      routeKey: 'POST /admin/merchant-api-keys',
      headers: admin(tenantId),
    });
    expect(created.status).toBe(201);
    const key: string = created.body.key;
    const [stored, ...more] = await keyItems(tenantId);
    expect(more).toEqual([]);
    expect(stored!.keyHash).not.toBe(sha256(key));
    expect(stored!.keyHash).toBe(hmac(key));
    expect(stored!.sk).toBe(`APIKEY#${hmac(key)}`);
    expect(created.body.id).toBe(hmac(key).slice(0, 16));
    expect(JSON.stringify(stored)).not.toContain(sha256(key).slice(0, 16));
    expect(await use(tenantId, key)).toBe(200);
  });

  it('a copy of the table does not give a short imported key away to a dictionary of SHA-256s', async () => {
    const tenantId = uniqueId('digest');
    const key = 'shop2024';
    const imported = await importKeys(tenantId, [key]);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(await use(tenantId, key)).toBe(200);
    // The attacker's dictionary: short words and years, the real key among them.
    const words = ['shop', 'store', 'admin', 'merchant', 'secret', 'key'];
    const dictionary = words.flatMap((word) => Array.from({ length: 40 }, (_, i) => `${word}${1990 + i}`));
    expect(dictionary).toContain(key);
    const copy = JSON.stringify(await keyItems(tenantId));
    const found = dictionary.filter((guess) => copy.includes(sha256(guess).slice(0, 16)));
    expect(found).toEqual([]);
    expect(copy).toContain(hmac(key));
  });

  it('imports a key again as unchanged, even one still stored by its SHA-256: never a second item for it', async () => {
    const tenantId = await merchant();
    const key = 'mk_legacy_twice_1';
    await storeLegacyKey(tenantId, key);
    const again = await importKeys(tenantId, [key]);
    expect(again.status).toBe(200);
    expect(await keyItems(tenantId)).toHaveLength(1);
    expect(await use(tenantId, key)).toBe(200);
    expect((await importKeys(tenantId, [key])).status).toBe(200);
    expect(await keyItems(tenantId)).toHaveLength(1);
  });
});

describe('a key stored by SHA-256 before the upgrade', () => {
  it('still authenticates, is re-stored under its keyed digest on first use, and keeps its ID', async () => {
    const tenantId = await merchant();
    const key = 'legacy01';
    const id = await storeLegacyKey(tenantId, key);
    const before = (await list(tenantId)).body.items;
    expect(before).toEqual([expect.objectContaining({ id, active: true, createdAt: '2026-01-02T03:04:05Z' })]);

    expect(await use(tenantId, key)).toBe(200);
    const [stored, ...more] = await keyItems(tenantId);
    expect(more).toEqual([]);
    expect(stored!.keyHash).toBe(hmac(key));
    // The copy of the table holds nothing of the SHA-256: not the digest, not the ID it starts with.
    const copy = JSON.stringify(stored);
    expect(copy).not.toContain(sha256(key));
    expect(copy).not.toContain(id);
    expect(stored!.sk).not.toBe(`APIKEY#${sha256(key)}`);

    const after = (await list(tenantId)).body.items;
    // The same key as listed before, its first use noted.
    expect(after).toEqual([{ ...before[0], lastUsedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) }]);
    expect(await use(tenantId, key)).toBe(200);
    expect(await keyItems(tenantId)).toHaveLength(1);

    const revoked = await revoke(tenantId, id);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, active: false });
    expect(await use(tenantId, key)).toBe(401);
    expect((await revoke(tenantId, id)).body).toEqual(revoked.body);
  });

  it('revoked by its ID before its first use, is refused and stays where it is', async () => {
    const tenantId = await merchant();
    const key = 'legacy02';
    const id = await storeLegacyKey(tenantId, key);
    const revoked = await revoke(tenantId, id);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id, active: false });
    expect(await use(tenantId, key)).toBe(401);
    const [stored, ...more] = await keyItems(tenantId);
    expect(more).toEqual([]);
    expect(stored).toMatchObject({ sk: `APIKEY#${sha256(key)}`, active: false });
  });

  it('used by many requests at once, is re-stored once and every request is answered', async () => {
    const tenantId = await merchant();
    const key = 'legacy03-concurrent';
    const id = await storeLegacyKey(tenantId, key);
    const statuses = await Promise.all(Array.from({ length: 8 }, () => use(tenantId, key)));
    expect(statuses).toEqual(Array(8).fill(200));
    const items = await keyItems(tenantId);
    expect(items).toHaveLength(1);
    expect(items[0]!.keyHash).toBe(hmac(key));
    expect((await list(tenantId)).body.items.map((item: { id: string }) => item.id)).toEqual([id]);
  });

  it('is not taken by another tenant, before or after its first use', async () => {
    const tenantId = await merchant();
    const stranger = await merchant();
    const key = 'legacy04-tenant';
    const id = await storeLegacyKey(tenantId, key);
    expect(await use(stranger, key)).toBe(401);
    expect(await use(tenantId, key)).toBe(200);
    expect(await use(stranger, key)).toBe(401);
    expect((await revoke(stranger, id)).status).toBe(404);
  });

  it('is counted and marked by the migration step, and keeps working until its first use re-stores it', async () => {
    const tenantId = await merchant();
    const keys = ['legacy05-a', 'legacy05-b'];
    for (const key of keys) await storeLegacyKey(tenantId, key);
    const all =
      (
        await db.send(
          new ScanCommand({
            TableName: table,
            FilterExpression: '#t = :t',
            ExpressionAttributeNames: { '#t': 'type' },
            ExpressionAttributeValues: { ':t': 'MerchantApiKey' },
            ConsistentRead: true,
          }),
        )
      ).Items ?? [];
    const legacy = all.filter((item) => item.digest === undefined).length;
    expect(legacy).toBeGreaterThanOrEqual(2);

    const [report] = await runMigration([merchantKeyDigests], { pageSize: 7 });
    expect(report!.counts).toEqual({ migrated: legacy, already: all.length - legacy, left: 0 });
    expect((await keyItems(tenantId)).map((item) => item.digest)).toEqual(['sha256', 'sha256']);

    expect(await use(tenantId, keys[0]!)).toBe(200);
    const items = await keyItems(tenantId);
    expect(items.map((item) => item.digest).sort()).toEqual(['hmac-sha256 v1', 'sha256']);
    expect(items.find((item) => item.digest === 'sha256')!.keyHash).toBe(sha256(keys[1]!));
    expect(await use(tenantId, keys[1]!)).toBe(200);
    expect((await keyItems(tenantId)).every((item) => item.digest === 'hmac-sha256 v1')).toBe(true);
  });

  it('migrated under a secret since rotated, is still listed (by its place) and revoked, never a 500', async () => {
    const tenantId = await merchant();
    const place = sha256(`place-${tenantId}`);
    await db.send(
      new PutCommand({
        TableName: table,
        Item: {
          pk: `TENANT#${tenantId}`,
          sk: `APIKEY#${place}`,
          type: 'MerchantApiKey',
          tenantId,
          keyHash: sha256(`old-pepper-${tenantId}`),
          digest: 'hmac-sha256 v1',
          // Sealed under another secret: it does not open under this one.
          legacyIdSealed: randomBytes(44).toString('base64url'),
          last4: 'abcd',
          active: true,
          createdAt: '2026-01-02T03:04:05Z',
        },
      }),
    );
    const listed = await list(tenantId);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: place.slice(0, 16), active: true })]);
    const revoked = await revoke(tenantId, place.slice(0, 16));
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: place.slice(0, 16), active: false });
  });
});
