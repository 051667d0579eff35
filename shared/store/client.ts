import { AsyncLocalStorage } from 'node:async_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { storeConfig } from '#shared/config';

/**
 * One DynamoDB client per container, built at cold start.
 * Timeouts and retries are bounded so the worst case stays well inside
 * API Gateway's 30 s integration limit: against DynamoDB a call over `requestTimeout` fails as a
 * TimeoutError (without `throwOnRequestTimeout` the SDK only logs a warning and waits on), which
 * the SDK retries and the route then answers 503 with Retry-After (shared/store/faults.ts). Three
 * attempts of 3 s each, with the SDK's backoff, end well before API Gateway would drop the call.
 * DynamoDB Local on a loopback endpoint keeps the warning alone, and waits longer to accept a
 * connection: on a shared machine the emulator is slow under load without being at fault, and the
 * local server has no integration limit.
 */
export function createDocumentClient(options: { endpoint?: string } = {}): DynamoDBDocumentClient {
  const endpoint = options.endpoint;
  const local = endpoint !== undefined && isLoopback(endpoint);
  const client = new DynamoDBClient({
    ...(endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'local' } : {}),
    ...(local ? { credentials: localCredentials() } : {}),
    maxAttempts: 3,
    requestHandler: local
      ? { connectionTimeout: 10_000, requestTimeout: 3_000, throwOnRequestTimeout: false }
      : { connectionTimeout: 1_000, requestTimeout: 3_000, throwOnRequestTimeout: true },
  });
  // The SDK's logger step filters every input and output through its schema for the logger to
  // print, even when the logger prints nothing (its default): this client has none to give it.
  client.middlewareStack.remove('loggerMiddleware');
  client.middlewareStack.add(
    (next, context) => (args) => {
      const trips = roundTrips.getStore();
      if (trips) trips.push(context.commandName ?? 'unknown');
      return next(args);
    },
    // Inside the SDK's retry step: every attempt is a round trip.
    { step: 'finalizeRequest', priority: 'low', name: 'roundTripsPerRequest' },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** The DynamoDB calls sent on behalf of one unit of work, one entry per attempt (retries included). */
const roundTrips = new AsyncLocalStorage<string[]>();

/** Runs work while recording the round trips it makes; concurrent units of work each keep their own record. */
export function countingRoundTrips<T>(work: () => Promise<T>): Promise<T> {
  return roundTrips.run([], work);
}

/** The commands sent so far by the current unit of work (empty outside one). */
export function roundTripsSoFar(): readonly string[] {
  return roundTrips.getStore() ?? [];
}

/** DynamoDB Local listens on loopback; any other endpoint is real DynamoDB and gets the normal credential chain. */
function isLoopback(endpoint: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(endpoint).hostname);
}

/** DynamoDB Local accepts any credentials; real ones come from the Lambda role or the default chain. */
function localCredentials() {
  return {
    accessKeyId: process.env.AWS_ACCESS_KEY_ID ?? 'local',
    secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY ?? 'local',
  };
}

let shared: DynamoDBDocumentClient | undefined;

export function documentClient(): DynamoDBDocumentClient {
  const { dynamodbEndpoint } = storeConfig();
  shared ??= createDocumentClient(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {});
  return shared;
}

export function tableName(): string {
  return storeConfig().tableName;
}
