import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { eventBridgePublisher } from '#shared/events/eventBridge';
import { createDocumentClient } from '#shared/store/client';
import { lowStockOutbox } from '#shared/store/lowStockEvents';
import { lowStockConsumer } from './consumer.ts';

/** Fed by the table's stream (filtered to new LowStockEvent items); publishes to EVENT_BUS_NAME. */
const table = process.env.TABLE_NAME;
const eventBusName = process.env.EVENT_BUS_NAME;
if (!table || !eventBusName) throw new Error('Invalid configuration: TABLE_NAME and EVENT_BUS_NAME are required');

export const handler = lowStockConsumer(
  lowStockOutbox(createDocumentClient(process.env.DYNAMODB_ENDPOINT ? { endpoint: process.env.DYNAMODB_ENDPOINT } : {}), table),
  eventBridgePublisher(new EventBridgeClient({}), eventBusName),
);
