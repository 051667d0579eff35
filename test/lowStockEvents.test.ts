import { describe, expect, it } from 'vitest';
import type { DynamoDBRecord } from 'aws-lambda';
import { handler as reserveHandler } from '#functions/shopsynch/reserveInventory/handler';
import { handler as releaseHandler } from '#functions/shopsynch/releaseInventory/handler';
import { lowStockConsumer } from '#functions/publishLowStock/consumer';
import type { InventoryLowStock } from '#shared/domain/lowStockEvent';
import { lowStockOutbox } from '#shared/store/lowStockEvents';
import { invoke } from '#test/support/http';
import { readStream } from '#test/support/stream';
import { bearer, db, itemsOfType, seedTenant, table, tokenFor } from '#test/support/tenants';

const API_KEY = 'mk_test_events_0123';
const RECORD = 'inv_0000000000000000000000000000e001';

const catalog = () => ({
  name: 'Events merchant',
  merchantApiKeys: [API_KEY],
  locations: [{ id: 'wh_main', name: 'Main Warehouse' }],
  products: [{ id: 'prod_lamp', name: 'Lamp', type: 'SIMPLE' as const }],
  stockRecords: [{ id: RECORD, productId: 'prod_lamp', warehouseId: 'wh_main', onHandQty: 10, reorderLevel: 4, reorderQty: 6 }],
});

const move = (kind: 'reserve' | 'release', tenantId: string, qty: number) =>
  invoke(kind === 'reserve' ? reserveHandler : releaseHandler, {
    path: `/v1/inventory/${RECORD}/${kind}`,
    routeKey: `PATCH /v1/inventory/{id}/${kind}`,
    pathParameters: { id: RECORD },
    headers: { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': API_KEY },
    body: { qty },
  });

const outboxRecords = (tenantId: string) =>
  readStream(
    (record: DynamoDBRecord) =>
      record.eventName === 'INSERT' &&
      record.dynamodb?.NewImage?.type?.S === 'LowStockEvent' &&
      record.dynamodb.NewImage.tenantId?.S === tenantId,
  );

describe('InventoryLowStock events from the stream', () => {
  it('publishes one event per crossing into low stock, once, however often the stream delivers it', async () => {
    const tenant = await seedTenant(catalog());
    await move('reserve', tenant, 5); // 5 available: not low
    await move('reserve', tenant, 1); // 4: crossing
    await move('reserve', tenant, 1); // 3: still low
    await move('release', tenant, 4); // 7: out
    await move('reserve', tenant, 3); // 4: crossing again
    const published: InventoryLowStock[] = [];
    const consume = lowStockConsumer(lowStockOutbox(db, table), { publish: async (event) => void published.push(event) });
    const records = await outboxRecords(tenant);
    expect(records).toHaveLength(2);
    expect(await consume({ Records: records })).toEqual({ batchItemFailures: [] });
    // Redelivered (a retry or a bisected batch): nothing more goes out.
    expect(await consume({ Records: [...records, ...records] })).toEqual({ batchItemFailures: [] });
    expect(published).toEqual([
      expect.objectContaining({
        eventId: `${RECORD}#3`,
        tenantId: tenant,
        recordId: RECORD,
        warehouseName: 'Main Warehouse',
        onHandQty: 10,
        reservedQty: 6,
        availableQty: 4,
        reorderLevel: 4,
        reorderQty: 6,
      }),
      expect.objectContaining({ eventId: `${RECORD}#6`, availableQty: 4, reservedQty: 6 }),
    ]);
    expect(await itemsOfType(tenant, 'LowStockEvent')).toEqual([]);
  });

  it('reports a failed publication for retry and keeps the entry until it is out', async () => {
    const tenant = await seedTenant(catalog());
    await move('reserve', tenant, 6);
    const records = await outboxRecords(tenant);
    expect(records).toHaveLength(1);
    const log = console.error;
    console.error = () => {};
    const failing = lowStockConsumer(lowStockOutbox(db, table), {
      publish: async () => Promise.reject(new Error('EventBridge unreachable')),
    });
    const failed = await failing({ Records: records }).finally(() => (console.error = log));
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: records[0]!.dynamodb!.SequenceNumber }]);
    expect(await itemsOfType(tenant, 'LowStockEvent')).toHaveLength(1);
    const published: InventoryLowStock[] = [];
    await lowStockConsumer(lowStockOutbox(db, table), { publish: async (event) => void published.push(event) })({ Records: records });
    expect(published.map((event) => event.eventId)).toEqual([`${RECORD}#2`]);
  });
});
