import type { TestProject } from 'vitest/node';
import { createDevIssuer, handlerEnvironment } from '#scripts/local/devIssuer';
import { startDynamoDb } from '#scripts/local/dynamodbLocal';

/**
 * Instances of DynamoDB Local the run's files share, each file on one (see handlerEnv.ts), so that
 * three workers' requests do not all queue on one.
 */
const SHARED_INSTANCES = 3;

/**
 * Starts DynamoDB Local for the whole run (or uses DYNAMODB_ENDPOINT) and a throwaway token
 * issuer, and hands both to the test workers. Each test file creates its own table; within a
 * file, tests isolate themselves by tenant.
 */
export default async function setup(project: TestProject) {
  const instances = process.env.DYNAMODB_ENDPOINT
    ? [await startDynamoDb({ shortLived: true })]
    : await Promise.all(Array.from({ length: SHARED_INSTANCES }, () => startDynamoDb({ shortLived: true })));
  const dynamo = instances[0]!;
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
  project.provide(
    'dynamoEndpoints',
    instances.map(({ endpoint }) => endpoint),
  );
  return async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    handlerEnv: Record<string, string>;
    /** The run's shared DynamoDB Local instances; a file uses the one its path hashes to. */
    dynamoEndpoints: string[];
    devIssuer: import('#scripts/local/devIssuer').DevIssuer;
  }
}
