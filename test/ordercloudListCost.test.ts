import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as importCatalog } from '#functions/admin/importCatalog/handler';
import { handler as dzUpdate } from '#functions/dayzero/updateVariant/handler';
import { handler as createVariantRecord } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { handler as deleteVariantRecord } from '#functions/ordercloud/deleteVariantInventoryRecord/handler';
import { handler as listProductRecords } from '#functions/ordercloud/listProductInventoryRecords/handler';
import { handler as listVariantRecords } from '#functions/ordercloud/listVariantInventoryRecords/handler';
import { handler as patchVariantRecord } from '#functions/ordercloud/patchVariantInventoryRecord/handler';
import { documentClient } from '#shared/store/client';
import { runMigration } from '#shared/store/migration/runner';
import { recordCounts } from '#shared/store/migration/recordCounts';
import { recordCountKey } from '#shared/store/recordCounts';
import { invoke } from '#test/support/http';
import { queryScans, storedCount, storeReadRecorder } from '#test/support/storeReads';
import { bearer, db, seedTenant, table, tokenFor } from '#test/support/tenants';

/**
 * An OrderCloud list without filter or search, in ID order, reads only its page: a Query of the
 * records' key range with a Limit, beside the owner and its kept count of records (TotalCount).
 * The count is written in the transactions that make, remove and move records, and set by the
 * migration step for records stored before it was kept; until then the list reads the level.
 */
const P = 'prod_cost';
const TO = 'prod_cost_to';
const RECORDS = '/products/{productID}/variants/{variantID}/inventoryrecords';
const ids = (count: number, prefix = 'rec') => Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(3, '0')}`);
const address = (i: number) => `addr_${String(i).padStart(3, '0')}`;

const tenant = (records: number) =>
  seedTenant({
    name: 'List cost',
    locations: Array.from({ length: 120 }, (_, i) => ({ id: address(i), name: `Address ${i}` })),
    products: [
      {
        id: P,
        name: 'Shirt',
        type: 'VARIABLE',
        variants: [
          { id: 'var_big', name: 'Big' },
          { id: 'var_small', name: 'Small' },
          { id: 'var_new', name: 'New' },
        ],
        inventoryRecords: [
          ...ids(records).map((id, i) => ({ id, variantId: 'var_big', addressId: address(i), quantityAvailable: i })),
          ...ids(5, 'small').map((id, i) => ({ id, variantId: 'var_small', addressId: address(i) })),
        ],
      },
      { id: TO, name: 'Other', type: 'VARIABLE' },
      {
        id: 'prod_cost_tote',
        name: 'Tote',
        type: 'SIMPLE',
        inventoryRecords: ids(3, 'tote').map((id, i) => ({ id, addressId: address(i) })),
      },
    ],
  });

const auth = (t: string) => ({ authorization: bearer(tokenFor(t)) });
const path = (p: string, v: string, id?: string) => `/products/${p}/variants/${v}/inventoryrecords${id === undefined ? '' : `/${id}`}`;
const oc = {
  list: (t: string, v: string, query?: string, p = P) =>
    invoke(listVariantRecords, {
      path: path(p, v),
      routeKey: `GET ${RECORDS}`,
      pathParameters: { productID: p, variantID: v },
      ...(query ? { query } : {}),
      headers: auth(t),
    }),
  create: (t: string, v: string, body: Record<string, unknown>) =>
    invoke(createVariantRecord, {
      path: path(P, v),
      routeKey: `POST ${RECORDS}`,
      pathParameters: { productID: P, variantID: v },
      headers: auth(t),
      body,
    }),
  delete: (t: string, v: string, id: string) =>
    invoke(deleteVariantRecord, {
      path: path(P, v, id),
      routeKey: `DELETE ${RECORDS}/{inventoryRecordID}`,
      pathParameters: { productID: P, variantID: v, inventoryRecordID: id },
      headers: auth(t),
    }),
  rename: (t: string, v: string, id: string, to: string) =>
    invoke(patchVariantRecord, {
      path: path(P, v, id),
      routeKey: `PATCH ${RECORDS}/{inventoryRecordID}`,
      pathParameters: { productID: P, variantID: v, inventoryRecordID: id },
      headers: auth(t),
      body: { ID: to },
    }),
};

const recordReads = storeReadRecorder();

const countOf = async (t: string, owner: { productId: string; variantId: string | null }) =>
  (await db.send(new GetCommand({ TableName: table, Key: recordCountKey(t, owner), ConsistentRead: true }))).Item;
/** The records the table holds for the owner, counted the slow way. */
const recordsOf = (t: string, productId: string, variantId: string | null) => storedCount(t, 'InventoryRecord', { productId, variantId });
const listedIds = (reply: { body: unknown }) => (reply.body as { Items: { ID: string }[] }).Items.map((item) => item.ID);
const meta = (reply: { body: unknown }) => (reply.body as { Meta: Record<string, unknown> }).Meta;

describe('OrderCloud list without filters: it reads its page', () => {
  // One tenant of 100 records for the read-only tests below (seeding it is most of their time).
  let hundred: string;
  beforeAll(async () => {
    hundred = await tenant(100);
  });

  it('page 1 of 20 out of 100 records reads 20 records; TotalCount comes from the kept count', async () => {
    const t = hundred;
    let reply: Awaited<ReturnType<typeof oc.list>> | undefined;
    const reads = await recordReads(async () => (reply = await oc.list(t, 'var_big')));
    expect(reply!.status).toBe(200);
    expect(listedIds(reply!)).toEqual(ids(20));
    expect(meta(reply!)).toMatchObject({ Page: 1, PageSize: 20, TotalCount: 100, TotalPages: 5, ItemRange: [1, 20] });
    expect(queryScans(reads)).toEqual([20]);
    // Beside it, one BatchGet of the variant and its count (and the migration's checkpoints, until it is known done).
    expect(reads.map((read) => read.command).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand']);

    // The same page for a variant of 5 records reads as much as it holds: the cost follows the page, not the level.
    const small = await recordReads(() => oc.list(t, 'var_small'));
    expect(queryScans(small)[0]).toBe(5);
  });

  it('page n reads n pages of keys, in ID order and in !ID order, and answers as the full read does', async () => {
    const t = hundred;
    for (const query of ['page=3&pageSize=10', 'page=2&pageSize=30&sortBy=!ID', 'page=5&pageSize=20', 'page=7&pageSize=20']) {
      let fast: Awaited<ReturnType<typeof oc.list>> | undefined;
      const reads = await recordReads(async () => (fast = await oc.list(t, 'var_big', query)));
      // The same list through the full read: a filter every record passes.
      const full = await oc.list(t, 'var_big', `${query}&ID=*`);
      expect(fast!.status).toBe(200);
      expect(fast!.body).toEqual(full.body);
      const [page, size] = [Number(/page=(\d+)/.exec(query)![1]), Number(/pageSize=(\d+)/.exec(query)![1])];
      expect(queryScans(reads)[0]).toBe(Math.min(page * size, 100));
    }
    // A filter, a search or an AddressID sort reads the level.
    for (const query of ['search=rec-01', 'QuantityAvailable=>50', 'sortBy=AddressID']) {
      const reads = await recordReads(() => oc.list(t, 'var_big', query));
      expect(queryScans(reads)[0]).toBeGreaterThanOrEqual(100);
    }
  });

  it('answers 404 for a missing variant or product, and reads product-level records the same way', async () => {
    const t = await tenant(3);
    expect(await oc.list(t, 'var_nowhere')).toMatchObject({ status: 404, body: { Errors: [{ ErrorCode: 'NotFound' }] } });
    expect(await oc.list(t, 'var_big', undefined, 'prod_nowhere')).toMatchObject({ status: 404 });
    let reply: Awaited<ReturnType<typeof oc.list>> | undefined;
    const reads = await recordReads(async () => {
      reply = await invoke(listProductRecords, {
        path: '/products/prod_cost_tote/inventoryrecords',
        routeKey: 'GET /products/{productID}/inventoryrecords',
        pathParameters: { productID: 'prod_cost_tote' },
        query: 'pageSize=2',
        headers: auth(t),
      });
    });
    expect(reply!.status).toBe(200);
    expect(listedIds(reply!)).toEqual(['tote-000', 'tote-001']);
    expect(meta(reply!)).toMatchObject({ TotalCount: 3, TotalPages: 2 });
    expect(queryScans(reads)[0]).toBe(2);
  });
});

describe('the kept count of records', () => {
  it('follows creates, deletes and renames, one at a time and racing', async () => {
    const t = await tenant(10);
    const owner = { productId: P, variantId: 'var_big' };
    expect((await oc.create(t, 'var_big', { ID: 'new-a', AddressID: address(50) })).status).toBe(201);
    expect((await oc.delete(t, 'var_big', 'rec-000')).status).toBe(204);
    expect((await oc.rename(t, 'var_big', 'rec-001', 'renamed')).status).toBe(200);
    expect(await countOf(t, owner)).toMatchObject({ recordCount: 10, exact: true });

    // 30 creates and 8 deletes at once, on distinct addresses and records.
    const replies = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => oc.create(t, 'var_big', { ID: `race-${i}`, AddressID: address(60 + i) })),
      ...['rec-002', 'rec-003', 'rec-004', 'rec-005', 'rec-006', 'rec-007', 'rec-008', 'rec-009'].map((id) => oc.delete(t, 'var_big', id)),
    ]);
    expect(replies.map((reply) => reply.status).sort()).toEqual([...Array(30).fill(201), ...Array(8).fill(204)].sort());
    const held = await recordsOf(t, P, 'var_big');
    expect(held).toBe(32);
    expect(await countOf(t, owner)).toMatchObject({ recordCount: held });
    expect(meta(await oc.list(t, 'var_big'))).toMatchObject({ TotalCount: held });
  });

  it('moves with its variant to another product', async () => {
    const t = await tenant(4);
    const moved = await invoke(dzUpdate, {
      path: '/api/v1/inventory/products/variants/var_big',
      routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: 'var_big' },
      headers: { ...auth(t), 'x-business-id': t },
      body: { product_id: TO },
    });
    expect(moved.status).toBe(200);
    expect(await countOf(t, { productId: P, variantId: 'var_big' })).toBeUndefined();
    expect(await countOf(t, { productId: TO, variantId: 'var_big' })).toMatchObject({ recordCount: 4, exact: true });
    const listed = await oc.list(t, 'var_big', 'pageSize=3', TO);
    expect(listedIds(listed)).toEqual(ids(3));
    expect(meta(listed)).toMatchObject({ TotalCount: 4, TotalPages: 2 });
  });
  it('counts the records the catalog import writes, and is left as it is by its upsert of the variant', async () => {
    const t = await tenant(6);
    const imported = await invoke(importCatalog, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(t, { scope: 'inventory/admin' })) },
      body: {
        tenants: [
          {
            id: t,
            name: 'List cost',
            locations: [{ id: address(100), name: 'Address 100' }],
            products: [
              {
                id: P,
                name: 'Shirt, renamed',
                type: 'VARIABLE',
                variants: [
                  { id: 'var_big', name: 'Big, renamed' },
                  { id: 'var_imported', name: 'Imported' },
                ],
                inventoryRecords: [{ id: 'imported-rec', variantId: 'var_big', addressId: address(100), quantityAvailable: 4 }],
              },
            ],
          },
        ],
      },
    });
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(await recordsOf(t, P, 'var_big')).toBe(7);
    expect(await countOf(t, { productId: P, variantId: 'var_big' })).toMatchObject({ recordCount: 7, exact: true });
    const reads = await recordReads(() => oc.list(t, 'var_big', 'pageSize=4'));
    expect(queryScans(reads)[0]).toBe(4);
    expect(meta(await oc.list(t, 'var_big', 'pageSize=4'))).toMatchObject({ TotalCount: 7, TotalPages: 2 });
  });
});

describe('records stored before the count was kept', () => {
  it('are listed by reading the level until the migration counts them; then the list reads its page', async () => {
    const t = await tenant(30);
    const owner = { productId: P, variantId: 'var_big' };
    // As stored before: no count item. A write of this code since adds to a count it does not know exact.
    await db.send(new DeleteCommand({ TableName: table, Key: recordCountKey(t, owner) }));
    expect((await oc.create(t, 'var_big', { ID: 'after', AddressID: address(90) })).status).toBe(201);
    expect(await countOf(t, owner)).toMatchObject({ recordCount: 1 });
    expect((await countOf(t, owner))!.exact).toBeUndefined();

    const before = await recordReads(() => oc.list(t, 'var_big'));
    expect(queryScans(before)).toEqual([20, expect.any(Number)]);
    expect(queryScans(before)[1]).toBeGreaterThanOrEqual(31);
    expect(meta(await oc.list(t, 'var_big'))).toMatchObject({ TotalCount: 31 });

    // The step alone, over the whole table (other tests' tenants included): every owner counted.
    const [report] = await runMigration([recordCounts], { pageSize: 500 });
    expect(report!.left).toEqual([]);
    expect(await countOf(t, owner)).toMatchObject({ recordCount: 31, exact: true });
    const after = await recordReads(() => oc.list(t, 'var_big'));
    expect(queryScans(after)).toEqual([20]);
    expect(meta(await oc.list(t, 'var_big'))).toMatchObject({ TotalCount: 31 });
    // Run again, it finds every count right.
    const [again] = await runMigration([recordCounts].map((step) => ({ ...step, name: `${step.name}-again` })));
    expect(again!.counts.migrated).toBe(0);
  });

  it('once the migration is done, a count item without the mark counts every record (it was made by this code)', async () => {
    const t = await tenant(0);
    const owner = { productId: P, variantId: 'var_new' };
    // A variant created after the deployment: no count item, and none marked exact, yet every record it gets is counted.
    await db.send(new DeleteCommand({ TableName: table, Key: recordCountKey(t, owner) }));
    for (const i of [1, 2, 3]) expect((await oc.create(t, 'var_new', { ID: `n-${i}`, AddressID: address(i) })).status).toBe(201);
    // The migration ran in the test before (or runs now): its checkpoints say done.
    await runMigration([recordCounts]);
    await db.send(
      new UpdateCommand({ TableName: table, Key: recordCountKey(t, owner), UpdateExpression: 'REMOVE exact', ReturnValues: 'NONE' }),
    );
    const reads = await recordReads(() => oc.list(t, 'var_new'));
    expect(queryScans(reads)).toEqual([3]);
    expect(meta(await oc.list(t, 'var_new'))).toMatchObject({ TotalCount: 3 });
  });

  it('the migration is refused by a record write between its read and its write, and counts again', async () => {
    const t = await tenant(2);
    const owner = { productId: P, variantId: 'var_small' };
    await db.send(
      new PutCommand({ TableName: table, Item: { ...recordCountKey(t, owner), type: 'InventoryRecordCount', recordCount: 1, changes: 3 } }),
    );
    // A record write lands between the step's read and its first write (here: one more change on the count item).
    let setsSent = 0;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const input = args.input as { Key?: { sk?: string | { S?: string } }; UpdateExpression?: string };
        const sk = typeof input.Key?.sk === 'object' ? input.Key.sk.S : input.Key?.sk;
        if (
          ['UpdateCommand', 'UpdateItemCommand'].includes(context.commandName ?? '') &&
          sk === recordCountKey(t, owner).sk &&
          input.UpdateExpression?.startsWith('SET')
        ) {
          setsSent += 1;
          if (setsSent === 1)
            await db.send(
              new UpdateCommand({
                TableName: table,
                Key: recordCountKey(t, owner),
                UpdateExpression: 'ADD changes :one',
                ExpressionAttributeValues: { ':one': 1 },
              }),
            );
        }
        return next(args);
      },
      { step: 'initialize', name: `betweenReadAndWrite${Math.random()}` },
    );
    expect(await recordCounts.migrate({ type: 'Variant', tenantId: t, productId: P, id: 'var_small' })).toBe('migrated');
    // The first SET was refused (changes moved from 3 to 4), the second counted again: the 5 records, exact.
    expect(setsSent).toBe(2);
    expect(await countOf(t, owner)).toMatchObject({ recordCount: 5, exact: true, changes: 5 });
  });
});
