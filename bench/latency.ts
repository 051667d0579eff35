/** Warm latency of each handler, against the same DynamoDB calls sent raw: what the code adds to the I/O. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler, RouteDefinition } from '#functions/routes';
import type { DevIssuer } from '#scripts/local/devIssuer';
import { costPerMillionUsd, requestUnits } from './cost.ts';
import { eventFor, log, median, percentile, round, seed, timedCall, tokenFor } from './harness.ts';
import { copyPartitions, recordPartitions } from './partitions.ts';
import { criticalPathRoundTrips, type RecordedCall, type Recorder } from './recorder.ts';
import { REQUESTS } from './settings.ts';
import type { Workload } from './workload.ts';

export async function loadHandler(route: RouteDefinition): Promise<LambdaHandler> {
  const module = await route.handler();
  return module.handler;
}

/**
 * The raw SDK calls one request needed, replayed with the same concurrency into a twin tenant.
 * Returns the time they took, and how many ended otherwise than in the handler (answered where the
 * handler's was refused, or the reverse): the twin has drifted, and the ratio compares unlike work.
 */
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
  let unlike = 0;
  const started = performance.now();
  for (const level of levels) {
    await Promise.all(
      level.map((call) => {
        const Command = commands[call.command];
        if (!Command) throw new Error(`cannot replay ${call.command}: ${JSON.stringify(call.input).slice(0, 400)}`);
        return raw.send(new Command(retarget(call.input))).then(
          () => (unlike += call.failed ? 1 : 0),
          () => (unlike += call.failed ? 0 : 1),
        );
      }),
    );
  }
  return { elapsed: performance.now() - started, unlike };
}

export async function measureLatency(
  route: RouteDefinition,
  workload: Workload,
  handler: LambdaHandler,
  recorder: Recorder,
  raw: DynamoDBDocumentClient,
  issuer: DevIssuer,
) {
  const tenant = `benchlat_${route.name}`;
  const twin = `benchraw_${route.name}`;
  // The twin is a copy of the tenant, not a second seeding: seeding generates IDs (a variant's own
  // inventory item), and a replayed call naming one the twin lacks would be refused, not timed.
  const seeded = recordPartitions([raw], tenant);
  await seed(raw, tenant, workload);
  seeded.stop();
  await copyPartitions(raw, seeded.take(), tenant, twin);
  const token = tokenFor(issuer, tenant, workload);
  const warmup = 50;
  const total = Math.min(workload.capacity, warmup + REQUESTS);
  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  const trips: number[] = [];
  let units = { read: 0, write: 0 };
  let refusedCalls = 0;
  let unlikeReplays = 0;
  for (let i = 0; i < total; i += 1) {
    const event = eventFor(route, workload.request(i, tenant), token);
    const { elapsed, calls } = await timedCall(handler, recorder, route, event, workload.status, `${route.name} request ${i}`);
    const replayed = await replay(raw, calls, tenant, twin);
    if (i < warmup) continue;
    handlerMs.push(elapsed);
    rawMs.push(replayed.elapsed);
    refusedCalls += calls.filter((call) => call.failed).length;
    unlikeReplays += replayed.unlike;
    trips.push(criticalPathRoundTrips(calls));
    units = requestUnits(calls);
  }
  if (unlikeReplays > 0) log(`${route.name}: ${unlikeReplays} replayed calls ended otherwise than the handler's`);
  return {
    latencyP50Ms: round(median(handlerMs), 2),
    latencyP99Ms: round(percentile(handlerMs, 99), 2),
    rawSdkP50Ms: round(median(rawMs), 2),
    latencyRatioP50: round(median(handlerMs) / median(rawMs)),
    criticalPathRoundTrips: Math.max(...trips),
    // Calls DynamoDB refused in the measured requests (replayed too), and replayed calls that ended
    // otherwise than the handler's: a ratio is sound only where the second is 0.
    refusedCalls,
    unlikeReplays,
    requestUnits: units,
    costPerMillionUsd: costPerMillionUsd(units),
  };
}
