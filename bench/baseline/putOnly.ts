/**
 * The baseline Lambda: one PutCommand through lib-dynamodb and nothing else. The
 * bundle, init and latency ratios of every real function are measured against it.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';

const endpoint = process.env.DYNAMODB_ENDPOINT;
const db = DynamoDBDocumentClient.from(
  new DynamoDBClient(endpoint ? { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
);

export async function handler(event: { body?: string }) {
  const item = JSON.parse(event.body ?? '{}') as Record<string, unknown>;
  await db.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: { pk: String(item.id), sk: 'BASELINE', ...item } }));
  return { statusCode: 200, body: JSON.stringify(item) };
}
