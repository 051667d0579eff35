import type { TestProject } from 'vitest/node';
import { createDevIssuer, handlerEnvironment } from '#scripts/local/devIssuer';
import { startDynamoDb } from '#scripts/local/dynamodbLocal';

/**
 * Starts DynamoDB Local once for the whole run (or uses DYNAMODB_ENDPOINT) and a
 * throwaway token issuer, and hands both to the test workers. Each test file creates
 * its own table; within a file, tests isolate themselves by tenant.
 */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDb();
  // The prefix of each test file's own table (see handlerEnv.ts).
  const tableName = `inventory-test-${process.pid}`;
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
