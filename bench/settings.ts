/**
 * What `npm run bench` reads from its environment, and its usage text: both come from one list
 * of knobs, so the help cannot forget one or show a stale default.
 */
const KNOBS = {
  BENCH_REQUESTS: { default: 1000, text: 'measured requests per route, after 50 warm-up ones (at most 300 at scale)' },
  BENCH_INIT_RUNS: { default: 20, text: 'fresh Node processes importing each bundle, for the init median' },
  BENCH_LOAD_SECONDS: { default: 20, text: 'seconds of load test per route; 0 leaves the load test out' },
  BENCH_SCALE_ITEMS: { default: 100_000, text: 'filler items in the large tenant of the scale run' },
  BENCH_LOW_STOCK_SMALL: { default: 1_000, text: 'stock records of the small tenant of the low-stock report run' },
  BENCH_LOW_STOCK_LARGE: { default: 100_000, text: 'stock records of the large tenant of the low-stock report run' },
  BENCH_REPORT_OUTSIDE: { default: 10_000, text: 'adjustments before the period in the large tenant of the report run' },
} as const;

const numberKnob = (name: keyof typeof KNOBS) => Number(process.env[name] ?? KNOBS[name].default);

export const REQUESTS = numberKnob('BENCH_REQUESTS');
export const INIT_RUNS = numberKnob('BENCH_INIT_RUNS');
export const LOAD_SECONDS = numberKnob('BENCH_LOAD_SECONDS');
export const SCALE_ITEMS = numberKnob('BENCH_SCALE_ITEMS');
/** Only these routes (comma-separated names); a partial run writes no file. */
export const ONLY = process.env.BENCH_ROUTES?.split(',').map((name) => name.trim());
export const LOAD_CONNECTIONS = 100;

export const LOW_STOCK_SCALE = {
  small: numberKnob('BENCH_LOW_STOCK_SMALL'),
  large: numberKnob('BENCH_LOW_STOCK_LARGE'),
  low: 10,
};
export const REPORT_SCALE = { inPeriod: 10, outside: numberKnob('BENCH_REPORT_OUTSIDE') };

export const USAGE = `Usage: npm run bench [-- --help]

Measures every route's Lambda against DynamoDB Local (its own instance), side by side with a
baseline (one PutCommand through lib-dynamodb), so that ratios hold on a noisy machine:
  - bundle size (esbuild, the stack's options) and module init time in fresh Node processes;
  - warm latency p50/p99, DynamoDB round trips on the critical path, request units and cost,
    against the same SDK calls replayed raw;
  - latency in a tenant holding BENCH_SCALE_ITEMS items against an empty one;
  - the low-stock report and the adjustment-reasons report in a large tenant against a small one
    (when listLowStockInventory / adjustmentReasonsReport are measured);
  - a load test: ${LOAD_CONNECTIONS} concurrent clients per route against the local server.
A full run takes 20 minutes or more. It writes bench/results.json, bench/results.md and the table
between the bench markers of docs/benchmarks.md; the table is also printed.

Environment (name=default):
  ${'BENCH_ROUTES='.padEnd(28)} route names, comma-separated (default: every route); when set,
  ${''.padEnd(28)} only those are measured and no file is written
${Object.entries(KNOBS)
  .map(([name, knob]) => `  ${`${name}=${knob.default}`.padEnd(28)} ${knob.text}`)
  .join('\n')}

A short run (2-3 minutes): three routes, the low-stock report among them, and smaller counts:
  BENCH_ROUTES=getInventoryRecord,listLowStockInventory,createVariant BENCH_REQUESTS=200 \\
  BENCH_INIT_RUNS=3 BENCH_LOAD_SECONDS=5 BENCH_SCALE_ITEMS=10000 BENCH_LOW_STOCK_LARGE=10000 \\
  npm run bench
`;

/** `--help`/`-h` asks for the usage; anything else is a mistake the usage answers. */
export function parseArguments(args: string[]): 'run' | 'help' | 'unknown' {
  if (args.length === 0) return 'run';
  return args.every((arg) => arg === '--help' || arg === '-h') ? 'help' : 'unknown';
}
