import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Key } from '#shared/store/keys';

type Item = Record<string, unknown>;

/**
 * Reads several items in one round trip (strongly consistent) and returns them
 * in the order of `wanted`, `undefined` where an item does not exist.
 * Keys DynamoDB leaves unprocessed are asked for again.
 */
export async function getMany(db: DynamoDBDocumentClient, table: string, wanted: Key[]): Promise<(Item | undefined)[]> {
  const unique = dedupe(wanted);
  const found = new Map<string, Item>();
  let pending: Key[] = unique;
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > 0) await backoff(attempt);
    const result = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }));
    for (const item of result.Responses?.[table] ?? []) found.set(id(item as Key), item);
    pending = (result.UnprocessedKeys?.[table]?.Keys as Key[] | undefined) ?? [];
    if (attempt > 8 && pending.length > 0)
      throw Object.assign(new Error('BatchGet left keys unprocessed'), { name: 'ThrottlingException' });
  }
  return wanted.map((key) => found.get(id(key)));
}

/** Writes items in chunks of 25, retrying what DynamoDB leaves unprocessed. Not atomic: for fixtures and tools. */
export async function putMany(db: DynamoDBDocumentClient, table: string, items: Item[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let requests = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] as typeof requests | undefined) ?? [];
    }
  }
}

/** Deletes items in chunks of 25, retrying what DynamoDB leaves unprocessed. Not atomic: for what nothing reads any more. */
export async function deleteMany(db: DynamoDBDocumentClient, table: string, keys: Key[]): Promise<void> {
  for (let start = 0; start < keys.length; start += 25) {
    let requests = keys.slice(start, start + 25).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const result = await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] as typeof requests | undefined) ?? [];
    }
  }
}

const id = (key: Key) => `${key.pk}\u0000${key.sk}`;

function dedupe(wanted: Key[]): Key[] {
  const seen = new Map<string, Key>();
  for (const key of wanted) seen.set(id(key), { pk: key.pk, sk: key.sk });
  return [...seen.values()];
}

const backoff = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.min(50 * 2 ** attempt, 1_000)));
