import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENTITY } from '#shared/store/table';
import { idempotencyStore } from '#shared/store/idempotency';
import { keys } from '#shared/store/keys';
import { commit } from '#shared/store/transactions';
import { isErrorEnvelope } from '#test/support/envelopes';
import { routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { db, itemsOfType, table, tenantItems, uniqueId } from '#test/support/tenants';

/**
 * Findings of an attacker's pass over the API, one test each: every one of them
 * failed before the fix it names.
 */
describe('hardening', () => {
  let routes: Record<string, RouteUnderTest>;
  beforeAll(async () => {
    routes = Object.fromEntries((await routesUnderTest()).map((route) => [route.route.name, route]));
  });

  describe('Idempotency-Key can never run a request twice', () => {
    it('stores the answer of an OrderCloud record whose xp DynamoDB could not hold as a map, so a retry replays it', async () => {
      const route = routes.createVariantInventoryRecord!;
      const key = uniqueId('idem');
      const body = {
        AddressID: 'wh_main',
        QuantityAvailable: 1,
        xp: { huge: 1e200, tiny: 5e-324, '': 1, nested: { deeper: [1, { a: 2 ** 60 }] } },
      };
      const first = await route.call({ body, headers: { 'idempotency-key': key } });
      expect(first.status, JSON.stringify(first.body)).toBe(201);
      expect(first.body.xp).toEqual(body.xp);
      const record = (await tenantItems(route.tenantId)).find((item) => item.pk === keys.idempotency(route.tenantId, key).pk);
      expect(record).toMatchObject({ status: 'COMPLETED' });
      const retry = await route.call({ body, headers: { 'idempotency-key': key } });
      expect(retry.status).toBe(201);
      expect(retry.body.ID).toBe(first.body.ID);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect((await itemsOfType(route.tenantId, ENTITY.InventoryRecord)).filter((item) => item.id === first.body.ID)).toHaveLength(1);
    });

    it('fences out a request that lost its key: its write is refused whole, and the new holder completes', async () => {
      const tenantId = routes.createInventoryRecord!.tenantId;
      const key = uniqueId('idem');
      const stale = await idempotencyStore.claim(tenantId, key, 'fp', 30);
      if (!('held' in stale)) throw new Error('expected to hold the key');
      // The first holder outlives its lock (it timed out); a retry takes the key over.
      await db.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.idempotency(tenantId, key),
          UpdateExpression: 'SET lockedUntil = :past',
          ExpressionAttributeValues: { ':past': 0 },
        }),
      );
      const fresh = await idempotencyStore.claim(tenantId, key, 'fp', 30);
      expect('held' in fresh).toBe(true);

      const zombieWrite = {
        name: 'probe' as const,
        action: { Put: { TableName: table, Item: { pk: `${keys.tenant(tenantId).pk}#PROBE`, sk: 'PROBE', type: 'Probe' } } },
      };
      const attachment = idempotencyStore.completionAttachment(
        stale.held,
        { statusCode: 200, body: { zombie: true } },
        () => new Error('key lost'),
      );
      await expect(commit([zombieWrite], attachment)).rejects.toThrow('key lost');
      expect((await tenantItems(tenantId)).some((item) => item.type === 'Probe')).toBe(false);
      expect(attachment.committed).toBe(false);
    });

    it('checks X-MerchantApiKey before the Idempotency-Key: a wrong merchant key learns nothing about keys and claims none', async () => {
      const route = routes.createInventoryRecord!;
      const used = uniqueId('idem');
      expect((await route.call({ headers: { 'idempotency-key': used } })).status).toBe(200);
      const inUse = await route.call({ headers: { 'idempotency-key': used, 'x-merchantapikey': 'mk_wrong_0000000' } });
      const unused = await route.call({ headers: { 'idempotency-key': uniqueId('idem'), 'x-merchantapikey': 'mk_wrong_0000000' } });
      expect([inUse.status, unused.status]).toEqual([401, 401]);
      expect(inUse.body).toEqual(unused.body);
      const before = (await itemsOfType(route.tenantId, ENTITY.IdempotencyRecord)).length;
      await route.call({ headers: { 'idempotency-key': uniqueId('idem'), 'x-merchantapikey': 'mk_wrong_0000000' } });
      expect((await itemsOfType(route.tenantId, ENTITY.IdempotencyRecord)).length).toBe(before);
    });
  });

  describe('no input reaches a 500', () => {
    it('refuses OrderCloud xp nested 8,000 deep, without an Idempotency-Key', async () => {
      const route = routes.createVariantInventoryRecord!;
      const before = await tenantItems(route.tenantId);
      const reply = await route.call({
        body: `{"AddressID":"wh_main","xp":{"a":${'{"a":'.repeat(8_000)}1${'}'.repeat(8_000)}}}`,
        headers: { 'content-type': 'application/json' },
      });
      expect(reply.status).toBe(400);
      expect(isErrorEnvelope(route, reply.body)).toBe(true);
      expect(await tenantItems(route.tenantId)).toEqual(before);
    });

    it('refuses a lone surrogate in an ID, in the body and in the path', async () => {
      const shopsynch = routes.createInventoryRecord!;
      const inBody = await shopsynch.call({ body: { ...shopsynch.validBody(), productId: 'prod_\ud800' } });
      expect(inBody.status).toBe(400);
      expect(isErrorEnvelope(shopsynch, inBody.body)).toBe(true);
      const medusa = routes.linkVariantInventoryItem!;
      const inPath = await medusa.call({ pathParameters: { ...medusa.pathParameters, variant_id: 'variant_\udfff' } });
      expect(inPath.status).toBe(400);
      expect(isErrorEnvelope(medusa, inPath.body)).toBe(true);
    });

    it('refuses an ID too long for a key once escaped, though short in characters', async () => {
      const route = routes.createVariant!;
      const reply = await route.call({ body: { ...route.validBody(), product_id: 'é'.repeat(200) } });
      expect(reply.status).toBe(422);
      expect(reply.body.detail[0]).toMatchObject({ type: 'value_error', loc: ['body', 'product_id'] });
      const medusa = routes.linkVariantInventoryItem!;
      const inPath = await medusa.call({ pathParameters: { ...medusa.pathParameters, id: '商'.repeat(150) } });
      expect(inPath.status).toBe(400);
    });
  });

  describe('DayZero SKUs cannot be duplicated by look-alikes', () => {
    it('refuses surrounding whitespace, zero-width, NUL and newline; one Unicode spelling of a SKU is the other', async () => {
      const route = routes.createVariant!;
      const create = (sku: string) => route.call({ body: { ...route.validBody(), sku, name: `SKU ${JSON.stringify(sku)}` } });
      expect((await create('LOOK-ALIKE-1')).status).toBe(201);
      expect((await create('LOOK-ALIKE-1')).status).toBe(409);
      for (const lookAlike of [
        'LOOK-ALIKE-1 ',
        ' LOOK-ALIKE-1',
        'LOOK-ALIKE-1\u200b',
        'LOOK-ALIKE-1\u0000',
        'LOOK-ALIKE-1\n',
        '\ufeffLOOK-ALIKE-1',
      ]) {
        const reply = await create(lookAlike);
        expect(reply.status, JSON.stringify(lookAlike)).toBe(422);
        expect(reply.body.detail[0].loc).toEqual(['body', 'sku']);
      }
      expect((await create('Caf\u00e9-1')).status).toBe(201);
      const decomposed = await create('Cafe\u0301-1');
      expect(decomposed.status).toBe(409);
      expect(decomposed.body).toEqual({ detail: 'Variant with same SKU already exists' });
      const guards = (await itemsOfType(route.tenantId, ENTITY.SkuGuard)).map((guard) => guard.sku);
      expect(guards.filter((sku) => String(sku).startsWith('Caf'))).toEqual(['Caf\u00e9-1']);
    });
  });
});
