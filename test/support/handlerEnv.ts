import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { paginateScan } from '@aws-sdk/lib-dynamodb';
import { afterAll, expect, inject } from 'vitest';
import { ensureTable, startDynamoDb } from '#scripts/local/dynamodbLocal';
import { createDocumentClient } from '#shared/store/client';
import { anySnapshots, unseenPartitions } from '#test/support/writtenPartitions';

/**
 * The files that read the table's stream. Only their tables have one (see ensureTable), and they get
 * a DynamoDB Local of their own: an instance slows down with every stream record it was ever written.
 * The other files share the run's instances.
 */
const READS_STREAM = /\/test\/(lowStockEvents|stripeSync)\.test\.ts$/;

const env = inject('handlerEnv');
const testPath = expect.getState().testPath ?? '';
const own = READS_STREAM.test(testPath) ? await startDynamoDb({ ignoreEnvironment: true, shortLived: true }) : undefined;
const endpoint = own?.endpoint ?? sharedEndpoint(testPath);

/** The shared instance this file uses: one of the run's (globalSetup.ts), the same for the file on every run. */
function sharedEndpoint(path: string): string {
  const endpoints = inject('dynamoEndpoints');
  const hash = [...path].reduce((sum, character) => (sum * 31 + character.charCodeAt(0)) >>> 0, 7);
  return endpoints[hash % endpoints.length] ?? env.DYNAMODB_ENDPOINT!;
}

// Each test file gets a table of its own, so that its scans and stream reads only ever walk what
// the file itself wrote, however many files run before it.
const tableName = `${env.TABLE_NAME}-${randomUUID().slice(0, 8)}`;
await ensureTable(endpoint, tableName, { streams: READS_STREAM.test(testPath) });
afterAll(async () => {
  try {
    // A tenant snapshot Queries only the partitions this process wrote (test/support/writtenPartitions.ts):
    // one Scan at the end proves no snapshotted tenant had items elsewhere, so none of its comparisons missed a write.
    const unseen = anySnapshots() ? unseenPartitions(await everyItem(endpoint, tableName)) : [];
    if (unseen.length > 0)
      throw new Error(`Tenant snapshots missed partitions written outside this process (use tenantItemsByScan): ${unseen.join(', ')}`);
  } finally {
    if (own) await own.stop();
    else await createDocumentClient({ endpoint }).send(new DeleteTableCommand({ TableName: tableName }));
  }
});

async function everyItem(endpoint: string, table: string): Promise<Record<string, unknown>[]> {
  const db = createDocumentClient({ endpoint });
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: db }, { TableName: table, ProjectionExpression: 'pk' }))
    items.push(...(page.Items ?? []));
  return items;
}

// Handlers read their configuration when first imported: set it before any test file loads one.
Object.assign(process.env, env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName });
