import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  contentTypes,
  hostileText,
  maybeIdempotencyKey,
  mutatedBody,
  queryString,
  rawBody,
  SHADOWING_VALUES,
} from '#test/robustness/cases';
import { isErrorEnvelope } from '#test/support/envelopes';
import type { Reply } from '#test/support/http';
import { forEachRoute, routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { everyTenantsItems } from '#test/support/tenants';

/**
 * Property-based bad input on every route. ROBUSTNESS_SCALE multiplies the case counts
 * (1 in npm test: 420 body cases and 80 path and query cases per route; e.g. ROBUSTNESS_SCALE=10 for a long run).
 */
const SCALE = Number(process.env.ROBUSTNESS_SCALE ?? 1);
const runs = (count: number) => Math.max(1, Math.round(count * SCALE));
const SEED = process.env.ROBUSTNESS_SEED ? Number(process.env.ROBUSTNESS_SEED) : undefined;
const options = (count: number) => ({ numRuns: runs(count), ...(SEED === undefined ? {} : { seed: SEED }) });
/** Thousands of real calls per test: the limit only catches a hang, so it grows with the case counts. */
const HANG_GUARD = { timeout: 300_000 * Math.max(1, SCALE) };

function checkReply(route: RouteUnderTest, reply: Reply, counts: { success: number }): void {
  expect(reply.status, JSON.stringify(reply.body)?.slice(0, 300)).toBeLessThan(500);
  if (reply.status >= 400) {
    expect(isErrorEnvelope(route, reply.body), JSON.stringify(reply.body)?.slice(0, 300)).toBe(true);
    expect(JSON.stringify(reply.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  } else {
    counts.success += 1;
  }
}

/** The tenants of the routes that wrote nothing hold exactly what they held before the property ran. */
async function expectUntouched(before: (tenantId: string) => unknown[], untouched: readonly RouteUnderTest[]) {
  const after = await everyTenantsItems();
  for (const route of untouched) expect(after(route.tenantId), route.route.name).toEqual(before(route.tenantId));
}

describe('property-based bad input on every route', () => {
  let routes: RouteUnderTest[];
  beforeAll(async () => {
    routes = await routesUnderTest();
    // Take each route's identity first, so that mutations which keep it valid meet the rule.
    await forEachRoute(routes, async (route) => void (await route.call()));
  });

  it('never answers 5xx to arbitrary JSON, non-JSON, pollution or oversized bodies, and writes nothing', HANG_GUARD, async () => {
    const before = await everyTenantsItems();
    const untouched: RouteUnderTest[] = [];
    await forEachRoute(
      routes.filter((candidate) => candidate.hasBody),
      async (route) => {
        const counts = { success: 0 };
        await fc.assert(
          fc.asyncProperty(
            fc.oneof(
              rawBody,
              fc.jsonValue().map((value) => JSON.stringify(value)),
            ),
            maybeIdempotencyKey,
            async (body, key) => {
              checkReply(route, await route.call({ body, ...(key ? { headers: { 'idempotency-key': key } } : {}) }), counts);
            },
          ),
          options(150),
        );
        expect(counts.success, route.route.name).toBe(0);
        untouched.push(route);
      },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUntouched(before, untouched);
  });

  it('never answers 5xx to wrong content types, and writes nothing', HANG_GUARD, async () => {
    const before = await everyTenantsItems();
    const untouched: RouteUnderTest[] = [];
    await forEachRoute(
      routes.filter((candidate) => candidate.hasBody),
      async (route) => {
        const counts = { success: 0 };
        await fc.assert(
          fc.asyncProperty(contentTypes, async (contentType) => {
            checkReply(
              route,
              await route.call({ body: JSON.stringify(route.validBody()), headers: { 'content-type': contentType } }),
              counts,
            );
          }),
          options(20),
        );
        expect(counts.success, route.route.name).toBe(0);
        untouched.push(route);
      },
    );
    await expectUntouched(before, untouched);
  });

  it('never answers 5xx to mutated valid bodies; only a 2xx may write', HANG_GUARD, async () => {
    const before = await everyTenantsItems();
    const untouched: RouteUnderTest[] = [];
    await forEachRoute(
      routes.filter((candidate) => candidate.hasBody),
      async (route) => {
        const counts = { success: 0 };
        await fc.assert(
          fc.asyncProperty(mutatedBody(route), maybeIdempotencyKey, async (body, key) => {
            checkReply(
              route,
              await route.call({ body, headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) } }),
              counts,
            );
          }),
          options(250),
        );
        if (counts.success === 0) untouched.push(route);
      },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expectUntouched(before, untouched);
  });

  it('never answers 5xx to a field or body that shadows toString or valueOf; only a 2xx may write', HANG_GUARD, async () => {
    const before = await everyTenantsItems();
    const untouched: RouteUnderTest[] = [];
    await forEachRoute(
      routes.filter((candidate) => candidate.hasBody),
      async (route) => {
        const counts = { success: 0 };
        const bodies = [
          ...Object.keys(route.validBody()).flatMap((field) => SHADOWING_VALUES.map((value) => ({ ...route.validBody(), [field]: value }))),
          { ...route.validBody(), toString: false, valueOf: {} },
        ];
        for (const body of bodies) {
          checkReply(route, await route.call({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), counts);
        }
        if (counts.success === 0) untouched.push(route);
      },
    );
    await expectUntouched(before, untouched);
  });

  it('never answers 5xx to hostile path parameters or query strings; only a 2xx may write', HANG_GUARD, async () => {
    const before = await everyTenantsItems();
    const untouched: RouteUnderTest[] = [];
    await forEachRoute(routes, async (route) => {
      const counts = { success: 0 };
      const names = Object.keys(route.pathParameters);
      const pathParameters =
        names.length === 0
          ? fc.constant(undefined)
          : fc.option(fc.record(Object.fromEntries(names.map((name) => [name, hostileText]))), { nil: undefined });
      await fc.assert(
        fc.asyncProperty(pathParameters, queryString, maybeIdempotencyKey, async (parameters, query, key) => {
          const reply = await route.call({
            ...(parameters ? { pathParameters: parameters } : {}),
            query,
            ...(key && route.writes ? { headers: { 'idempotency-key': key } } : {}),
          });
          checkReply(route, reply, counts);
        }),
        options(80),
      );
      if (counts.success === 0) untouched.push(route);
    });
    await expectUntouched(before, untouched);
  });

  it('never answers 5xx to a body nested thousands deep with an Idempotency-Key, and writes nothing', async () => {
    const before = await everyTenantsItems();
    const untouched: RouteUnderTest[] = [];
    await forEachRoute(
      routes.filter((candidate) => candidate.hasBody),
      async (route) => {
        const deep = `{"unknown":${'['.repeat(4_000)}${']'.repeat(4_000)}}`;
        checkReply(
          route,
          await route.call({ body: deep, headers: { 'content-type': 'application/json', 'idempotency-key': `deep-${route.tenantId}` } }),
          { success: 0 },
        );
        untouched.push(route);
      },
    );
    await expectUntouched(before, untouched);
  });
});
