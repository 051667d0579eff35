/**
 * `npm run bench`: every function measured side by side with baselines in one run
 * (ratios hold on a noisy machine; absolute times do not). Writes bench/results.json,
 * bench/results.md and the README's benchmark table.
 *
 * BENCH_REQUESTS (1000), BENCH_INIT_RUNS (20), BENCH_LOAD_SECONDS (20),
 * BENCH_SCALE_ITEMS (100000) shorten or lengthen a run. BENCH_ROUTES (route names, comma-separated)
 * measures only those routes and prints the table without writing any file.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { esbuildOptions } from '#infra/bundling';
import { handlerEntry, ROUTES, type RouteDefinition, type RouteName } from '#functions/routes';
import { createDevIssuer, handlerEnvironment, mintToken, type DevIssuer } from '#scripts/local/devIssuer';
import { ensureTable, startDynamoDb } from '#scripts/local/dynamodbLocal';
import { lambdaContext, matchPath, toApiGatewayEvent } from '#scripts/local/apiGatewayEvent';
import { createDocumentClient } from '#shared/store/client';
import type { StockAdjustment } from '#shared/domain/adjustment';
import { creationMovement, newStockRecord } from '#shared/domain/stock';
import { adjustmentKeys } from '#shared/store/keys';
import { toItem } from '#shared/store/items';
import { ENTITY } from '#shared/store/table';
import { loadFixtures } from '#shared/store/fixtures';
import { newStockRecordItems } from '#shared/store/stock';
import { costPerMillionUsd, requestUnits } from './cost.ts';
import { criticalPathRoundTrips, recordCalls, type RecordedCall } from './recorder.ts';
import { IMPORT_ENTRIES } from '#functions/admin/workloads';
import { range, type Workload } from './workload.ts';
import { WORKLOADS } from './workloads.ts';

import type { LambdaHandler } from '#functions/routes';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 1000);
const INIT_RUNS = Number(process.env.BENCH_INIT_RUNS ?? 20);
const LOAD_SECONDS = Number(process.env.BENCH_LOAD_SECONDS ?? 20);
const SCALE_ITEMS = Number(process.env.BENCH_SCALE_ITEMS ?? 100_000);
const ONLY = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim());
const LOAD_CONNECTIONS = 100;
const OUT = resolve('bench/.out');
const TABLE = 'bench';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const median = (values: number[]) => percentile(values, 50);
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const log = (message: string) => console.error(`[bench] ${message}`);

async function main() {
  // Always its own DynamoDB Local: the benchmark fills it with a lot of data.
  const dynamo = await startDynamoDb({ ignoreEnvironment: true });
  try {
    await ensureTable(dynamo.endpoint, TABLE);
    const issuer = createDevIssuer();
    const env = handlerEnvironment(issuer, { tableName: TABLE, endpoint: dynamo.endpoint });
    Object.assign(process.env, env);
    const routes = ROUTES.filter((route) => !ONLY || ONLY.includes(route.name));

    log('bundling');
    const bundles = await bundleAll(routes);
    log('measuring init');
    const init = measureInit(routes, env);
    log('measuring warm latency and round trips');
    const { documentClient } = await import('#shared/store/client');
    const recorder = recordCalls(documentClient());
    const raw = createDocumentClient({ endpoint: dynamo.endpoint });
    const handlers = new Map<string, LambdaHandler>();
    for (const route of routes) handlers.set(route.name, await loadHandler(route));

    const endpoints: Record<string, Record<string, unknown>> = {};
    for (const route of routes) {
      const workload = WORKLOADS[route.name as RouteName];
      const warm = await measureLatency(route, workload, handlers.get(route.name)!, recorder, raw, issuer);
      endpoints[`${route.method} ${route.paths[0]}`] = {
        bundleBytes: bundles[route.name]!.bytes,
        bundleGzipBytes: bundles[route.name]!.gzip,
        bundleRatio: round(bundles[route.name]!.bytes / bundles.baseline!.bytes),
        initMsMedian: round(init[route.name]!.median, 1),
        initRatio: round(init[route.name]!.median / init.baseline!.median),
        ...warm,
      };
    }

    log(`measuring scale (${SCALE_ITEMS} items in one tenant)`);
    const scale = await measureScale(routes, handlers, raw, issuer);
    for (const route of routes) Object.assign(endpoints[`${route.method} ${route.paths[0]}`]!, scale[route.name]);

    const importRow = endpoints[`PUT /admin/catalog`];
    const importThroughput = importRow && {
      entriesPerRequest: IMPORT_ENTRIES,
      itemsPerSecond: round(IMPORT_ENTRIES / (Number(importRow.latencyP50Ms) / 1000), 0),
      costPer10kItemsUsd: round((Number(importRow.costPerMillionUsd) / 1_000_000) * (10_000 / IMPORT_ENTRIES), 4),
    };

    log(
      `measuring the low-stock report at ${LOW_STOCK_SCALE.large} records against ${LOW_STOCK_SCALE.small}, ${LOW_STOCK_SCALE.low} low in each`,
    );
    const lowStock = await measureLowStockScale(handlers, recorder, raw, issuer);
    log(
      `measuring the adjustment-reasons report of a day with ${REPORT_SCALE.inPeriod} adjustments, with and without ${REPORT_SCALE.outside} before it`,
    );
    const report = await measureReportScale(handlers, recorder, raw, issuer);

    log(`measuring load (${LOAD_CONNECTIONS} connections, ${LOAD_SECONDS} s per route)`);
    // BENCH_LOAD_SECONDS=0 leaves the load test out.
    const load = LOAD_SECONDS > 0 ? await measureLoad(routes, raw, issuer) : {};
    for (const route of routes) Object.assign(endpoints[`${route.method} ${route.paths[0]}`]!, load[route.name]);

    const results = {
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? 'unknown',
        memoryGiB: round(totalmem() / 2 ** 30, 1),
        node: process.version,
        date: new Date().toISOString(),
      },
      baseline: {
        bundleBytes: bundles.baseline!.bytes,
        bundleGzipBytes: bundles.baseline!.gzip,
        initMsMedian: round(init.baseline!.median, 1),
      },
      settings: {
        requests: REQUESTS,
        initRuns: INIT_RUNS,
        loadSeconds: LOAD_SECONDS,
        loadConnections: LOAD_CONNECTIONS,
        scaleItems: SCALE_ITEMS,
      },
      endpoints,
      ...(importThroughput ? { importThroughput } : {}),
      ...(lowStock ? { lowStockScale: lowStock } : {}),
      ...(report ? { adjustmentReportScale: report } : {}),
    };
    const table = markdownTable(results);
    if (!ONLY) {
      writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
      writeFileSync('bench/results.md', `${table}\n`);
      updateReadme(table);
    }
    console.log(table);
  } finally {
    await dynamo.stop();
  }
}

// ---------------------------------------------------------------- bundle

async function bundleAll(routes: RouteDefinition[]) {
  const sizes: Record<string, { bytes: number; gzip: number; file: string }> = {};
  const entries: [string, string][] = [
    ['baseline', 'bench/baseline/putOnly.ts'],
    ...routes.map((route): [string, string] => [route.name, handlerEntry(route)]),
  ];
  for (const [name, entry] of entries) {
    const file = join(OUT, name, 'index.mjs');
    mkdirSync(join(OUT, name), { recursive: true });
    // Exactly the options the stack's NodejsFunction bundles with.
    await build({ ...esbuildOptions(entry, file), logLevel: 'silent' });
    const code = readFileSync(file);
    sizes[name] = { bytes: code.length, gzip: gzipSync(code).length, file };
  }
  return sizes;
}

// ---------------------------------------------------------------- init

/** Module initialisation of each bundle in fresh Node processes, interleaved with the baseline. */
function measureInit(routes: RouteDefinition[], env: Record<string, string>) {
  const names = ['baseline', ...routes.map((route) => route.name)];
  const samples: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  const script = `const t = performance.now(); await import(process.argv[1]); process.stdout.write(String(performance.now() - t));`;
  for (let run = 0; run < INIT_RUNS; run += 1) {
    for (const name of run % 2 === 0 ? names : [...names].reverse()) {
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(join(OUT, name, 'index.mjs')).href], {
        env: { ...process.env, ...env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        encoding: 'utf8',
      });
      if (child.status !== 0) throw new Error(`init of ${name} failed: ${child.stderr}`);
      samples[name]!.push(Number(child.stdout));
    }
  }
  return Object.fromEntries(names.map((name) => [name, { median: median(samples[name]!) }]));
}

// ---------------------------------------------------------------- warm latency

async function loadHandler(route: RouteDefinition): Promise<LambdaHandler> {
  const module = await route.handler();
  return module.handler;
}

/** A token of the tenant with the permissions the workload's route needs. */
const tokenFor = (issuer: DevIssuer, tenantId: string, workload: Workload) =>
  mintToken(issuer, { tenantId, ...(workload.scope ? { scope: workload.scope } : {}) });

async function seed(raw: DynamoDBDocumentClient, tenantId: string, workload: Workload) {
  await loadFixtures(raw, TABLE, {
    tenants: [{ id: tenantId, name: `Bench ${tenantId}`, defaultLocationId: workload.catalog.locations?.[0]?.id, ...workload.catalog }],
  });
}

function eventFor(route: RouteDefinition, request: ReturnType<Workload['request']>, token: string): APIGatewayProxyEventV2 {
  const template = route.paths.find((path) => matchPath(path, request.path))!;
  const pathParameters = matchPath(template, request.path)!;
  return toApiGatewayEvent({
    method: route.method,
    path: request.path,
    routeKey: `${route.method} ${template}`,
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(request.query ? { rawQueryString: request.query } : {}),
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...request.headers },
    body: JSON.stringify(request.body),
  });
}

/** The raw SDK calls one request needed, replayed with the same concurrency into a twin tenant. */
async function replay(raw: DynamoDBDocumentClient, calls: RecordedCall[], from: string, to: string) {
  const { BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } =
    await import('@aws-sdk/lib-dynamodb');
  const commands: Record<string, new (input: never) => Parameters<DynamoDBDocumentClient['send']>[0]> = {
    BatchGetCommand,
    DeleteCommand,
    GetCommand,
    PutCommand,
    QueryCommand,
    TransactWriteCommand,
    UpdateCommand,
  } as never;
  const levels: RecordedCall[][] = [];
  let currentEnd = -Infinity;
  for (const call of [...calls].sort((a, b) => a.start - b.start)) {
    if (call.start >= currentEnd || levels.length === 0) levels.push([call]);
    else levels.at(-1)!.push(call);
    currentEnd = Math.max(call.start >= currentEnd ? call.end : currentEnd, call.end);
  }
  const retarget = (input: unknown) => JSON.parse(JSON.stringify(input).replaceAll(from, to)) as never;
  const started = performance.now();
  for (const level of levels) {
    await Promise.all(
      level.map((call) => {
        const Command = commands[call.command];
        if (!Command) throw new Error(`cannot replay ${call.command}: ${JSON.stringify(call.input).slice(0, 400)}`);
        return raw.send(new Command(retarget(call.input))).catch(() => undefined);
      }),
    );
  }
  return performance.now() - started;
}

async function measureLatency(
  route: RouteDefinition,
  workload: Workload,
  handler: LambdaHandler,
  recorder: ReturnType<typeof recordCalls>,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const tenant = `benchlat_${route.name}`;
  const twin = `benchraw_${route.name}`;
  await seed(raw, tenant, workload);
  await seed(raw, twin, workload);
  const token = tokenFor(issuer, tenant, workload);
  const warmup = 50;
  const total = Math.min(workload.capacity, warmup + REQUESTS);
  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  const trips: number[] = [];
  let units = { read: 0, write: 0 };
  for (let i = 0; i < total; i += 1) {
    const event = eventFor(route, workload.request(i, tenant), token);
    recorder.start();
    const started = performance.now();
    const result = await handler(event, lambdaContext(route.name));
    const elapsed = performance.now() - started;
    const calls = recorder.stop();
    if (result.statusCode !== workload.status) throw new Error(`${route.name} request ${i}: ${result.statusCode} ${result.body}`);
    const rawElapsed = await replay(raw, calls, tenant, twin);
    if (i < warmup) continue;
    handlerMs.push(elapsed);
    rawMs.push(rawElapsed);
    trips.push(criticalPathRoundTrips(calls));
    units = requestUnits(calls);
  }
  return {
    latencyP50Ms: round(median(handlerMs), 2),
    latencyP99Ms: round(percentile(handlerMs, 99), 2),
    rawSdkP50Ms: round(median(rawMs), 2),
    latencyRatioP50: round(median(handlerMs) / median(rawMs)),
    criticalPathRoundTrips: Math.max(...trips),
    requestUnits: units,
    costPerMillionUsd: costPerMillionUsd(units),
  };
}

// ---------------------------------------------------------------- scale

/** Create latency in a tenant holding SCALE_ITEMS items against an empty one, interleaved. */
async function measureScale(
  routes: RouteDefinition[],
  handlers: Map<string, LambdaHandler>,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const big = 'benchbig';
  const filler = Array.from({ length: SCALE_ITEMS }, (_, i) => ({
    pk: `TENANT#${big}#PRODUCT#filler_${Math.floor(i / 10)}`,
    sk: i % 10 === 0 ? 'PRODUCT' : `VARIANT#v${i % 10}`,
    type: i % 10 === 0 ? 'Product' : 'Variant',
    id: `filler_${i}`,
    tenantId: big,
    name: `Filler ${i}`,
  }));
  await writeAll(raw, filler);
  const results: Record<string, Record<string, number>> = {};
  const requests = Math.min(300, REQUESTS);
  for (const route of routes) {
    const workload = WORKLOADS[route.name as RouteName];
    const small = `benchsmall_${route.name}`;
    const large = big;
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
  }
  return results;
}

// ---------------------------------------------------------------- low-stock report at scale

const LOW_STOCK_SCALE = {
  small: Number(process.env.BENCH_LOW_STOCK_SMALL ?? 1_000),
  large: Number(process.env.BENCH_LOW_STOCK_LARGE ?? 100_000),
  low: 10,
};

/**
 * The low-stock report of a tenant with `large` stock records against one with `small`, both
 * with `low` records at or below their reorder level, requests interleaved: the report reads
 * only the sparse low-stock index, so its cost and latency follow the low records alone.
 */
async function measureLowStockScale(
  handlers: Map<string, LambdaHandler>,
  recorder: ReturnType<typeof recordCalls>,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const route = ROUTES.find((candidate) => candidate.name === 'listLowStockInventory');
  const handler = handlers.get('listLowStockInventory');
  if (!route || !handler) return undefined;
  const key = 'mk_bench_lowstock_0123456789';
  const at = new Date().toISOString();
  const tenants = { small: `benchlow_${LOW_STOCK_SCALE.small}`, large: `benchlow_${LOW_STOCK_SCALE.large}` };
  for (const [size, tenantId] of Object.entries(tenants) as ['small' | 'large', string][]) {
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
  }
  const compared = await compareTenants(
    route,
    handler,
    recorder,
    issuer,
    tenants,
    () => ({ path: '/v1/inventory/low-stock', headers: { 'x-merchantapikey': key }, body: undefined }),
    (body) => {
      const returned = (body as { data?: unknown[] }).data?.length ?? 0;
      if (returned !== LOW_STOCK_SCALE.low) throw new Error(`low-stock: ${returned} records, ${LOW_STOCK_SCALE.low} expected`);
    },
  );
  return { recordsSmall: LOW_STOCK_SCALE.small, recordsLarge: LOW_STOCK_SCALE.large, lowRecords: LOW_STOCK_SCALE.low, ...compared };
}

const REPORT_SCALE = { inPeriod: 10, outside: Number(process.env.BENCH_REPORT_OUTSIDE ?? 10_000) };

/**
 * The adjustment-reasons report of one day holding REPORT_SCALE.inPeriod adjustments, in a business
 * with REPORT_SCALE.outside more before that day (the same month and earlier months) against one
 * without them: the report queries only the period's range of each month it covers.
 */
async function measureReportScale(
  handlers: Map<string, LambdaHandler>,
  recorder: ReturnType<typeof recordCalls>,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const route = ROUTES.find((candidate) => candidate.name === 'adjustmentReasonsReport');
  const handler = handlers.get('adjustmentReasonsReport');
  if (!route || !handler) return undefined;
  const tenants = { small: 'benchreport_small', large: 'benchreport_large' };
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
  for (const [size, tenantId] of Object.entries(tenants) as ['small' | 'large', string][]) {
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
  }
  const compared = await compareTenants(
    route,
    handler,
    recorder,
    issuer,
    tenants,
    (tenantId) => ({
      path: '/api/v1/inventory/reports/adjustment-reasons',
      query: 'since=2026-10-20T00:00:00Z&until=2026-10-20T23:59:59Z',
      headers: { 'x-business-id': tenantId },
      body: undefined,
    }),
    (body) => {
      const total = (body as { total_adjustments?: number }).total_adjustments;
      if (total !== REPORT_SCALE.inPeriod) throw new Error(`report: ${total} adjustments, ${REPORT_SCALE.inPeriod} expected`);
    },
  );
  return { adjustmentsInPeriod: REPORT_SCALE.inPeriod, adjustmentsOutside: REPORT_SCALE.outside, ...compared };
}

/** The same read in a small and a large tenant, interleaved: items DynamoDB read for it, and latency. */
async function compareTenants(
  route: RouteDefinition,
  handler: LambdaHandler,
  recorder: ReturnType<typeof recordCalls>,
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
      recorder.start();
      const started = performance.now();
      const result = await handler(event, lambdaContext(route.name));
      const elapsed = performance.now() - started;
      const calls = recorder.stop();
      if (result.statusCode !== 200) throw new Error(`${route.name} ${tenantId}: ${result.statusCode} ${result.body}`);
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

/** BatchWrite in chunks of 25 from 8 writers, resending what DynamoDB leaves unprocessed. */
async function writeAll(raw: DynamoDBDocumentClient, items: Record<string, unknown>[]) {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let request: Record<string, unknown[]> | undefined = { [TABLE]: batch.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length) {
          const result = await raw.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    }),
  );
}

// ---------------------------------------------------------------- load

/** LOAD_CONNECTIONS concurrent clients for LOAD_SECONDS against the local server, each request distinct. */
async function measureLoad(routes: RouteDefinition[], raw: DynamoDBDocumentClient, issuer: DevIssuer) {
  const { createLocalApi, listen } = await import('#scripts/local/server');
  const server = await createLocalApi(routes);
  const baseUrl = await listen(server, 0);
  const results: Record<string, Record<string, number>> = {};
  try {
    for (const route of routes) {
      const workload = WORKLOADS[route.name as RouteName];
      const tenant = `benchload_${route.name}`;
      await seed(raw, tenant, workload);
      const token = tokenFor(issuer, tenant, workload);
      const latencies: number[] = [];
      let errors = 0;
      let next = 0;
      const deadline = performance.now() + LOAD_SECONDS * 1000;
      await Promise.all(
        Array.from({ length: workload.loadConnections ?? LOAD_CONNECTIONS }, async () => {
          while (performance.now() < deadline && next < workload.capacity) {
            const request = workload.request(next++, tenant);
            const started = performance.now();
            try {
              const reply = await fetch(`${baseUrl}${request.path}${request.query ? `?${request.query}` : ''}`, {
                method: route.method,
                headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...request.headers },
                body: JSON.stringify(request.body),
              });
              await reply.arrayBuffer();
              if (reply.status !== workload.status) errors += 1;
            } catch {
              errors += 1;
            }
            latencies.push(performance.now() - started);
          }
        }),
      );
      results[route.name] = {
        loadRequests: latencies.length,
        loadThroughputRps: round(latencies.length / LOAD_SECONDS, 1),
        loadP99Ms: round(percentile(latencies, 99), 1),
        loadErrors: errors,
      };
    }
  } finally {
    server.close();
  }
  return results;
}

// ---------------------------------------------------------------- report

function markdownTable(results: {
  machine: Record<string, unknown>;
  baseline: Record<string, unknown>;
  endpoints: Record<string, Record<string, unknown>>;
  importThroughput?: Record<string, number>;
  lowStockScale?: Record<string, number>;
  adjustmentReportScale?: Record<string, number>;
}): string {
  const columns = [
    ['bundleRatio', 'bundle ratio'],
    ['bundleGzipBytes', 'gzip bytes'],
    ['initRatio', 'init ratio'],
    ['latencyRatioP50', 'latency ratio p50'],
    ['latencyP50Ms', 'p50 ms'],
    ['latencyP99Ms', 'p99 ms'],
    ['criticalPathRoundTrips', 'round trips'],
    ['costPerMillionUsd', 'USD per 1M'],
    ['scaleRatio', 'scale ratio'],
    ['loadThroughputRps', 'load req/s'],
    ['loadP99Ms', 'load p99 ms'],
    ['loadErrors', 'load errors'],
  ] as const;
  const m = results.machine;
  return [
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.date}. Baseline: one PutCommand through lib-dynamodb (${results.baseline.bundleBytes} bytes, init ${results.baseline.initMsMedian} ms).`,
    '',
    `| endpoint | ${columns.map(([, label]) => label).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...Object.entries(results.endpoints).map(
      ([endpoint, values]) => `| \`${endpoint}\` | ${columns.map(([key]) => String(values[key] ?? '')).join(' | ')} |`,
    ),
    ...(results.importThroughput
      ? [
          '',
          `Catalog import (\`PUT /admin/catalog\`, one client, ${results.importThroughput.entriesPerRequest} entries per request): ${results.importThroughput.itemsPerSecond} entries per second, USD ${results.importThroughput.costPer10kItemsUsd} of DynamoDB requests per 10,000 entries.`,
        ]
      : []),
    ...(results.lowStockScale
      ? [
          '',
          `Low-stock report at ${results.lowStockScale.recordsLarge} stock records against ${results.lowStockScale.recordsSmall}, ${results.lowStockScale.lowRecords} low in each: items read ${results.lowStockScale.itemsReadLarge} against ${results.lowStockScale.itemsReadSmall}, p50 ${results.lowStockScale.p50MsLarge} ms against ${results.lowStockScale.p50MsSmall} ms (ratio ${results.lowStockScale.latencyRatio}).`,
        ]
      : []),
    ...(results.adjustmentReportScale
      ? [
          '',
          `Adjustment-reasons report of a day with ${results.adjustmentReportScale.adjustmentsInPeriod} adjustments, in a business with ${results.adjustmentReportScale.adjustmentsOutside} more before that day against one without: items read ${results.adjustmentReportScale.itemsReadLarge} against ${results.adjustmentReportScale.itemsReadSmall}, p50 ${results.adjustmentReportScale.p50MsLarge} ms against ${results.adjustmentReportScale.p50MsSmall} ms (ratio ${results.adjustmentReportScale.latencyRatio}).`,
        ]
      : []),
  ].join('\n');
}

function updateReadme(table: string) {
  const readme = readFileSync('README.md', 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!readme.includes(start)) return;
  writeFileSync('README.md', readme.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
}

await main();
