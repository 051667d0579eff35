import type { TestProject } from 'vitest/node';
import { createDevIssuer, handlerEnvironment } from '#scripts/local/devIssuer';
import { ensureTable, startDynamoDb } from '#scripts/local/dynamodbLocal';

/**
 * Starts DynamoDB Local once for the whole run (or uses DYNAMODB_ENDPOINT), creates
 * the table from the shared definition and a throwaway token issuer, and hands both
 * to the test workers. Tests isolate themselves by tenant, so they share the table.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDb();
  const tableName = `inventory-test-${process.pid}`;
  await ensureTable(dynamo.endpoint, tableName);
  const issuer = createDevIssuer();
  project.provide('handlerEnv', {
    ...handlerEnvironment(issuer, { tableName, endpoint: dynamo.endpoint }),
    // Powertools' documented test mode: logs and metrics on the global console, where tests capture them.
    POWERTOOLS_DEV: 'true',
    POWERTOOLS_METRICS_DISABLED: 'false',
  });
  project.provide('devIssuer', issuer);
  return async () => {
    await dynamo.stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    handlerEnv: Record<string, string>;
    devIssuer: import('#scripts/local/devIssuer').DevIssuer;
  }
}
