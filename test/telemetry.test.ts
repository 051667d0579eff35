import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { injectFault } from '#test/support/faults';
import { captureLogs, metricRecords, records, requestLines } from '#test/support/logs';
import { EVERY_ROUTE, routesUnderTest, type RouteUnderTest } from '#test/support/routes';

const routeKeyOf = (route: RouteUnderTest) =>
  `${route.route.method} ${route.route.paths.find((path) => path.split('/').length === route.demo.example.path.split('/').length)}`;

describe('request telemetry on every route', () => {
  let routes: RouteUnderTest[];
  let clear = () => {};
  beforeAll(async () => {
    routes = await routesUnderTest();
  });
  afterEach(() => clear());

  it(
    'logs one structured line per request, its metrics included: IDs, route, tenant, status, duration and DynamoDB round trips',
    EVERY_ROUTE,
    async () => {
      for (const route of routes) {
        let reply!: Awaited<ReturnType<RouteUnderTest['call']>>;
        const lines = await captureLogs(async () => {
          reply = await route.call();
        });
        const logged = requestLines(lines);
        expect(logged, route.route.name).toHaveLength(1);
        expect(logged[0]).toMatchObject({
          level: 'INFO',
          service: 'inventory-api',
          function_request_id: reply.headers['x-request-id'],
          correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          route: routeKeyOf(route),
          tenant_id: route.tenantId,
          status: route.demo.example.expect.first,
          duration_ms: expect.any(Number),
          dynamodb_round_trips: expect.any(Number),
        });
        expect(logged[0]!.dynamodb_round_trips, route.route.name).toBeGreaterThan(0);
        // The access line is the route's EMF metrics record: one write to the log per request.
        expect(logged[0]!._aws?.CloudWatchMetrics, route.route.name).toHaveLength(1);
        expect(records(lines), route.route.name).toHaveLength(1);
        // Debug logs are off unless sampled (POWERTOOLS_LOGGER_SAMPLE_RATE, 0 here).
        expect(records(lines).filter((record) => record.level === 'DEBUG')).toEqual([]);
      }
    },
  );

  it('counts every attempt as a round trip, retries included, and logs the fault with its request ID', EVERY_ROUTE, async () => {
    for (const route of routes) {
      const fault = injectFault('connection-reset', 'all');
      clear = fault.clear;
      let reply!: Awaited<ReturnType<RouteUnderTest['call']>>;
      const lines = await captureLogs(async () => {
        reply = await route.call({ headers: { 'idempotency-key': `fault-${route.tenantId}` } });
      });
      fault.clear();
      expect(reply.status).toBe(503);
      const [line] = requestLines(lines);
      expect(line).toMatchObject({ status: 503, dynamodb_round_trips: fault.attempts() });
      const error = records(lines).find((record) => record.level === 'ERROR');
      expect(error).toMatchObject({
        message: 'request failed',
        function_request_id: reply.headers['x-request-id'],
        error: { name: 'Error', message: 'socket hang up' },
      });
    }
  });

  it('publishes requests, status classes, identity conflicts, idempotent replays and DynamoDB 503s per route', EVERY_ROUTE, async () => {
    const fresh = await routesUnderTest();
    for (const route of fresh) {
      const dimensions = { service: 'inventory-api', route: routeKeyOf(route) };
      const metricsOf = async (call: () => Promise<unknown>) => {
        const published = metricRecords(await captureLogs(async () => void (await call())));
        expect(published, route.route.name).toHaveLength(1);
        expect(published[0]).toMatchObject({ namespace: 'InventoryApi', dimensions });
        return published[0]!.values;
      };
      const key = { headers: { 'idempotency-key': `metrics-${route.tenantId}` } };
      expect(await metricsOf(() => route.call(key))).toEqual({ Requests: 1, Status2xx: 1 });
      // A read takes no Idempotency-Key, so it has nothing to replay.
      expect(await metricsOf(() => route.call(key))).toEqual({
        Requests: 1,
        Status2xx: 1,
        ...(route.writes ? { IdempotentReplays: 1 } : {}),
      });
      const repeat = route.demo.example.expect.repeat;
      const repeated = await metricsOf(() => route.call());
      if (repeat < 300) expect(repeated).toEqual({ Requests: 1, Status2xx: 1 });
      else if (repeat === 409) expect(repeated).toEqual({ Requests: 1, Status4xx: 1, IdentityConflicts: 1 });
      // Some APIs answer an identity conflict with a 400 (Medusa's second level at one location): counted as one all the same.
      else expect(repeated).toEqual({ Requests: 1, Status4xx: 1, ...(repeated.IdentityConflicts ? { IdentityConflicts: 1 } : {}) });
      expect(await metricsOf(() => route.call({ token: 'not-a-token' }))).toEqual({ Requests: 1, Status4xx: 1 });

      const fault = injectFault('throttling', 'all');
      clear = fault.clear;
      expect(await metricsOf(() => route.call())).toEqual({ Requests: 1, Status5xx: 1, DynamoDbUnavailable: 1 });
      fault.clear();
    }
  });
});
