import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { syncVariantToStripe } from '#shared/domain/stripeSync';
import { STREAM_METRICS } from '#shared/observability/names';
import { logger, publishStreamCounts } from '#shared/observability/telemetry';
import { tracer } from '#shared/observability/tracer';
import { createDocumentClient } from '#shared/store/client';
import { StripeSyncTaskItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { stripeSyncStore } from '#shared/store/stripeSync';
import { ENTITY } from '#shared/store/table';
import { stripeClient, stripeGateway } from '#shared/stripe/gateway';

/**
 * Fed by the table's stream (filtered to new StripeSyncTask items). A failed record is
 * reported back so Lambda retries it with backoff; after the retries it goes to the
 * dead-letter queue. Stripe idempotency keys make every retry safe. Its DynamoDB, Secrets
 * Manager and Stripe calls are traced as X-Ray subsegments (Stripe through the HTTPS module).
 */
const table = process.env.TABLE_NAME;
if (!table) throw new Error('Invalid configuration: TABLE_NAME is required');
const store = stripeSyncStore(tracer.captureAWSv3Client(createDocumentClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {})), table);

/** The key from Secrets Manager in AWS (STRIPE_SECRET_ARN), or STRIPE_SECRET_KEY locally; read once per container. */
async function secretKey(): Promise<string> {
  if (process.env.STRIPE_SECRET_KEY) return process.env.STRIPE_SECRET_KEY;
  const arn = process.env.STRIPE_SECRET_ARN;
  if (!arn) throw new Error('Invalid configuration: set STRIPE_SECRET_ARN or STRIPE_SECRET_KEY');
  const secret = await tracer.captureAWSv3Client(new SecretsManagerClient({})).send(new GetSecretValueCommand({ SecretId: arn }));
  if (!secret.SecretString) throw new Error('The Stripe secret is empty');
  return secret.SecretString;
}

const stripe = stripeGateway(stripeClient(await secretKey()));

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  let done = 0;
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image || image.type?.S !== ENTITY.StripeSyncTask) continue;
    const task = fromItem(StripeSyncTaskItem, unmarshall(image as Parameters<typeof unmarshall>[0]));
    try {
      await syncVariantToStripe(task, stripe, store);
      done += 1;
    } catch (error) {
      logger.error('stripe sync failed', { tenant_id: task.tenantId, variant_id: task.variantId, error: error instanceof Error ? error : String(error) });
      batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    }
  }
  const failed = batchItemFailures.length;
  logger.info('stripe sync batch', { records: event.Records.length, done, failed });
  publishStreamCounts('syncStripe', { [STREAM_METRICS.stripeSyncsDone]: done, [STREAM_METRICS.stripeSyncsFailed]: failed });
  return { batchItemFailures };
}
