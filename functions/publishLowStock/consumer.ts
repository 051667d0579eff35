import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { publishLowStockCrossing, type LowStockOutbox, type LowStockPublisher } from '#shared/domain/lowStockEvent';
import { LowStockEventItem, StockRecordItem } from '#shared/store/entities';
import { fromItem } from '#shared/store/items';
import { ENTITY } from '#shared/store/table';

/**
 * The stream consumer, given where events go: new LowStockEvent outbox entries become
 * InventoryLowStock events. A failed record is reported back so Lambda retries it; after
 * the retries it goes to the dead-letter queue.
 */
export function lowStockConsumer(outbox: LowStockOutbox, publisher: LowStockPublisher) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const image = record.dynamodb?.NewImage;
      if (record.eventName !== 'INSERT' || !image || image.type?.S !== ENTITY.LowStockEvent) continue;
      const stock = fromItem(
        StockRecordItem,
        fromItem(LowStockEventItem, unmarshall(image as Parameters<typeof unmarshall>[0])).record as Record<string, unknown>,
      );
      try {
        await publishLowStockCrossing(outbox, publisher, stock);
      } catch (error) {
        console.error(
          JSON.stringify({
            level: 'ERROR',
            message: 'low-stock event not published',
            recordId: stock.id,
            version: stock.version,
            error: String(error),
          }),
        );
        batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      }
    }
    return { batchItemFailures };
  };
}
