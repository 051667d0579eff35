import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/** What a stream consumer does with each new item of the entity types it reads. */
export interface NewItemConsumer<T> {
  /** Entity types (the items' `type`) it reads: the event source's filter sends only these, a replayed batch may hold others. */
  types: readonly string[];
  /** The entry from its item. An item that does not match its schema throws out of the batch: a bug to fix, not a record to retry. */
  read(item: Record<string, unknown>, type: string): T;
  /** What it resolves to is not used. */
  handle(entry: T): Promise<unknown>;
  /** Logs a failed entry; it is reported back for a retry either way. */
  failed(entry: T, error: unknown): void;
  /** Entries with the same key are handled in stream order: once one fails, the later ones wait for its retry. */
  orderKey?(entry: T): string;
}

/**
 * The loop both stream consumers share: each new item of the consumer's types is handled in
 * stream order, and each failure is reported back (batchItemFailures) so that Lambda retries
 * that record with backoff and, after the retries, sends it to the dead-letter queue.
 */
export async function consumeNewItems<T>(event: DynamoDBStreamEvent, consumer: NewItemConsumer<T>): Promise<DynamoDBBatchResponse> {
  const batchItemFailures: DynamoDBBatchResponse['batchItemFailures'] = [];
  const held = new Set<string>();
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    const type = image?.type?.S;
    if (record.eventName !== 'INSERT' || !image || type === undefined || !consumer.types.includes(type)) continue;
    const entry = consumer.read(unmarshall(image as Parameters<typeof unmarshall>[0]), type);
    const retryLater = () => batchItemFailures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
    const key = consumer.orderKey?.(entry);
    if (key !== undefined && held.has(key)) {
      retryLater();
      continue;
    }
    try {
      await consumer.handle(entry);
    } catch (error) {
      consumer.failed(entry, error);
      if (key !== undefined) held.add(key);
      retryLater();
    }
  }
  return { batchItemFailures };
}
