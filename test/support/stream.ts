import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
  type _Record,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';

/**
 * Reads the test table's real DynamoDB stream (DynamoDB Local keeps one) from the
 * beginning, as Lambda's event source would, and keeps the records `wanted` selects.
 */
export async function readStream(wanted: (record: DynamoDBRecord) => boolean): Promise<DynamoDBRecord[]> {
  const config = {
    endpoint: process.env.DYNAMODB_ENDPOINT!,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  };
  const { Table } = await new DynamoDBClient(config).send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME! }));
  const streams = new DynamoDBStreamsClient(config);
  const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Table!.LatestStreamArn! }));
  const records: DynamoDBRecord[] = [];
  for (const shard of StreamDescription?.Shards ?? []) {
    let iterator = (
      await streams.send(
        new GetShardIteratorCommand({ StreamArn: Table!.LatestStreamArn!, ShardId: shard.ShardId!, ShardIteratorType: 'TRIM_HORIZON' }),
      )
    ).ShardIterator;
    // An open shard always hands back a next iterator: stop at the first empty page.
    while (iterator) {
      const page = await streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
      for (const record of page.Records ?? []) {
        const lambdaRecord = toLambdaRecord(record);
        if (wanted(lambdaRecord)) records.push(lambdaRecord);
      }
      iterator = page.Records?.length ? page.NextShardIterator : undefined;
    }
  }
  return records;
}

function toLambdaRecord(record: _Record): DynamoDBRecord {
  return {
    eventID: record.eventID!,
    eventName: record.eventName as DynamoDBRecord['eventName'],
    eventSource: 'aws:dynamodb',
    dynamodb: {
      SequenceNumber: record.dynamodb?.SequenceNumber,
      Keys: record.dynamodb?.Keys as never,
      NewImage: record.dynamodb?.NewImage as never,
      StreamViewType: record.dynamodb?.StreamViewType as never,
    },
  };
}
