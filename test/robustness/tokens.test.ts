import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mintToken, type TokenOptions } from '#scripts/local/devIssuer';
import { ATTACKS } from '#test/robustness/cases';
import { isErrorEnvelope } from '#test/support/envelopes';
import { EVERY_ROUTE, forEachRoute, routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { seedTenant, tenantItems } from '#test/support/tenants';

const issuer = () => inject('devIssuer');
const mint = (options: TokenOptions) => mintToken(issuer(), options);

describe('token attacks on every route', EVERY_ROUTE, () => {
  let routes: RouteUnderTest[];
  beforeAll(async () => {
    routes = await routesUnderTest();
  });

  it('answers each with 401 in the route envelope and writes nothing', async () => {
    await forEachRoute(routes, async (route) => {
      const before = await tenantItems(route.tenantId);
      for (const [attack, build] of Object.entries(ATTACKS)) {
        const reply = await route.call({ token: build(route.tenantId) });
        expect(reply.status, `${route.route.name}: ${attack}`).toBe(401);
        expect(isErrorEnvelope(route, reply.body), `${route.route.name}: ${attack} ${JSON.stringify(reply.body)}`).toBe(true);
      }
      const missing = await route.call({ token: undefined });
      expect(missing.status, `${route.route.name}: no token`).toBe(401);
      expect(await tenantItems(route.tenantId)).toEqual(before);
    });
  });

  it('proves the attacks are the only fault: the same request with a good token succeeds', async () => {
    await forEachRoute(routes, async (route) => {
      const reply = await route.call();
      expect(reply.status, `${route.route.name}: ${JSON.stringify(reply.body)}`).toBe(route.demo.example.expect.first);
    });
  });

  it('treats a valid token of another tenant like a stranger: 4xx in the envelope, neither tenant touched', async () => {
    // A tenant with its own catalog and none of the demo's IDs or keys.
    const stranger = await seedTenant({
      name: 'Stranger',
      merchantApiKeys: ['mk_stranger_key'],
      locations: [{ id: 'wh_other', name: 'Other' }],
    });
    await forEachRoute(routes, async (route) => {
      const before = [await tenantItems(route.tenantId), await tenantItems(stranger)];
      const reply = await route.call({ token: mint({ tenantId: stranger }) });
      if (reply.status === 200) {
        // Medusa answers an unknown variant or item with an empty 200, and the delete of a pair that is not
        // linked, or of a reservation it does not find, with its usual answer (as Medusa 2.21.2 does): the
        // stranger sees nothing of the tenant's.
        const seen = `${route.route.name}: ${JSON.stringify(reply.body)}`;
        // The stock location list shows the stranger's own location; the deletes of an item, a reservation
        // or a pair not there answer as removed what is not there.
        const expected =
          emptyAnswer(reply.body) ||
          (route.route.name === 'deleteVariantInventoryItem' && unlinkedPairAnswer(reply.body)) ||
          (route.route.name === 'listStockLocations' && onlyLocation(reply.body, 'wh_other')) ||
          (route.route.name === 'deleteInventoryItem' && (reply.body as { object?: unknown }).object === 'inventory_item') ||
          (route.route.name === 'deleteReservation' && (reply.body as { object?: unknown }).object === 'reservation');
        expect(expected, seen).toBe(true);
      } else if (route.route.name === 'updateReservation' && reply.status === 400) {
        // Medusa's reservation update answers a reservation it does not find (here: the tenant's) as invalid data.
        expect(reply.body).toEqual({ type: 'invalid_data', message: expect.stringMatching(/^Reservation item with id \S+ not found$/) });
      } else {
        expect([401, 403, 404], `${route.route.name}: ${JSON.stringify(reply.body)}`).toContain(reply.status);
        expect(isErrorEnvelope(route, reply.body)).toBe(true);
      }
      expect([await tenantItems(route.tenantId), await tenantItems(stranger)]).toEqual(before);
    });
  });
});

/** `{}`, or a list answer whose every list is empty. */
function emptyAnswer(body: unknown): boolean {
  if (body === null || typeof body !== 'object') return false;
  const values = Object.values(body);
  const lists = values.filter(Array.isArray);
  return values.length === 0 || (lists.length > 0 && lists.every((list) => list.length === 0));
}

/** Medusa's answer to the delete of a pair: the pair asked for, deleted (the same whether it was linked or not). */
function unlinkedPairAnswer(body: unknown): boolean {
  const answer = body as { object?: unknown; deleted?: unknown; id?: { product?: unknown; inventory?: unknown } };
  return answer.object === 'variant-inventory-item-link' && answer.deleted === true && Object.keys(body as object).length === 3;
}

/** A stock location list that shows this one location only. */
function onlyLocation(body: unknown, locationId: string): boolean {
  const list = (body as { stock_locations?: { id: string }[] }).stock_locations;
  return list !== undefined && list.length === 1 && list[0]!.id === locationId;
}
