import { describe, expect, it } from 'vitest';
import { handler as report } from '#functions/dayzero/adjustmentReasonsReport/handler';
import { invoke } from '#test/support/http';
import { bearer, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

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
    expect(Date.now() - started).toBeLessThan(2_000);
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
