/**
 * The least a route adds to its DynamoDB time with the design card's packages: the floor handler
 * (bench/baseline/designCardFloor.ts: middy and its JSON body parser, a JWT checked by
 * aws-jwt-verify, a body validated by zod/mini, one PutCommand) against the same PutCommand sent
 * raw, interleaved. Its overhead in milliseconds, over a route's raw calls, is that route's floor
 * ratio: what the route's ratio would be if it added no more than those packages do.
 */
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mintToken, type DevIssuer } from '#scripts/local/devIssuer';
import { median, round, TABLE } from './harness.ts';
import { REQUESTS } from './settings.ts';

type FloorHandler = (event: { body: string; headers: Record<string, string> }, context: unknown) => Promise<{ statusCode: number }>;

export async function measureFloorLatency(raw: DynamoDBDocumentClient, issuer: DevIssuer) {
  const { handler } = (await import('./baseline/designCardFloor.ts')) as unknown as { handler: FloorHandler };
  const headers = { authorization: `Bearer ${mintToken(issuer, { tenantId: 'benchfloor' })}`, 'content-type': 'application/json' };
  const warmup = 50;
  const handlerMs: number[] = [];
  const rawMs: number[] = [];
  for (let i = 0; i < warmup + REQUESTS; i += 1) {
    const item = { id: `floor_${i}`, quantity: i };
    let started = performance.now();
    const result = await handler({ body: JSON.stringify(item), headers }, {});
    const elapsed = performance.now() - started;
    if (result.statusCode !== 200) throw new Error(`floor handler: ${JSON.stringify(result)}`);
    started = performance.now();
    await raw.send(new PutCommand({ TableName: TABLE, Item: { pk: `floorraw_${i}`, sk: 'FLOOR', ...item } }));
    if (i < warmup) continue;
    handlerMs.push(elapsed);
    rawMs.push(performance.now() - started);
  }
  return {
    p50Ms: round(median(handlerMs), 3),
    rawP50Ms: round(median(rawMs), 3),
    overheadMs: round(median(handlerMs) - median(rawMs), 3),
  };
}
