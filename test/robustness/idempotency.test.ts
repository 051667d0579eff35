import { ROUTES } from '#functions/routes';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { keys } from '#shared/store/keys';
import { IDEMPOTENCY_TTL_SECONDS } from '#shared/store/idempotency';
import { isErrorEnvelope } from '#test/support/envelopes';
import { injectFault } from '#test/support/faults';
import { EVERY_ROUTE, forEachRoute, routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { db, table, tenantItems, uniqueId } from '#test/support/tenants';

/** The same request, with its first number changed: still valid, but a different request. */
function bumpFirstNumber(body: Record<string, unknown>): Record<string, unknown> {
  const copy = structuredClone(body);
  const name = Object.keys(copy).find((field) => typeof copy[field] === 'number')!;
  copy[name] = (copy[name] as number) + 1;
  return copy;
}

/** Routes whose demo body has a number to change: another valid request under the same key. */
const withNumber = (route: RouteUnderTest) => route.hasBody && Object.values(route.validBody()).some((value) => typeof value === 'number');

/**
 * The replay a route answers to a retry of `first`: the first answer itself, except for the one
 * answer that carries a secret (a merchant key's), which is never stored: its replay is 200 with
 * the key's ID and masked form, and `key: null` (see bounds.test.ts).
 */
function expectedReplay(route: RouteUnderTest, first: { status: number; body: Record<string, unknown> }) {
  if (route.route.name !== 'createMerchantApiKey') return first;
  const { id, maskedKey, createdAt } = first.body;
  return { status: 200, body: { id, maskedKey, createdAt, key: null, detail: expect.any(String) } };
}

const withoutRequestId = (headers: Record<string, string>) => {
  const { 'x-request-id': _id, 'idempotent-replayed': _replayed, ...rest } = headers;
  return rest;
};

describe('Idempotency-Key on every route', EVERY_ROUTE, () => {
  let routes: RouteUnderTest[];
  beforeAll(async () => {
    // Reads take no Idempotency-Key: only writes are under test here.
    routes = (await routesUnderTest()).filter((route) => route.writes);
  });
  afterEach(() => vi.restoreAllMocks());

  it('replays the first success for a retry with the same key and body: same status, same body, nothing new written', async () => {
    await forEachRoute(routes, async (route) => {
      const key = uniqueId('idem');
      const first = await route.call({ headers: { 'idempotency-key': key } });
      expect(first.status, `${route.route.name}: ${JSON.stringify(first.body)}`).toBe(route.demo.example.expect.first);
      const afterFirst = await tenantItems(route.tenantId);
      const retry = await route.call({ headers: { 'idempotency-key': key } });
      const replay = expectedReplay(route, first);
      expect(retry.status, route.route.name).toBe(replay.status);
      expect(retry.body).toEqual(replay.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect(withoutRequestId(retry.headers)).toEqual(withoutRequestId(first.headers));
      expect(await tenantItems(route.tenantId)).toEqual(afterFirst);
    });
  });

  it('refuses the same key with a different body: 422 in the route envelope, nothing written', async () => {
    await forEachRoute((await routesUnderTest((candidate) => candidate.method !== 'GET')).filter(withNumber), async (route) => {
      const key = uniqueId('idem');
      await route.call({ headers: { 'idempotency-key': key }, body: route.validBody() });
      const before = await tenantItems(route.tenantId);
      const other = await route.call({ headers: { 'idempotency-key': key }, body: bumpFirstNumber(route.validBody()) });
      expect(other.status, `${route.route.name}: ${JSON.stringify(other.body)}`).toBe(422);
      expect(isErrorEnvelope(route, other.body)).toBe(true);
      expect(await tenantItems(route.tenantId)).toEqual(before);
    });
  });

  // 20 concurrent calls and a fresh copy of the demo per writing route: the time grows with the routes.
  it(
    'resolves 20 concurrent duplicates to one execution: every answer is the success or a retry-later 409',
    { timeout: 10_000 * ROUTES.length },
    async () => {
      const fresh = await routesUnderTest((route) => route.method !== 'GET');
      await forEachRoute(fresh, async (route) => {
        const key = uniqueId('idem');
        const before = await tenantItems(route.tenantId);
        const replies = await Promise.all(Array.from({ length: 20 }, () => route.call({ headers: { 'idempotency-key': key } })));
        const successes = replies.filter((reply) => reply.status < 300);
        expect(successes.length, route.route.name).toBeGreaterThan(0);
        // One first answer; the others are its replays.
        const first = successes.find((reply) => reply.status === route.demo.example.expect.first) ?? successes[0]!;
        for (const reply of successes) expect(reply.body).toEqual(reply === first ? first.body : expectedReplay(route, first).body);
        for (const reply of replies.filter((r) => r.status >= 300)) {
          expect(reply.status, `${route.route.name}: ${JSON.stringify(reply.body)}`).toBe(409);
          expect(isErrorEnvelope(route, reply.body)).toBe(true);
        }
        // One execution: the table changed exactly as one request changes it. The tenant's item count
        // shards are left out: which shards a request's new items fall in depends on their generated IDs.
        const counted = async (tenantId: string) =>
          (await tenantItems(tenantId)).filter((item) => item.type !== 'IdempotencyRecord' && item.type !== 'ItemCount').length;
        const once = await routesUnderTest((candidate) => candidate.name === route.route.name).then(async ([copy]) => {
          if (!copy) throw new Error(`no copy of ${route.route.name}`);
          const start = await counted(copy.tenantId);
          await copy.call();
          return (await counted(copy.tenantId)) - start;
        });
        const beforeCounted = before.filter((item) => item.type !== 'IdempotencyRecord' && item.type !== 'ItemCount').length;
        expect((await counted(route.tenantId)) - beforeCounted, route.route.name).toBe(once);
        const retry = await route.call({ headers: { 'idempotency-key': key } });
        expect(retry.body).toEqual(expectedReplay(route, first).body);
      });
    },
  );

  it('frees the key when the request fails, so a retry runs again', async () => {
    for (const route of routes.filter(withNumber)) {
      const key = uniqueId('idem');
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const fault = injectFault('throttling', 'writes');
      const failed = await route.call({ headers: { 'idempotency-key': key }, body: bumpFirstNumber(route.validBody()) });
      fault.clear();
      expect(failed.status, route.route.name).toBe(503);
      const retry = await route.call({ headers: { 'idempotency-key': key }, body: bumpFirstNumber(route.validBody()) });
      expect(retry.status, `${route.route.name}: ${JSON.stringify(retry.body)}`).toBeLessThan(500);
      expect(retry.headers['idempotent-replayed']).toBeUndefined();
    }
  });

  it('remembers a key for 24 hours by TTL and forgets it once expired', async () => {
    const [route] = await routesUnderTest((candidate) => candidate.method !== 'GET');
    const key = uniqueId('idem');
    const first = await route!.call({ headers: { 'idempotency-key': key } });
    const record = (await tenantItems(route!.tenantId)).find((item) => item.pk === keys.idempotency(route!.tenantId, key).pk)!;
    expect(record).toMatchObject({ type: 'IdempotencyRecord', status: 'COMPLETED' });
    const now = Math.floor(Date.now() / 1000);
    expect(record.expiresAt).toBeGreaterThanOrEqual(now + IDEMPOTENCY_TTL_SECONDS - 60);
    expect(record.expiresAt).toBeLessThanOrEqual(now + IDEMPOTENCY_TTL_SECONDS);

    // TTL deletes lazily; an expired record must already count as gone.
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: keys.idempotency(route!.tenantId, key),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': now - 1 },
      }),
    );
    const later = await route!.call({ headers: { 'idempotency-key': key } });
    expect(later.headers['idempotent-replayed']).toBeUndefined();
    expect(later.body).not.toEqual(first.body);
  });

  it('rejects a malformed key in the route envelope', async () => {
    await forEachRoute(routes, async (route) => {
      const reply = await route.call({ headers: { 'idempotency-key': 'x'.repeat(256) } });
      expect(reply.status, route.route.name).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(isErrorEnvelope(route, reply.body)).toBe(true);
    });
  });
});
