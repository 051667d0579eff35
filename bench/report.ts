/** The results as a markdown table, and where the full run files it. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

export interface BenchResults {
  machine: Record<string, unknown>;
  baseline: Record<string, unknown>;
  floor?: Record<string, unknown>;
  endpoints: Record<string, Record<string, unknown>>;
  importThroughput?: Record<string, number>;
  lowStockScale?: Record<string, number>;
  adjustmentReportScale?: Record<string, number>;
  recordPageCost?: Record<string, number>;
  variantPageCost?: Record<string, number>;
}

export function markdownTable(results: BenchResults): string {
  const columns = [
    ['bundleRatio', 'bundle ratio'],
    ['bundleGzipBytes', 'gzip bytes'],
    ['initRatio', 'init ratio'],
    ['bundleFloorRatio', 'bundle / floor'],
    ['initFloorRatio', 'init / floor'],
    ['latencyRatioP50', 'latency ratio p50'],
    ['latencyFloorRatio', 'p50 floor'],
    ['latencyP50Ms', 'p50 ms'],
    ['latencyP99Ms', 'p99 ms'],
    ['criticalPathRoundTrips', 'round trips'],
    ['costPerMillionUsd', 'USD per 1M'],
    ['scaleRatio', 'scale ratio'],
    ['loadThroughputRps', 'load req/s'],
    ['loadP99Ms', 'load p99 ms'],
    ['loadShed503', 'load 503 shed'],
    ['loadErrors', 'load errors (other)'],
  ] as const;
  const m = results.machine;
  return [
    `Machine: ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, Node ${m.node}, ${m.date}. Baseline: one PutCommand through lib-dynamodb (${results.baseline.bundleBytes} bytes, init ${results.baseline.initMsMedian} ms).`,
    ...(results.floor
      ? [
          '',
          `Floor: the baseline behind middy, aws-jwt-verify and zod/mini, the packages every route must carry (bench/baseline/designCardFloor.ts): ${results.floor.bundleBytes} bytes (${results.floor.bundleRatio}× the baseline), init ${results.floor.initMsMedian} ms (${results.floor.initRatio}×). Warm, it answers in ${results.floor.latencyP50Ms} ms against ${results.floor.rawP50Ms} ms for its PutCommand sent raw: ${results.floor.latencyOverheadMs} ms more. A row's p50 floor is its raw calls' p50 plus that, over its raw calls' p50: the ratio it would have if the route added no more than those packages do (a measure, not a bound: on a noisy machine a route can measure under it).`,
        ]
      : []),
    '',
    `| endpoint | ${columns.map(([, label]) => label).join(' | ')} |`,
    `|---|${columns.map(() => '---:').join('|')}|`,
    ...Object.entries(results.endpoints).map(
      ([endpoint, values]) => `| \`${endpoint}\` | ${columns.map(([key]) => String(values[key] ?? '')).join(' | ')} |`,
    ),
    '',
    'What each bundle carries beyond the floor, largest first (KB):',
    '',
    '| endpoint | beyond the floor |',
    '|---|---|',
    ...Object.entries(results.endpoints).map(([endpoint, values]) => `| \`${endpoint}\` | ${String(values.beyondFloorKb ?? '')} |`),
    ...(results.importThroughput
      ? [
          '',
          `Catalog import (\`PUT /admin/catalog\`, one client, ${results.importThroughput.entriesPerRequest} entries per request): ${results.importThroughput.itemsPerSecond} entries per second, USD ${results.importThroughput.costPer10kItemsUsd} of DynamoDB requests per 10,000 entries.`,
          ...(results.importThroughput.importToRawRatio === undefined
            ? []
            : [
                '',
                `Import / raw BatchWriteItem of the same ${results.importThroughput.itemsPerRequest} items per request (25 per call, 16 calls in flight, same DynamoDB Local, each request right before its raw twin): ${results.importThroughput.importItemsPerSecond} against ${results.importThroughput.rawItemsPerSecond} items per second, ratio ${results.importThroughput.importToRawRatio} (goal ≥ 0.5). The floor of a transactional import, the same items as TransactWriteItems of 100 conditional puts, 16 in flight: ${results.importThroughput.transactItemsPerSecond} items per second, ratio ${results.importThroughput.transactToRawRatio}.`,
              ]),
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
    ...(results.recordPageCost
      ? [
          '',
          `OrderCloud variant list, unfiltered page of ${results.recordPageCost.pageSize} out of ${results.recordPageCost.recordsLarge} records against ${results.recordPageCost.pageSize} out of ${results.recordPageCost.recordsSmall}: items read ${results.recordPageCost.itemsReadLarge} against ${results.recordPageCost.itemsReadSmall}, p50 ${results.recordPageCost.p50MsLarge} ms against ${results.recordPageCost.p50MsSmall} ms (ratio ${results.recordPageCost.latencyRatio}; goal ≤ 1.1).`,
        ]
      : []),
    ...(results.variantPageCost
      ? [
          '',
          `Medusa variant list, default fields and order, page of ${results.variantPageCost.pageSize} out of ${results.variantPageCost.variantsLarge} variants against ${results.variantPageCost.pageSize} out of ${results.variantPageCost.variantsSmall}: items read ${results.variantPageCost.itemsReadLarge} against ${results.variantPageCost.itemsReadSmall}, p50 ${results.variantPageCost.p50MsLarge} ms against ${results.variantPageCost.p50MsSmall} ms (ratio ${results.variantPageCost.latencyRatio}; goal ≤ 1.1).`,
        ]
      : []),
  ].join('\n');
}

/** The page that shows the benchmark table; the run replaces what lies between its markers. */
const BENCHMARKS_DOC = 'docs/benchmarks.md';

/** Writes the full run's results; the page is left alone when it or its markers are missing. */
export function writeResults(results: BenchResults, table: string) {
  writeFileSync('bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync('bench/results.md', `${table}\n`);
  if (!existsSync(BENCHMARKS_DOC)) return;
  const page = readFileSync(BENCHMARKS_DOC, 'utf8');
  const start = '<!-- bench:start -->';
  const end = '<!-- bench:end -->';
  if (!page.includes(start)) return;
  writeFileSync(BENCHMARKS_DOC, page.replace(new RegExp(`${start}[\\s\\S]*${end}`), `${start}\n${table}\n${end}`));
}
