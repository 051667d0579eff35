import { randomUUID } from 'node:crypto';
import { DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, inject } from 'vitest';
import { ensureTable } from '#scripts/local/dynamodbLocal';
import { createDocumentClient } from '#shared/store/client';

// Each test file gets a table of its own, so that its snapshots (a Scan of one tenant's items)
// and stream reads only ever walk what the file itself wrote, however many files run before it.
const env = inject('handlerEnv');
const tableName = `${env.TABLE_NAME}-${randomUUID().slice(0, 8)}`;
await ensureTable(env.DYNAMODB_ENDPOINT!, tableName);
afterAll(async () => {
  await createDocumentClient({ endpoint: env.DYNAMODB_ENDPOINT! }).send(new DeleteTableCommand({ TableName: tableName }));
});

// Handlers read their configuration when first imported: set it before any test file loads one.
Object.assign(process.env, env, { TABLE_NAME: tableName });
