import { BatchWriteItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import { db, seedTenant, table, tenantItems, tenantItemsByScan, uniqueId } from '#test/support/tenants';
import { unseenPartitions, writtenPartitions } from '#test/support/writtenPartitions';

/**
 * The tenant snapshots that prove "nothing was written" Query the partitions this process wrote
 * instead of scanning the table: they must see a write of every kind, from every client.
 */
describe('a tenant snapshot by partition', () => {
  it('holds what a Scan of the table holds, whatever command and client wrote it', async () => {
    const tenantId = await seedTenant({ name: 'Snapshots', locations: [{ id: 'wh', name: 'Main' }] });
    const pk = (name: string) => `${keys.tenant(tenantId).pk}#TEST#${name}`;
    const other = createDocumentClient({ endpoint: process.env.DYNAMODB_ENDPOINT! });
    await db.send(new PutCommand({ TableName: table, Item: { pk: pk('put'), sk: 'A' } }));
    await other.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: pk('update'), sk: 'A' },
        UpdateExpression: 'SET n = :n',
        ExpressionAttributeValues: { ':n': 1 },
      }),
    );
    await db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: table, Item: { pk: pk('transact-put'), sk: 'A' } } },
          {
            Update: {
              TableName: table,
              Key: { pk: pk('transact-update'), sk: 'A' },
              UpdateExpression: 'SET n = :n',
              ExpressionAttributeValues: { ':n': 1 },
            },
          },
        ],
      }),
    );
    await db.send(new BatchWriteCommand({ RequestItems: { [table]: [{ PutRequest: { Item: { pk: pk('batch'), sk: 'A' } } }] } }));
    // The low-level client, marshalled input.
    await other.send(new PutItemCommand({ TableName: table, Item: { pk: { S: pk('low-level') }, sk: { S: 'A' } } }));
    await other.send(
      new BatchWriteItemCommand({ RequestItems: { [table]: [{ PutRequest: { Item: { pk: { S: pk('low-batch') }, sk: { S: 'A' } } } }] } }),
    );
    await db.send(new DeleteCommand({ TableName: table, Key: { pk: pk('put'), sk: 'A' } }));

    const snapshot = await tenantItems(tenantId);
    expect(snapshot).toEqual(await tenantItemsByScan(tenantId));
    expect(snapshot.map((item) => item.pk)).toEqual(
      expect.arrayContaining(['update', 'transact-put', 'transact-update', 'batch', 'low-level', 'low-batch'].map(pk)),
    );
    expect(writtenPartitions(tenantId)).toEqual(expect.arrayContaining([pk('put'), keys.tenant(tenantId).pk]));
  });

  it('names a partition that no write of this process reached, for the check each file makes at its end', async () => {
    const tenantId = uniqueId('unseen');
    await tenantItems(tenantId);
    const elsewhere = `${keys.tenant(tenantId).pk}#WRITTEN#ELSEWHERE`;
    expect(unseenPartitions([{ pk: elsewhere }, { pk: keys.tenant(uniqueId('never-snapshotted')).pk }])).toEqual([elsewhere]);
  });
});
