import { PutEventsCommand, type EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LowStockPublisher } from '#shared/domain/lowStockEvent';

export const EVENT_SOURCE = 'inventory-api';
export const LOW_STOCK_DETAIL_TYPE = 'InventoryLowStock';

/** InventoryLowStock events on an EventBridge bus; an entry EventBridge did not accept is an error (the stream retries it). */
export function eventBridgePublisher(client: EventBridgeClient, eventBusName: string): LowStockPublisher {
  return {
    async publish(event) {
      const result = await client.send(
        new PutEventsCommand({
          Entries: [{ EventBusName: eventBusName, Source: EVENT_SOURCE, DetailType: LOW_STOCK_DETAIL_TYPE, Detail: JSON.stringify(event) }],
        }),
      );
      if ((result.FailedEntryCount ?? 0) > 0) {
        const entry = result.Entries?.[0];
        throw new Error(`EventBridge refused the event ${event.eventId}: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`);
      }
    },
  };
}
