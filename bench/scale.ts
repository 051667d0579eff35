/** Latency in a tenant holding a lot of data against a small one: what grows with the data, and what does not. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ROUTES, type LambdaHandler, type RouteDefinition } from '#functions/routes';
import { mintToken, type DevIssuer } from '#scripts/local/devIssuer';
import { lambdaContext } from '#scripts/local/apiGatewayEvent';
import type { StockAdjustment } from '#shared/domain/adjustment';
import { creationMovement, newStockRecord } from '#shared/domain/stock';
import { documentClient } from '#shared/store/client';
import { loadFixtures } from '#shared/store/fixtures';
import { toItem } from '#shared/store/items';
import { adjustmentKeys } from '#shared/store/keys';
import { newStockRecordItems } from '#shared/store/levelItems';
import { ENTITY } from '#shared/store/table';
import { eventFor, median, round, seed, TABLE, timedCall, tokenFor, writeAll, type BenchRoute } from './harness.ts';
import { recordPartitions, removePartitions } from './partitions.ts';
import type { Recorder } from './recorder.ts';
import { LOW_STOCK_SCALE, REPORT_SCALE, REQUESTS, SCALE_ITEMS } from './settings.ts';
import { range, type Workload } from './workload.ts';
import { WORKLOADS } from './workloads.ts';

/** SCALE_ITEMS products and variants of a tenant, in partitions no workload reads. */
function filler(tenantId: string) {
  return Array.from({ length: SCALE_ITEMS }, (_, i) => ({
    pk: `TENANT#${tenantId}#PRODUCT#filler_${Math.floor(i / 10)}`,
    sk: i % 10 === 0 ? 'PRODUCT' : `VARIANT#v${i % 10}`,
    type: i % 10 === 0 ? 'Product' : 'Variant',
    id: `filler_${i}`,
    tenantId,
    name: `Filler ${i}`,
  }));
}

/** Latency of each route in a tenant holding SCALE_ITEMS items against an empty one, interleaved. */
export async function measureScale(
  routes: readonly BenchRoute[],
  handlers: Map<string, LambdaHandler>,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const results: Record<string, Record<string, number>> = {};
  const requests = Math.min(300, REQUESTS);
  const large = 'benchbig';
  await writeAll(raw, filler(large));
  const written = recordPartitions([raw, documentClient()], large, (pk) => pk.startsWith(`TENANT#${large}#PRODUCT#filler_`));
  for (const route of routes) {
    const workload = WORKLOADS[route.name];
    const small = `benchsmall_${route.name}`;
    await seed(raw, small, workload);
    await seed(raw, large, workload);
    const handler = handlers.get(route.name)!;
    const times: Record<string, number[]> = { [small]: [], [large]: [] };
    for (let i = 0; i < Math.min(requests, Math.floor(workload.capacity / 2)); i += 1) {
      for (const tenant of i % 2 === 0 ? [small, large] : [large, small]) {
        const event = eventFor(route, workload.request(i, tenant), tokenFor(issuer, tenant, workload));
        const started = performance.now();
        const result = await handler(event, lambdaContext(route.name));
        if (i >= 20) times[tenant]!.push(performance.now() - started);
        if (result.statusCode !== workload.status) throw new Error(`scale ${route.name} ${tenant}: ${result.statusCode} ${result.body}`);
      }
    }
    results[route.name] = {
      scaleP50MsEmpty: round(median(times[small]!), 2),
      scaleP50MsLarge: round(median(times[large]!), 2),
      scaleRatio: round(median(times[large]!) / median(times[small]!)),
    };
    // Routes' workloads name the same IDs (items, reservations): what one route wrote in the large
    // tenant goes before the next one seeds it, so that no route meets another's writes (a
    // reservation left on an item another deletes), and the filler stays.
    await removePartitions(raw, written.take());
  }
  written.stop();
  return results;
}

/**
 * The low-stock report of a tenant with `large` stock records against one with `small`, both
 * with `low` records at or below their reorder level, requests interleaved: the report reads
 * only the sparse low-stock index, so its cost and latency follow the low records alone.
 */
export async function measureLowStockScale(
  handlers: Map<string, LambdaHandler>,
  recorder: Recorder,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const key = 'mk_bench_lowstock_0123456789';
  const at = new Date().toISOString();
  const compared = await compareSeededTenants(handlers, recorder, issuer, {
    route: 'listLowStockInventory',
    tenants: { small: `benchlow_${LOW_STOCK_SCALE.small}`, large: `benchlow_${LOW_STOCK_SCALE.large}` },
    async seed(size, tenantId) {
      const locations = range(5, (i) => ({ id: `wh_low_${i}`, name: `Warehouse ${i}` }));
      await loadFixtures(raw, TABLE, { tenants: [{ id: tenantId, name: `Bench ${tenantId}`, merchantApiKeys: [key], locations }] });
      // The records themselves (the report reads nothing else): one product per record, five warehouses.
      const items = range(LOW_STOCK_SCALE[size], (i) => {
        const record = newStockRecord({
          id: `inv_${i.toString(16).padStart(32, '0')}`,
          tenantId,
          productId: `prod_low_${i}`,
          variantId: null,
          location: locations[i % 5]!,
          bin: null,
          onHandQty: 100,
          reservedQty: 0,
          reorderLevel: i < LOW_STOCK_SCALE.low ? 100 : 10,
          reorderQty: null,
          attributes: {},
          countedAt: null,
          at,
        });
        return newStockRecordItems(record, creationMovement(record, 'bench')).item;
      });
      await writeAll(raw, items);
    },
    request: () => ({ path: '/v1/inventory/low-stock', headers: { 'x-merchantapikey': key }, body: undefined }),
    check(body) {
      const returned = (body as { data?: unknown[] }).data?.length ?? 0;
      if (returned !== LOW_STOCK_SCALE.low) throw new Error(`low-stock: ${returned} records, ${LOW_STOCK_SCALE.low} expected`);
    },
  });
  return (
    compared && { recordsSmall: LOW_STOCK_SCALE.small, recordsLarge: LOW_STOCK_SCALE.large, lowRecords: LOW_STOCK_SCALE.low, ...compared }
  );
}

/**
 * The adjustment-reasons report of one day holding REPORT_SCALE.inPeriod adjustments, in a business
 * with REPORT_SCALE.outside more before that day (the same month and earlier months) against one
 * without them: the report queries only the period's range of each month it covers.
 */
export async function measureReportScale(
  handlers: Map<string, LambdaHandler>,
  recorder: Recorder,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const adjustment = (tenantId: string, i: number, createdAt: string): StockAdjustment => ({
    id: `adj_${String(i).padStart(8, '0')}`,
    tenantId,
    productId: 'prod_report',
    variantId: `var_report_${i % 50}`,
    locationId: 'loc_report',
    delta: (i % 7) - 3 || 1,
    reason: ['shrinkage', 'damage', 'count_variance', 'found'][i % 4]!,
    reasonCode: null,
    unitCostCents: 450,
    createdAt,
  });
  const inPeriod = (i: number) => `2026-10-20T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z`;
  // Before the period: the first 19 days of its month, and the four months before it.
  const outside = (i: number) =>
    i % 2 === 0
      ? `2026-10-${String(1 + (i % 19)).padStart(2, '0')}T08:00:${String(i % 60).padStart(2, '0')}Z`
      : `2026-0${6 + (i % 4)}-15T08:00:${String(i % 60).padStart(2, '0')}Z`;
  const compared = await compareSeededTenants(handlers, recorder, issuer, {
    route: 'adjustmentReasonsReport',
    tenants: { small: 'benchreport_small', large: 'benchreport_large' },
    async seed(size, tenantId) {
      await loadFixtures(raw, TABLE, {
        tenants: [{ id: tenantId, name: `Bench ${tenantId}`, locations: [{ id: 'loc_report', name: 'Main' }] }],
      });
      const entries = [
        ...range(REPORT_SCALE.inPeriod, (i) => adjustment(tenantId, i, inPeriod(i))),
        ...(size === 'large' ? range(REPORT_SCALE.outside, (i) => adjustment(tenantId, REPORT_SCALE.inPeriod + i, outside(i))) : []),
      ];
      await writeAll(
        raw,
        entries.map((entry) => toItem(ENTITY.StockAdjustment, adjustmentKeys.entry(tenantId, entry.createdAt, entry.id), entry)),
      );
    },
    request: (tenantId) => ({
      path: '/api/v1/inventory/reports/adjustment-reasons',
      query: 'since=2026-10-20T00:00:00Z&until=2026-10-20T23:59:59Z',
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    check(body) {
      const total = (body as { total_adjustments?: number }).total_adjustments;
      if (total !== REPORT_SCALE.inPeriod) throw new Error(`report: ${total} adjustments, ${REPORT_SCALE.inPeriod} expected`);
    },
  });
  return compared && { adjustmentsInPeriod: REPORT_SCALE.inPeriod, adjustmentsOutside: REPORT_SCALE.outside, ...compared };
}

/** One read compared in a small and a large tenant, each holding what `seed` writes for its size. */
export interface TenantComparison {
  /** The route by name: there is nothing to compare when this run does not measure it. */
  route: string;
  tenants: { small: string; large: string };
  seed(size: 'small' | 'large', tenantId: string): Promise<void>;
  request: (tenantId: string) => ReturnType<Workload['request']>;
  check: (body: unknown) => void;
}

/** Seeds both tenants of the comparison (the small one first), then compares them; undefined when the route is not measured. */
export async function compareSeededTenants(
  handlers: Map<string, LambdaHandler>,
  recorder: Recorder,
  issuer: DevIssuer,
  { route: name, tenants, seed, request, check }: TenantComparison,
) {
  const route = ROUTES.find((candidate) => candidate.name === name);
  const handler = handlers.get(name);
  if (!route || !handler) return undefined;
  for (const size of ['small', 'large'] as const) await seed(size, tenants[size]);
  return compareTenants(route, handler, recorder, issuer, tenants, request, check);
}

/** The same read in a small and a large tenant, interleaved: items DynamoDB read for it, and latency. */
async function compareTenants(
  route: RouteDefinition,
  handler: LambdaHandler,
  recorder: Recorder,
  issuer: DevIssuer,
  tenants: { small: string; large: string },
  request: (tenantId: string) => ReturnType<Workload['request']>,
  check: (body: unknown) => void,
) {
  const times: Record<string, number[]> = { small: [], large: [] };
  const itemsRead: Record<string, number[]> = { small: [], large: [] };
  const requests = Math.min(300, REQUESTS);
  for (let i = 0; i < requests; i += 1) {
    for (const size of i % 2 === 0 ? (['small', 'large'] as const) : (['large', 'small'] as const)) {
      const tenantId = tenants[size];
      const event = eventFor(route, request(tenantId), mintToken(issuer, { tenantId }));
      const { result, elapsed, calls } = await timedCall(handler, recorder, route, event, 200, `${route.name} ${tenantId}`);
      check(JSON.parse(result.body ?? '{}'));
      if (i < 20) continue;
      times[size]!.push(elapsed);
      itemsRead[size]!.push(calls.reduce((sum, call) => sum + Number(call.output?.ScannedCount ?? call.output?.Count ?? 0), 0));
    }
  }
  return {
    itemsReadSmall: Math.max(...itemsRead.small!),
    itemsReadLarge: Math.max(...itemsRead.large!),
    p50MsSmall: round(median(times.small!), 2),
    p50MsLarge: round(median(times.large!), 2),
    latencyRatio: round(median(times.large!) / median(times.small!)),
  };
}
