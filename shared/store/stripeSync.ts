import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StripeSyncStore, StripeSyncTask } from '#shared/domain/stripeSync';
import { toItem } from '#shared/store/items';
import { keys } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import type { WriteAction } from '#shared/store/transactions';

/** The outbox Put that joins the variant's own transaction: the sync is due exactly when the variant exists. */
export function stripeSyncTaskPut(table: string, task: StripeSyncTask): WriteAction {
  return {
    Put: {
      TableName: table,
      Item: toItem(ENTITY.StripeSyncTask, keys.stripeSyncTask(task.tenantId, task.variantId), task),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The sync's storage, on the client and table the stream consumer is given. */
export function stripeSyncStore(db: DynamoDBDocumentClient, table: string): StripeSyncStore {
  return {
    async knownStripeProduct(tenantId, productId) {
      const { Item } = await db.send(
        new GetCommand({ TableName: table, Key: keys.product(tenantId, productId), ConsistentRead: true, ProjectionExpression: 'stripeProductId' }),
      );
      return typeof Item?.stripeProductId === 'string' ? Item.stripeProductId : null;
    },

    /** Concurrent syncs of two variants of one product agree on a single Stripe product. */
    async rememberStripeProduct(tenantId, productId, stripeProductId) {
      const result = await db.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.product(tenantId, productId),
          UpdateExpression: 'SET stripeProductId = if_not_exists(stripeProductId, :id)',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':id': stripeProductId },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return String(result.Attributes?.stripeProductId ?? stripeProductId);
    },

    async completeStripeSync(task, ids) {
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: table,
                Key: keys.variant(task.tenantId, task.productId, task.variantId),
                UpdateExpression: 'SET stripeProductId = :product, stripePriceId = :price',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':product': ids.productId, ':price': ids.priceId },
              },
            },
            { Delete: { TableName: table, Key: keys.stripeSyncTask(task.tenantId, task.variantId) } },
          ],
        }),
      );
    },
  };
}
