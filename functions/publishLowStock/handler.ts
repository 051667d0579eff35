import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { readLowStockEventsConfig } from '#shared/config';
import { eventBridgePublisher } from '#shared/events/eventBridge';
import { createDocumentClient } from '#shared/store/client';
import { lowStockOutbox } from '#shared/store/lowStockEvents';
import { lowStockConsumer } from './consumer.ts';

/** Fed by the table's stream (filtered to new LowStockEvent items); publishes to EVENT_BUS_NAME. */
const settings = readLowStockEventsConfig();

export const handler = lowStockConsumer(
  lowStockOutbox(createDocumentClient(settings.dynamodbEndpoint ? { endpoint: settings.dynamodbEndpoint } : {}), settings.tableName),
  eventBridgePublisher(new EventBridgeClient({}), settings.eventBusName),
);
