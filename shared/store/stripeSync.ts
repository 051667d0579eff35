import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StripeChangeStore, StripeChangeTask, StripeSyncStore, StripeSyncTask } from '#shared/domain/stripeSync';
import { toItem } from '#shared/store/items';
import { keys, stripeChangeTaskKey } from '#shared/store/keys';
import { ENTITY } from '#shared/store/table';
import type { WriteAction } from '#shared/store/transactions';
import { sideBySide } from '#shared/domain/concurrency';

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

/** The outbox Put that joins a variant change's own transaction. */
export function stripeChangeTaskPut(table: string, task: StripeChangeTask): WriteAction {
  return {
    Put: {
      TableName: table,
      Item: toItem(ENTITY.StripeChangeTask, stripeChangeTaskKey(task.tenantId, task.variantId, task.revision), task),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The sync's storage, on the client and table the stream consumer is given. */
export function stripeSyncStore(db: DynamoDBDocumentClient, table: string): StripeSyncStore & StripeChangeStore {
  return {
    async knownStripeProduct(tenantId, productId) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: table,
          Key: keys.product(tenantId, productId),
          ConsistentRead: true,
          ProjectionExpression: 'stripeProductId',
        }),
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

    /** The variant's Stripe IDs and its product's other variants: one Query over the product's variants. */
    async readStripeState(task) {
      const [variant, product] = await sideBySide([
        db.send(
          new GetCommand({ TableName: table, Key: keys.variant(task.tenantId, task.productId, task.variantId), ConsistentRead: true }),
        ),
        db.send(
          new GetCommand({
            TableName: table,
            Key: keys.product(task.tenantId, task.productId),
            ConsistentRead: true,
            ProjectionExpression: 'stripeProductId',
          }),
        ),
      ]);
      if (!variant.Item) return undefined;
      const others = await db.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :variants)',
          FilterExpression: '#type = :variant AND id <> :self AND (attribute_not_exists(archived) OR archived = :false)',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':pk': keys.product(task.tenantId, task.productId).pk,
            ':variants': 'VARIANT#',
            ':variant': ENTITY.Variant,
            ':self': task.variantId,
            ':false': false,
          },
          ConsistentRead: true,
        }),
      );
      const text = (value: unknown) => (typeof value === 'string' ? value : null);
      return {
        productId: text(variant.Item.stripeProductId) ?? text(product.Item?.stripeProductId),
        priceId: text(variant.Item.stripePriceId),
        otherActiveVariants: (others.Items ?? []).length > 0,
      };
    },

    async completeStripeChange(task, priceId) {
      await db
        .send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Update: {
                  TableName: table,
                  Key: keys.variant(task.tenantId, task.productId, task.variantId),
                  UpdateExpression: 'SET stripePriceId = :price',
                  ConditionExpression: 'attribute_exists(pk)',
                  ExpressionAttributeValues: { ':price': priceId },
                },
              },
              { Delete: { TableName: table, Key: stripeChangeTaskKey(task.tenantId, task.variantId, task.revision) } },
            ],
          }),
        )
        .catch(async (error: unknown) => {
          // The variant was deleted since: only the task is left to retire.
          if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') throw error;
          await db.send(
            new TransactWriteCommand({
              TransactItems: [{ Delete: { TableName: table, Key: stripeChangeTaskKey(task.tenantId, task.variantId, task.revision) } }],
            }),
          );
        });
    },
  };
}
