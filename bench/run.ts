/**
 * `npm run bench`: every function measured side by side with baselines in one run
 * (ratios hold on a noisy machine; absolute times do not). Writes bench/results.json,
 * bench/results.md and the benchmark table of docs/benchmarks.md. `npm run bench -- --help`
 * lists what it measures and the environment knobs (bench/settings.ts) that shorten a run.
 */
import { cpus, totalmem } from 'node:os';
import { ROUTES, type LambdaHandler } from '#functions/routes';
import { IMPORT_ENTRIES } from '#functions/admin/workloads';
import { createDevIssuer, handlerEnvironment } from '#scripts/local/devIssuer';
import { ensureTable, startDynamoDb } from '#scripts/local/dynamodbLocal';
import { documentClient } from '#shared/store/client';
import { log, round, sdkDefaultClient, TABLE } from './harness.ts';
import { measureImportAgainstRaw } from './importRaw.ts';
import { measureFloorLatency } from './floorLatency.ts';
import { beyondFloor, bundleAll, measureInit } from './init.ts';
import { loadHandler, measureLatency } from './latency.ts';
import { measureLoad } from './load.ts';
import { measureRecordPageCost, PAGE_COST } from './pageCost.ts';
import { recordCalls } from './recorder.ts';
import { measureVariantPageCost } from './variantPageCost.ts';
import { markdownTable, writeResults } from './report.ts';
import { measureLowStockScale, measureReportScale, measureScale } from './scale.ts';
import {
  INIT_RUNS,
  LOAD_CONNECTIONS,
  LOAD_SECONDS,
  LOW_STOCK_SCALE,
  ONLY,
  parseArguments,
  REPORT_SCALE,
  REQUESTS,
  SCALE_ITEMS,
  USAGE,
} from './settings.ts';
import { WORKLOADS } from './workloads.ts';

async function main() {
  // Always its own DynamoDB Local: the benchmark fills it with a lot of data.
  const dynamo = await startDynamoDb({ ignoreEnvironment: true });
  try {
    // No stream: nothing here reads it, and DynamoDB Local makes each write pay for every stream
    // record written before it, on both sides of a ratio, which real DynamoDB does not.
    await ensureTable(dynamo.endpoint, TABLE, { streams: false });
    const issuer = createDevIssuer();
    const env = handlerEnvironment(issuer, { tableName: TABLE, endpoint: dynamo.endpoint });
    Object.assign(process.env, env);
    const routes = ROUTES.filter((route) => !ONLY || ONLY.includes(route.name));

    log('bundling');
    const bundles = await bundleAll(routes);
    log('measuring init');
    const init = measureInit(routes, env);
    log('measuring warm latency and round trips');
    const recorder = recordCalls(documentClient());
    // The raw side is the SDK as it comes, as the baselines use it: what the routes' own client
    // saves (shared/store/client.ts) counts for them.
    const raw = sdkDefaultClient(dynamo.endpoint);
    const handlers = new Map<string, LambdaHandler>();
    for (const route of routes) handlers.set(route.name, await loadHandler(route));

    log("measuring the floor: what the design card's packages add to one call");
    const floorLatency = await measureFloorLatency(raw, issuer);
    const endpoints: Record<string, Record<string, unknown>> = {};
    for (const route of routes) {
      const warm = await measureLatency(route, WORKLOADS[route.name], handlers.get(route.name)!, recorder, raw, issuer);
      // This route's p50 ratio if it added no more than the design card's packages: its raw calls plus the floor's overhead.
      const latencyFloorRatio = round((warm.rawSdkP50Ms + floorLatency.overheadMs) / warm.rawSdkP50Ms);
      endpoints[`${route.method} ${route.paths[0]}`] = {
        bundleBytes: bundles[route.name]!.bytes,
        bundleGzipBytes: bundles[route.name]!.gzip,
        bundleRatio: round(bundles[route.name]!.bytes / bundles.baseline!.bytes),
        initMsMedian: round(init[route.name]!.median, 1),
        initRatio: round(init[route.name]!.median / init.baseline!.median),
        bundleFloorRatio: round(bundles[route.name]!.bytes / bundles.floor!.bytes),
        initFloorRatio: round(init[route.name]!.median / init.floor!.median),
        beyondFloorKb: beyondFloor(bundles[route.name]!, bundles.floor!),
        ...warm,
        latencyFloorRatio,
      };
    }

    log(`measuring scale (${SCALE_ITEMS} items in one tenant)`);
    const scale = await measureScale(routes, handlers, raw, issuer);
    for (const route of routes) Object.assign(endpoints[`${route.method} ${route.paths[0]}`]!, scale[route.name]);

    const importRow = endpoints[`PUT /admin/catalog`];
    const importHandler = handlers.get('importCatalog');
    if (importHandler) log('measuring the import against raw BatchWriteItem of the same items');
    const importThroughput = importRow && {
      entriesPerRequest: IMPORT_ENTRIES,
      itemsPerSecond: round(IMPORT_ENTRIES / (Number(importRow.latencyP50Ms) / 1000), 0),
      costPer10kItemsUsd: round((Number(importRow.costPerMillionUsd) / 1_000_000) * (10_000 / IMPORT_ENTRIES), 4),
      ...(importHandler ? await measureImportAgainstRaw(importHandler, recorder, raw, issuer) : {}),
    };

    log(
      `measuring the low-stock report at ${LOW_STOCK_SCALE.large} records against ${LOW_STOCK_SCALE.small}, ${LOW_STOCK_SCALE.low} low in each`,
    );
    const lowStock = await measureLowStockScale(handlers, recorder, raw, issuer);
    log(
      `measuring the adjustment-reasons report of a day with ${REPORT_SCALE.inPeriod} adjustments, with and without ${REPORT_SCALE.outside} before it`,
    );
    const report = await measureReportScale(handlers, recorder, raw, issuer);
    log(`measuring the OrderCloud list's unfiltered page at ${PAGE_COST.large} records per variant against ${PAGE_COST.small}`);
    const recordPageCost = await measureRecordPageCost(handlers, recorder, raw, issuer);
    log(`measuring Medusa's variant list page at ${PAGE_COST.large} variants per product against ${PAGE_COST.small}`);
    const variantPageCost = await measureVariantPageCost(handlers, recorder, raw, issuer);

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
      floor: {
        bundleBytes: bundles.floor!.bytes,
        bundleRatio: round(bundles.floor!.bytes / bundles.baseline!.bytes),
        initMsMedian: round(init.floor!.median, 1),
        initRatio: round(init.floor!.median / init.baseline!.median),
        latencyP50Ms: floorLatency.p50Ms,
        rawP50Ms: floorLatency.rawP50Ms,
        latencyOverheadMs: floorLatency.overheadMs,
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
      ...(recordPageCost ? { recordPageCost } : {}),
      ...(variantPageCost ? { variantPageCost } : {}),
    };
    const table = markdownTable(results);
    // A partial run (BENCH_ROUTES) only prints: its numbers would replace the full table.
    if (!ONLY) writeResults(results, table);
    console.log(table);
  } finally {
    await dynamo.stop();
  }
}

switch (parseArguments(process.argv.slice(2))) {
  case 'help':
    console.log(USAGE);
    break;
  case 'unknown':
    console.error(USAGE);
    process.exitCode = 2;
    break;
  case 'run':
    await main();
}
