import { DeleteCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StripeSyncTask } from '#shared/stripe/task';
import { toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';

/** The outbox Put that joins the variant's own transaction: the sync is due exactly when the variant exists. */
export function stripeSyncTaskPut(table: string, task: StripeSyncTask) {
  return {
    Put: {
      TableName: table,
      Item: toItem('StripeSyncTask', keys.stripeSyncTask(task.tenantId, task.variantId), task),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export interface SyncStore {
  db: DynamoDBDocumentClient;
  table: string;
}

/**
 * Keeps the first Stripe product ID a product gets and returns the one kept, so
 * concurrent syncs of two variants of one product agree on a single Stripe product.
 */
export async function rememberStripeProduct(store: SyncStore, tenantId: string, productId: string, stripeProductId: string): Promise<string> {
  const result = await store.db.send(
    new UpdateCommand({
      TableName: store.table,
      Key: keys.product(tenantId, productId),
      UpdateExpression: 'SET stripeProductId = if_not_exists(stripeProductId, :id)',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeValues: { ':id': stripeProductId },
      ReturnValues: 'ALL_NEW',
    }),
  );
  return String(result.Attributes?.stripeProductId ?? stripeProductId);
}

/** Stores the Stripe IDs on the variant and retires the task, together. */
export async function completeStripeSync(store: SyncStore, task: StripeSyncTask, ids: { productId: string; priceId: string | null }): Promise<void> {
  await store.db.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: store.table,
            Key: keys.variant(task.tenantId, task.productId, task.variantId),
            UpdateExpression: 'SET stripeProductId = :product, stripePriceId = :price',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeValues: { ':product': ids.productId, ':price': ids.priceId },
          },
        },
        { Delete: { TableName: store.table, Key: keys.stripeSyncTask(task.tenantId, task.variantId) } },
      ],
    }),
  );
}

/** A task whose variant is gone has nothing left to sync. */
export async function dropStripeSyncTask(store: SyncStore, task: StripeSyncTask): Promise<void> {
  await store.db.send(new DeleteCommand({ TableName: store.table, Key: keys.stripeSyncTask(task.tenantId, task.variantId) }));
}
