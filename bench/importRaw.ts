/**
 * The catalog import against raw writes of the same items on the same DynamoDB Local: each import
 * request's written items (every Put and Update it sent, as the items they leave), written again
 * into a twin tenant by plain BatchWriteItem calls of 25 items, IMPORT_WRITERS at a time (the
 * import's own concurrency), right after the request. The ratio is the raw time over the import's:
 * 1 would be an import as fast as DynamoDB's own bulk write, with none of its conditions. The floor
 * of any transactional import: the same items again as TransactWriteItems of 100 conditional puts
 * (attribute_not_exists), as many in flight, into a third tenant.
 */
import { BatchWriteCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LambdaHandler } from '#functions/routes';
import type { DevIssuer } from '#scripts/local/devIssuer';
import { ROUTES } from '#functions/routes';
import { eventFor, median, round, seed, TABLE, timedCall, tokenFor } from './harness.ts';
import type { RecordedCall, Recorder } from './recorder.ts';
import { WORKLOADS } from './workloads.ts';

/** Import requests measured (after WARMUP), each against its raw twin. */
const REQUESTS = 12;
const WARMUP = 3;
/** The import's writers in flight (CONCURRENCY in shared/store/writeGroups). */
const IMPORT_WRITERS = 16;

type Item = Record<string, unknown>;

export async function measureImportAgainstRaw(handler: LambdaHandler, recorder: Recorder, raw: DynamoDBDocumentClient, issuer: DevIssuer) {
  const route = ROUTES.find((candidate) => candidate.name === 'importCatalog')!;
  const workload = WORKLOADS.importCatalog;
  const tenant = 'benchimp_groups';
  const twin = 'benchimp_raw';
  const floorTwin = 'benchimp_transact';
  await seed(raw, tenant, workload);
  const token = tokenFor(issuer, tenant, workload);
  const importMs: number[] = [];
  const rawMs: number[] = [];
  const floorMs: number[] = [];
  const ratios: number[] = [];
  const floorRatios: number[] = [];
  let count = 0;
  for (let i = 0; i < WARMUP + REQUESTS; i += 1) {
    const event = eventFor(route, workload.request(i, tenant), token);
    const { elapsed, calls } = await timedCall(handler, recorder, route, event, workload.status, `import against raw ${i}`);
    const items = writtenItems(calls);
    const into = (to: string) => items.map((item) => JSON.parse(JSON.stringify(item).replaceAll(tenant, to)) as Item);
    // Twins of their own per request: every request updates the tenant's item count shards, which a
    // second request's conditional puts into the same twin would find already there.
    const written = into(`${twin}_${i}`);
    const rawElapsed = await batchWrite(raw, written);
    const floorElapsed = await transactWrite(raw, into(`${floorTwin}_${i}`));
    if (i < WARMUP) continue;
    importMs.push(elapsed);
    rawMs.push(rawElapsed);
    floorMs.push(floorElapsed);
    ratios.push(rawElapsed / elapsed);
    floorRatios.push(rawElapsed / floorElapsed);
    count = written.length;
  }
  return {
    itemsPerRequest: count,
    importItemsPerSecond: round(count / (median(importMs) / 1000), 0),
    rawItemsPerSecond: round(count / (median(rawMs) / 1000), 0),
    importToRawRatio: round(median(ratios)),
    transactItemsPerSecond: round(count / (median(floorMs) / 1000), 0),
    transactToRawRatio: round(median(floorRatios)),
  };
}

/** The items a request's writes leave: a Put's item, an Update's key with the attributes it sets or adds (one per key). */
function writtenItems(calls: RecordedCall[]): Item[] {
  const byKey = new Map<string, Item>();
  const add = (item: Item) => {
    const id = `${String(item.pk)}\u0000${String(item.sk)}`;
    byKey.set(id, { ...byKey.get(id), ...item });
  };
  for (const call of calls) {
    if (call.failed) continue;
    const input = call.input as Item;
    const actions: Item[] =
      call.command === 'TransactWriteCommand'
        ? (input.TransactItems as Item[])
        : call.command === 'PutCommand'
          ? [{ Put: input }]
          : call.command === 'UpdateCommand'
            ? [{ Update: input }]
            : [];
    for (const action of actions) {
      if (action.Put) add((action.Put as { Item: Item }).Item);
      if (action.Update) add(updatedItem(action.Update as Item));
    }
  }
  return [...byKey.values()];
}

/** An Update's key with every attribute its SET or ADD gives a value. */
function updatedItem(update: Item): Item {
  const names = (update.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (update.ExpressionAttributeValues ?? {}) as Item;
  const name = (token: string) => (token.startsWith('#') ? names[token]! : token);
  const item: Item = { ...(update.Key as Item) };
  const expression = String(update.UpdateExpression);
  for (const [, attribute, value] of expression.matchAll(/(#?\w+) = (?:if_not_exists\(#?\w+, )?(:\w+)/g)) {
    item[name(attribute!)] = values[value!];
  }
  for (const [, attribute, value] of expression.matchAll(/ADD (#?\w+) (:\w+)/g)) item[name(attribute!)] = values[value!];
  return item;
}

/** The items by BatchWriteItem, 25 to a call, IMPORT_WRITERS calls in flight, resending what DynamoDB leaves unprocessed. */
async function batchWrite(raw: DynamoDBDocumentClient, items: Item[]): Promise<number> {
  const batches: Item[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: IMPORT_WRITERS }, async () => {
      while (next < batches.length) {
        const batch = batches[next++]!;
        let request: Record<string, unknown[]> | undefined = { [TABLE]: batch.map((Item) => ({ PutRequest: { Item } })) };
        while (request && Object.keys(request).length > 0) {
          const result = await raw.send(new BatchWriteCommand({ RequestItems: request as never }));
          request = result.UnprocessedItems as Record<string, unknown[]> | undefined;
        }
      }
    }),
  );
  return performance.now() - started;
}

/** The items as TransactWriteItems of up to 100 conditional puts, IMPORT_WRITERS in flight: the floor of a transactional import. */
async function transactWrite(raw: DynamoDBDocumentClient, items: Item[]): Promise<number> {
  const groups: Item[][] = [];
  for (let i = 0; i < items.length; i += 100) groups.push(items.slice(i, i + 100));
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: IMPORT_WRITERS }, async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        const TransactItems = group.map((Item) => ({ Put: { TableName: TABLE, Item, ConditionExpression: 'attribute_not_exists(pk)' } }));
        await raw.send(new TransactWriteCommand({ TransactItems }));
      }
    }),
  );
  return performance.now() - started;
}
