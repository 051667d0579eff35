import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { consumeNewItems } from '#functions/commons/streamRecords';
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
  return (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> =>
    consumeNewItems(event, {
      types: [ENTITY.LowStockEvent],
      // The entry holds the stock record as it was when it crossed into low stock.
      read: (item) => fromItem(StockRecordItem, fromItem(LowStockEventItem, item).record as Record<string, unknown>),
      handle: (stock) => publishLowStockCrossing(outbox, publisher, stock),
      failed: (stock, error) =>
        console.error(
          JSON.stringify({
            level: 'ERROR',
            message: 'low-stock event not published',
            recordId: stock.id,
            version: stock.version,
            error: String(error),
          }),
        ),
    });
}
