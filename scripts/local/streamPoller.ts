import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

/**
 * What Lambda's DynamoDB event source does, for the local server: reads the table's
 * stream and hands batches to a handler, offering reported failures again next time.
 */
export function pollStream(options: {
  endpoint: string;
  tableName: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  intervalMs?: number;
}): { stop(): void } {
  const config = { endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  const streams = new DynamoDBStreamsClient(config);
  const iterators = new Map<string, string | undefined>();
  let pending: DynamoDBRecord[] = [];
  let stopped = false;

  const poll = async () => {
    const { Table } = await new DynamoDBClient(config).send(new DescribeTableCommand({ TableName: options.tableName }));
    const streamArn = Table?.LatestStreamArn;
    if (!streamArn) return;
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    const fresh: DynamoDBRecord[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let iterator = iterators.get(shard.ShardId!);
      if (!iterators.has(shard.ShardId!)) {
        iterator = (
          await streams.send(
            new GetShardIteratorCommand({ StreamArn: streamArn, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
          )
        ).ShardIterator;
      }
      if (!iterator) continue;
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
      iterators.set(shard.ShardId!, page.NextShardIterator);
      for (const record of page.Records ?? []) {
        fresh.push({
          eventID: record.eventID!,
          eventName: record.eventName as DynamoDBRecord['eventName'],
          eventSource: 'aws:dynamodb',
          dynamodb: {
            SequenceNumber: record.dynamodb?.SequenceNumber,
            Keys: record.dynamodb?.Keys as never,
            NewImage: record.dynamodb?.NewImage as never,
          },
        });
      }
    }
    const batch = [...pending, ...fresh];
    if (batch.length === 0) return;
    const { batchItemFailures } = await options.handler({ Records: batch });
    const failed = new Set(batchItemFailures.map((failure) => failure.itemIdentifier));
    pending = batch.filter((record) => failed.has(record.dynamodb?.SequenceNumber ?? ''));
  };

  const loop = async () => {
    while (!stopped) {
      await poll().catch((error: unknown) => console.error('stream poll failed:', error instanceof Error ? error.message : error));
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 1_000));
    }
  };
  void loop();
  return { stop: () => (stopped = true) };
}
