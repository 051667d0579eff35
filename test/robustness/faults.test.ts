import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isErrorEnvelope } from '#test/support/envelopes';
import { injectFault, type FaultKind } from '#test/support/faults';
import { EVERY_ROUTE, routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { tenantItems } from '#test/support/tenants';

const KINDS: FaultKind[] = ['throttling', 'transaction-conflict', 'connection-reset', 'timeout'];

describe('DynamoDB faults injected at the SDK level, on every route', EVERY_ROUTE, () => {
  let routes: RouteUnderTest[];
  let clear = () => {};
  beforeAll(async () => {
    routes = await routesUnderTest();
  });
  afterEach(() => clear());

  // First: the SDK's retry quota drains as the later tests fail call after call on purpose.
  it('lets the SDK retry a throttled call before answering 503 (3 attempts)', async () => {
    const route = routes[0]!;
    const fault = injectFault('throttling', 'all');
    clear = fault.clear;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    await route.call();
    log.mockRestore();
    fault.clear();
    expect(fault.attempts()).toBe(3);
  });

  // Every route meets a fault on every call and, if it writes, one on its write only; the four kinds
  // take turns across the routes, so each kind meets many routes without every route meeting every kind.
  for (const only of ['all', 'writes'] as const) {
    it(`a fault on ${only === 'all' ? 'every call' : 'the write only'}: 503 with Retry-After in the envelope, nothing written, then normal service`, async () => {
      // A fault on writes only cannot touch a route that only reads.
      for (const [index, route] of routes.entries()) {
        if (only === 'writes' && !route.writes) continue;
        const kind = KINDS[(index + (only === 'all' ? 0 : 1)) % KINDS.length]!;
        const before = await tenantItems(route.tenantId);
        const fault = injectFault(kind, only);
        clear = fault.clear;
        const log = vi.spyOn(console, 'error').mockImplementation(() => {});
        const reply = await route.call();
        fault.clear();
        // The fault is logged for operators, with the request id the client was given.
        const logged = log.mock.calls.map((args) => String(args[0]));
        log.mockRestore();
        expect(
          logged.some((line) => line.includes(reply.headers['x-request-id']!)),
          `${route.route.name}: ${kind}`,
        ).toBe(true);
        expect(JSON.stringify(reply.body)).not.toMatch(/Exception|socket|stack|at \//);
        expect(reply.status, `${route.route.name} (${kind}): ${JSON.stringify(reply.body)}`).toBe(503);
        expect(Number(reply.headers['retry-after'])).toBeGreaterThan(0);
        expect(isErrorEnvelope(route, reply.body)).toBe(true);
        expect(fault.attempts()).toBeGreaterThan(0);
        expect(await tenantItems(route.tenantId)).toEqual(before);
      }
    });
  }

  it('serves every route normally once the faults are gone', async () => {
    for (const route of routes) {
      const reply = await route.call();
      expect(reply.status, `${route.route.name}: ${JSON.stringify(reply.body)}`).toBe(route.demo.example.expect.first);
    }
  });
});
