import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import Stripe from 'stripe';
import { createDocumentClient } from '#shared/store/client';
import type { StripeSyncTask } from '#shared/stripe/task';
import { syncVariantToStripe } from '#shared/stripe/sync';

/**
 * Fed by the table's stream (filtered to new StripeSyncTask items). A failed record is
 * reported back so Lambda retries it with backoff; after the retries it goes to the
 * dead-letter queue. Stripe idempotency keys make every retry safe.
 */
const table = process.env.TABLE_NAME;
if (!table) throw new Error('Invalid configuration: TABLE_NAME is required');
const store = { db: createDocumentClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}), table };

/** The key from Secrets Manager in AWS (STRIPE_SECRET_ARN), or STRIPE_SECRET_KEY locally; read once per container. */
async function secretKey(): Promise<string> {
  if (process.env.STRIPE_SECRET_KEY) return process.env.STRIPE_SECRET_KEY;
  const arn = process.env.STRIPE_SECRET_ARN;
  if (!arn) throw new Error('Invalid configuration: set STRIPE_SECRET_ARN or STRIPE_SECRET_KEY');
  const secret = await new SecretsManagerClient({}).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!secret.SecretString) throw new Error('The Stripe secret is empty');
  return secret.SecretString;
}

const stripe = new Stripe(await secretKey(), {
  maxNetworkRetries: 2,
  timeout: 10_000,
  // A local stand-in for Stripe (npm start, tests).
  ...(process.env.STRIPE_API_HOST
    ? { host: process.env.STRIPE_API_HOST, port: Number(process.env.STRIPE_API_PORT ?? 443), protocol: process.env.STRIPE_API_PROTOCOL === 'http' ? 'http' : 'https' }
    : {}),
});

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image || image.type?.S !== 'StripeSyncTask') continue;
    const task = unmarshall(image as Parameters<typeof unmarshall>[0]) as StripeSyncTask;
    try {
      await syncVariantToStripe(task, stripe, store);
    } catch (error) {
      console.error(JSON.stringify({ level: 'ERROR', message: 'stripe sync failed', variantId: task.variantId, error: String(error) }));
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  return { batchItemFailures };
}
