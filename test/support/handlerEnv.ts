import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, expect, inject } from 'vitest';
import { ensureTable, startDynamoDb } from '#scripts/local/dynamodbLocal';
import { createDocumentClient } from '#shared/store/client';

/**
 * Files that write a lot, and files whose races serialise many writers on one item, get a DynamoDB
 * Local of their own: once it has held many items, DynamoDB Local answers every later request more
 * slowly, even after they are deleted (a race of 30 writers took 27 s late in a run, 6 s on its
 * own), and the other files share the run's instance.
 */
const OWN_DATABASE =
  /\/test\/(robustness\/(properties|idempotency|tokens|faults)|telemetry|logSecrets|seedApi|adjustments|createVariant|updateVariant|oneModel\/deleteRace)\.test\.ts$/;

const env = inject('handlerEnv');
const own = OWN_DATABASE.test(expect.getState().testPath ?? '') ? await startDynamoDb({ ignoreEnvironment: true }) : undefined;
const endpoint = own?.endpoint ?? env.DYNAMODB_ENDPOINT!;

// Each test file gets a table of its own, so that its snapshots (a Scan of one tenant's items)
// and stream reads only ever walk what the file itself wrote, however many files run before it.
const tableName = `${env.TABLE_NAME}-${randomUUID().slice(0, 8)}`;
await ensureTable(endpoint, tableName);
afterAll(async () => {
  if (own) return own.stop();
  await createDocumentClient({ endpoint }).send(new DeleteTableCommand({ TableName: tableName }));
});

// Handlers read their configuration when first imported: set it before any test file loads one.
Object.assign(process.env, env, { DYNAMODB_ENDPOINT: endpoint, TABLE_NAME: tableName });
