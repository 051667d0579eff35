import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { consumeNewItems } from '#functions/commons/streamRecords';
import { readStripeSyncConfig, type StripeKeySource } from '#shared/config';
import { syncVariantChange, syncVariantToStripe, type StripeChangeTask, type StripeSyncTask } from '#shared/domain/stripeSync';
import { STREAM_METRICS } from '#shared/observability/names';
import { logger, publishStreamCounts } from '#shared/observability/telemetry';
import { tracer } from '#shared/observability/tracer';
import { createDocumentClient } from '#shared/store/client';
import { StripeChangeTaskItem, StripeSyncTaskItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { stripeSyncStore } from '#shared/store/stripeSync';
import { ENTITY } from '#shared/store/table';
import { stripeClient, stripeGateway } from '#shared/stripe/gateway';

/**
 * Fed by the table's stream (filtered to new StripeSyncTask and StripeChangeTask items). A failed record is
 * reported back so Lambda retries it with backoff; after the retries it goes to the
 * dead-letter queue. Stripe idempotency keys make every retry safe. Its DynamoDB, Secrets
 * Manager and Stripe calls are traced as X-Ray subsegments (Stripe through the HTTPS module).
 */
const settings = readStripeSyncConfig();
const store = stripeSyncStore(
  tracer.captureAWSv3Client(createDocumentClient(settings.dynamodbEndpoint ? { endpoint: settings.dynamodbEndpoint } : {})),
  settings.tableName,
);

/** The key itself, read from Secrets Manager once per container when the stack gives its secret. */
async function secretKey(source: StripeKeySource): Promise<string> {
  if (source.kind === 'key') return source.secretKey;
  const secret = await tracer
    .captureAWSv3Client(new SecretsManagerClient({}))
    .send(new GetSecretValueCommand({ SecretId: source.secretArn }));
  if (!secret.SecretString) throw new Error('The Stripe secret is empty');
  return secret.SecretString;
}

const stripe = stripeGateway(stripeClient(await secretKey(settings.stripeKey)));

/** An outbox entry: a new variant to create in Stripe, or a later change to one. */
type Task = { type: typeof ENTITY.StripeSyncTask; task: StripeSyncTask } | { type: typeof ENTITY.StripeChangeTask; task: StripeChangeTask };

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  let done = 0;
  const result = await consumeNewItems<Task>(event, {
    types: [ENTITY.StripeSyncTask, ENTITY.StripeChangeTask],
    read: (item, type) =>
      type === ENTITY.StripeSyncTask
        ? { type: ENTITY.StripeSyncTask, task: fromItem(StripeSyncTaskItem, item) }
        : { type: ENTITY.StripeChangeTask, task: fromItem(StripeChangeTaskItem, item) },
    async handle({ type, task }) {
      if (type === ENTITY.StripeSyncTask) await syncVariantToStripe(task, stripe, store);
      else await syncVariantChange(task, stripe, store);
      done += 1;
    },
    failed: ({ task }, error) =>
      logger.error('stripe sync failed', {
        tenant_id: task.tenantId,
        variant_id: task.variantId,
        error: error instanceof Error ? error : String(error),
      }),
    // A variant's entries must reach Stripe in order.
    orderKey: ({ task }) => `${task.tenantId}|${task.variantId}`,
  });
  const failed = result.batchItemFailures.length;
  logger.info('stripe sync batch', { records: event.Records.length, done, failed });
  publishStreamCounts('syncStripe', { [STREAM_METRICS.stripeSyncsDone]: done, [STREAM_METRICS.stripeSyncsFailed]: failed });
  return result;
}
