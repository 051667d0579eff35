import { CfnOutput, Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { ENTITY, TABLE, type EntityType } from '../shared/store/table.ts';
import type { FunctionFactory } from './inventoryFunction.ts';

/** A consumer of the table's stream and the queue its failed batches end in, for the alarms. */
export interface StreamConsumer {
  function: IFunction;
  deadLetters: Queue;
}

/**
 * The Stripe sync: a function fed by the table's stream, filtered to new outbox
 * entries, retried with backoff and bisection, then parked in a dead-letter queue.
 */
export function stripeSync(
  scope: Construct,
  table: TableV2,
  removalPolicy: RemovalPolicy,
  stripeSecretArn: string | undefined,
  inventoryFunction: FunctionFactory,
): StreamConsumer {
  const secret = stripeSecretArn
    ? Secret.fromSecretCompleteArn(scope, 'StripeSecretKey', stripeSecretArn)
    : new Secret(scope, 'StripeSecretKey', {
        description: 'Stripe secret API key (sk_live_... or sk_test_...) used by the Stripe sync',
        removalPolicy,
      });
  if (secret instanceof Secret) {
    Validations.of(secret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason: 'A Stripe API key is rolled in the Stripe dashboard, not by a Lambda rotation; the new key is pasted into this secret.',
    });
  }
  const sync = inventoryFunction('syncStripe', {
    entry: 'functions/syncStripe/handler.ts',
    // Product: read its Stripe ID (Get), keep the first one (Update); a change reads the variant (Get) and its product's
    // other variants (Query); variant and task: one transaction (Update, Delete).
    table: { table, actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'] },
    environment: { STRIPE_SECRET_ARN: secret.secretArn },
    timeout: Duration.minutes(1),
    removalPolicy,
  });
  secret.grantRead(sync);
  const deadLetters = feedFromStream(scope, table, sync, 'StripeSyncDeadLetters', 'the Stripe sync', [
    ENTITY.StripeSyncTask,
    ENTITY.StripeChangeTask,
  ]);
  new CfnOutput(scope, 'StripeSecretArn', { value: secret.secretArn });
  new CfnOutput(scope, 'StripeSyncDeadLetterQueueUrl', { value: deadLetters.queueUrl });
  return { function: sync, deadLetters };
}

/**
 * InventoryLowStock events: the stream's new LowStockEvent outbox entries (one per
 * crossing into low stock, written by the movement's transaction) go to an EventBridge
 * bus, with retries, bisection and a dead-letter queue.
 */
export function lowStockEvents(
  scope: Construct,
  table: TableV2,
  removalPolicy: RemovalPolicy,
  eventBusName: string | undefined,
  inventoryFunction: FunctionFactory,
): StreamConsumer {
  const bus = eventBusName ? EventBus.fromEventBusName(scope, 'InventoryEvents', eventBusName) : new EventBus(scope, 'InventoryEvents');
  const publisher = inventoryFunction('publishLowStock', {
    entry: 'functions/publishLowStock/handler.ts',
    // Is the crossing still owed (GetItem), then its outbox entry is removed (DeleteItem).
    table: { table, actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem'] },
    environment: { EVENT_BUS_NAME: bus.eventBusName },
    timeout: Duration.minutes(1),
    removalPolicy,
  });
  bus.grantPutEventsTo(publisher);
  const deadLetters = feedFromStream(scope, table, publisher, 'LowStockEventDeadLetters', 'the low-stock event publisher', [
    ENTITY.LowStockEvent,
  ]);
  new CfnOutput(scope, 'InventoryEventBusName', { value: bus.eventBusName });
  new CfnOutput(scope, 'LowStockEventDeadLetterQueueUrl', { value: deadLetters.queueUrl });
  return { function: publisher, deadLetters };
}

/**
 * Feeds `consumer` the stream's new items of `types`: batches of 10, bisected and retried up to
 * 8 times within 6 hours, then parked in a dead-letter queue of its own, which it returns.
 */
function feedFromStream(
  scope: Construct,
  table: TableV2,
  consumer: IFunction,
  deadLettersId: string,
  consumerName: string,
  types: readonly EntityType[],
): Queue {
  const deadLetters = new Queue(scope, deadLettersId, {
    encryption: QueueEncryption.SQS_MANAGED,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  Validations.of(deadLetters).acknowledge({
    id: 'AwsSolutions-SQS3',
    reason: `This queue is itself the dead-letter destination of ${consumerName}.`,
  });
  consumer.addEventSource(
    new DynamoEventSource(table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 10,
      bisectBatchOnError: true,
      retryAttempts: 8,
      maxRecordAge: Duration.hours(6),
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(deadLetters),
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.isEqual('INSERT'),
          dynamodb: { NewImage: { [TABLE.typeAttribute]: { S: FilterRule.or(...types) } } },
        }),
      ],
    }),
  );
  return deadLetters;
}
