import { DeleteCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { LowStockOutbox } from '#shared/domain/lowStockEvent';
import { stockKeys } from '#shared/store/keys';

/** The low-stock outbox entries, for the stream consumer that publishes them. */
export function lowStockOutbox(db: DynamoDBDocumentClient, table: string): LowStockOutbox {
  return {
    async isPending(record) {
      const { Item } = await db.send(
        new GetCommand({
          TableName: table,
          Key: stockKeys.lowStockEvent(record.tenantId, record.id, record.version),
          ConsistentRead: true,
          ProjectionExpression: 'pk',
        }),
      );
      return Item !== undefined;
    },
    async markPublished(record) {
      await db.send(new DeleteCommand({ TableName: table, Key: stockKeys.lowStockEvent(record.tenantId, record.id, record.version) }));
    },
  };
}
