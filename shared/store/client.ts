import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { config } from '#shared/config';

/**
 * One DynamoDB client per container, built at cold start.
 * Timeouts and retries are bounded so the worst case stays well inside
 * API Gateway's 30 s integration limit.
 */
export function createDocumentClient(options: { endpoint?: string } = {}): DynamoDBDocumentClient {
  const endpoint = options.endpoint;
  const client = new DynamoDBClient({
    ...(endpoint ? { endpoint, region: process.env.AWS_REGION ?? 'local' } : {}),
    ...(endpoint && isLoopback(endpoint) ? { credentials: localCredentials() } : {}),
    maxAttempts: 3,
    requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true },
  });
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
  const { dynamodbEndpoint } = config();
  shared ??= createDocumentClient(dynamodbEndpoint ? { endpoint: dynamodbEndpoint } : {});
  return shared;
}

export function tableName(): string {
  return config().tableName;
}
