/** What every measurement shares: the table, statistics, tenants seeded from a workload, and events. */
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler, ROUTES, RouteDefinition } from '#functions/routes';
import { mintToken, type DevIssuer } from '#scripts/local/devIssuer';
import { lambdaContext, matchPath, toApiGatewayEvent } from '#scripts/local/apiGatewayEvent';
import { loadFixtures } from '#shared/store/fixtures';
import type { Recorder } from './recorder.ts';
import type { Workload } from './workload.ts';

export const TABLE = 'bench';

/** A document client with the SDK's defaults, as the baselines make theirs: the raw side of every ratio. */
export const sdkDefaultClient = (endpoint: string) =>
  DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
/** A route of the registry: its name picks its workload. */
export type BenchRoute = (typeof ROUTES)[number];

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
export const median = (values: number[]) => percentile(values, 50);
export const round = (value: number, digits = 3) => Number(value.toFixed(digits));
export const log = (message: string) => console.error(`[bench] ${message}`);

/** A token of the tenant with the permissions the workload's route needs. */
export const tokenFor = (issuer: DevIssuer, tenantId: string, workload: Workload) =>
  mintToken(issuer, { tenantId, ...(workload.scope ? { scope: workload.scope } : {}) });

/** The fixtures a workload's tenant is seeded with. */
export const workloadFixtures = (tenantId: string, workload: Workload) => ({
  tenants: [{ id: tenantId, name: `Bench ${tenantId}`, defaultLocationId: workload.catalog.locations?.[0]?.id, ...workload.catalog }],
});

export async function seed(raw: DynamoDBDocumentClient, tenantId: string, workload: Workload) {
  await loadFixtures(raw, TABLE, workloadFixtures(tenantId, workload));
}

export function eventFor(route: RouteDefinition, request: ReturnType<Workload['request']>, token: string): APIGatewayProxyEventV2 {
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

/**
 * One event through the route's handler as Lambda would call it, timed, with the DynamoDB calls it
 * made; an answer other than `status` stops the run, named by `label`.
 */
export async function timedCall(
  handler: LambdaHandler,
  recorder: Recorder,
  route: RouteDefinition,
  event: APIGatewayProxyEventV2,
  status: number,
  label: string,
) {
  recorder.start();
  const started = performance.now();
  const result = await handler(event, lambdaContext(route.name));
  const elapsed = performance.now() - started;
  const calls = recorder.stop();
  if (result.statusCode !== status) throw new Error(`${label}: ${result.statusCode} ${result.body}`);
  return { result, elapsed, calls };
}

/** BatchWrite in chunks of 25 from 8 writers, resending what DynamoDB leaves unprocessed. */
export async function writeAll(raw: DynamoDBDocumentClient, items: Record<string, unknown>[]) {
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
