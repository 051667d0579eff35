import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { readStripeSyncConfig, type StripeKeySource } from '#shared/config';
import { syncVariantChange, syncVariantToStripe } from '#shared/domain/stripeSync';
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

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  let done = 0;
  // A variant's entries must reach Stripe in order: after one fails, its later ones wait for the retry too.
  const held = new Set<string>();
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const type = image?.type?.S;
    if (record.eventName !== 'INSERT' || !image || (type !== ENTITY.StripeSyncTask && type !== ENTITY.StripeChangeTask)) continue;
    const item = unmarshall(image as Parameters<typeof unmarshall>[0]);
    const variantKey = `${String(item.tenantId)}|${String(item.variantId)}`;
    const sequence = record.dynamodb?.SequenceNumber ?? '';
    if (held.has(variantKey)) {
      batchItemFailures.push({ itemIdentifier: sequence });
      continue;
    }
    try {
      if (type === ENTITY.StripeSyncTask) await syncVariantToStripe(fromItem(StripeSyncTaskItem, item), stripe, store);
      else await syncVariantChange(fromItem(StripeChangeTaskItem, item), stripe, store);
      done += 1;
    } catch (error) {
      logger.error('stripe sync failed', {
        tenant_id: String(item.tenantId),
        variant_id: String(item.variantId),
        error: error instanceof Error ? error : String(error),
      });
      held.add(variantKey);
      batchItemFailures.push({ itemIdentifier: sequence });
    }
  }
  const failed = batchItemFailures.length;
  logger.info('stripe sync batch', { records: event.Records.length, done, failed });
  publishStreamCounts('syncStripe', { [STREAM_METRICS.stripeSyncsDone]: done, [STREAM_METRICS.stripeSyncsFailed]: failed });
  return { batchItemFailures };
}
