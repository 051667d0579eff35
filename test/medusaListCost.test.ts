import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as importCatalog } from '#functions/admin/importCatalog/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as deleteVariant } from '#functions/dayzero/deleteVariant/handler';
import { handler as updateVariant } from '#functions/dayzero/updateVariant/handler';
import { handler as listProductVariants } from '#functions/medusa/listProductVariants/handler';
import { keys } from '#shared/store/keys';
import { runMigration } from '#shared/store/migration/runner';
import { variantCounts } from '#shared/store/migration/variantCounts';
import { invoke } from '#test/support/http';
import { queried, queryScans, storedCount, storeReadRecorder } from '#test/support/storeReads';
import { bearer, db, seedTenant, table, tokenFor } from '#test/support/tenants';

/**
 * Medusa's variant list with its default fields and order (created_at, then ID) reads only its
 * page: a Query with a Limit on each of the product's two variant lists by creation time (active
 * and archived), beside the product, whose `variantCount` is the list's `count`. The count is kept
 * in the transactions that make, remove and move variants, and counted for products stored before
 * by the `one-model-product-variant-counts` step; until that step is done, the list reads the
 * product's partition. A filter, another order or the links still read every variant.
 */
const P = 'prod_vl';
const TO = 'prod_vl_to';
const variantId = (i: number) => `var_${String(i).padStart(3, '0')}`;

const tenant = (variants: number) =>
  seedTenant({
    name: 'Variant list cost',
    locations: [{ id: 'loc_vl', name: 'Main' }],
    products: [
      {
        id: P,
        name: 'Shirt',
        type: 'VARIABLE',
        variants: Array.from({ length: variants }, (_, i) => ({ id: variantId(i), name: `Size ${i}`, sku: `VL-${i}` })),
      },
      { id: TO, name: 'Other', type: 'VARIABLE' },
    ],
  });

const auth = (t: string) => ({ authorization: bearer(tokenFor(t)) });
const list = (t: string, query?: string, productId = P) =>
  invoke(listProductVariants, {
    path: `/admin/products/${productId}/variants`,
    routeKey: 'GET /admin/products/{id}/variants',
    pathParameters: { id: productId },
    ...(query ? { query } : {}),
    headers: auth(t),
  });
const dz = {
  create: (t: string, body: Record<string, unknown>) =>
    invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: { ...auth(t), 'x-business-id': t },
      body,
    }),
  remove: (t: string, id: string, permanent: boolean) =>
    invoke(deleteVariant, {
      path: `/api/v1/inventory/products/variants/${id}`,
      routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
      pathParameters: { id },
      query: `permanent=${permanent}`,
      headers: { ...auth(t), 'x-business-id': t },
    }),
  move: (t: string, id: string, productId: string) =>
    invoke(updateVariant, {
      path: `/api/v1/inventory/products/variants/${id}`,
      routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
      pathParameters: { id },
      headers: { ...auth(t), 'x-business-id': t },
      body: { product_id: productId },
    }),
};

const reads = storeReadRecorder();

const ids = (reply: { body: unknown }) => (reply.body as { variants: { id: string }[] }).variants.map((variant) => variant.id);
const countOf = (reply: { body: unknown }) => (reply.body as { count: number }).count;
/** The product's variants, counted the slow way: its variant items. */
const variantsOf = (t: string, productId: string) => storedCount(t, 'Variant', { productId });
/** The count and the page as the full read answers them (order=id reads every variant; fixtures' variants share created_at). */
const fullRead = async (t: string, query = '', productId = P) => {
  const reply = await list(t, `order=id${query ? `&${query}` : ''}`, productId);
  return { count: countOf(reply), ids: ids(reply) };
};
/** Page, count and the items each Query read, on the page read alone. */
async function pageRead(t: string, query?: string, productId = P) {
  let reply: Awaited<ReturnType<typeof list>> | undefined;
  const calls = await reads(async () => (reply = await list(t, query, productId)));
  expect(reply!.status, JSON.stringify(reply!.body)).toBe(200);
  return { count: countOf(reply!), ids: ids(reply!), calls };
}

describe('before the variant count migration is done', () => {
  it('reads the whole partition for the count, then reads the page alone once the step has run', async () => {
    const t = await tenant(30);
    // As stored before: no count on the product. A write of this code since adds to a count it cannot know exact.
    await db.send(new UpdateCommand({ TableName: table, Key: keys.product(t, P), UpdateExpression: 'REMOVE variantCount' }));
    expect((await dz.create(t, { product_id: P, name: 'After', sku: 'VL-after', unit_price: 100 })).status).toBe(201);

    const before = await pageRead(t, 'limit=5');
    expect(before.count).toBe(31);
    // The page's Queries, then the partition's: more than the page.
    expect(queried(before.calls)).toBeGreaterThan(31);

    // The step alone, over the whole table (this file's table): every product counted.
    const [report] = await runMigration([variantCounts], { pageSize: 500 });
    expect(report!.left).toEqual([]);
    const after = await pageRead(t, 'limit=5');
    expect(after).toMatchObject({ count: 31, ids: before.ids });
    expect(queried(after.calls)).toBeLessThanOrEqual(10);
    expect(after.calls.map((call) => call.command).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand', 'QueryCommand']);
  });
});

describe('once counted, the default list reads its page', () => {
  let hundred: string;
  beforeAll(async () => {
    // Counts the products of tenants stored without one (the test above's, when it ran first); done for this table.
    await runMigration([variantCounts].map((step) => ({ ...step })));
    hundred = await tenant(100);
  });

  it('page 1 of 20 out of 100 reads 20 variants (each list read at most as far as the page), and the count the product keeps', async () => {
    const page = await pageRead(hundred, 'limit=20');
    expect(page.ids).toEqual(Array.from({ length: 20 }, (_, i) => variantId(i)));
    expect(page.count).toBe(100);
    // The active list reads the page; the archived one, empty here, reads nothing.
    expect(queryScans(page.calls).sort((a, b) => a - b)).toEqual([0, 20]);
    expect(page.calls.map((call) => call.command).sort()).toEqual(['BatchGetItemCommand', 'QueryCommand', 'QueryCommand']);
  });

  it('an offset reads the keys before it (they have no offset), and answers as the full read does', async () => {
    for (const query of ['limit=10&offset=30', 'limit=20&offset=80', 'limit=50&offset=90', 'offset=200']) {
      const page = await pageRead(hundred, query);
      const full = await fullRead(hundred, query);
      expect(page.ids, query).toEqual(full.ids);
      expect(page.count, query).toBe(100);
      const { limit, offset } = Object.fromEntries(new URLSearchParams(`limit=50&offset=0&${query}`)) as Record<string, string>;
      expect(queried(page.calls), query).toBeLessThanOrEqual(Math.min(100, Number(limit) + Number(offset)));
    }
  });

  it('a filter, another order or the links read every variant, with the count of those that match', async () => {
    for (const query of ['q=size%201', 'order=-created_at', 'fields=%2Binventory_quantity', 'sku=VL-7']) {
      const page = await pageRead(hundred, `limit=5&${query}`);
      expect(queried(page.calls), query).toBeGreaterThanOrEqual(100);
    }
    // Size 1 and Size 10 to 19.
    expect((await pageRead(hundred, 'q=size%201')).count).toBe(11);
  });
});

describe('the count the product keeps is exact', () => {
  beforeAll(async () => {
    await runMigration([variantCounts].map((step) => ({ ...step })));
  });

  const expectExact = async (t: string, productId: string, expected: number) => {
    expect(await variantsOf(t, productId)).toBe(expected);
    const page = await pageRead(t, 'limit=100', productId);
    expect(page.count).toBe(expected);
    expect(page.ids).toHaveLength(expected);
    expect([...page.ids].sort()).toEqual((await fullRead(t, 'limit=100', productId)).ids);
  };

  it('from the fixtures, through DayZero creates, archives, permanent deletes and moves', async () => {
    const t = await tenant(5);
    await expectExact(t, P, 5);
    for (let i = 0; i < 3; i++)
      expect((await dz.create(t, { product_id: P, name: `New ${i}`, sku: `VL-new-${i}`, unit_price: 100 })).status).toBe(201);
    await expectExact(t, P, 8);
    // Archived, it is still the product's variant: Medusa's list shows it, and it is counted.
    expect((await dz.remove(t, variantId(0), false)).status).toBe(200);
    await expectExact(t, P, 8);
    expect((await dz.remove(t, variantId(1), true)).status).toBe(200);
    await expectExact(t, P, 7);
    expect((await dz.move(t, variantId(2), TO)).status).toBe(200);
    await expectExact(t, P, 6);
    await expectExact(t, TO, 1);
    // The archived variant moves too.
    expect((await dz.move(t, variantId(0), TO)).status).toBe(200);
    await expectExact(t, P, 5);
    await expectExact(t, TO, 2);
  });

  it('through the catalog import, which creates new variants and leaves the count of those it updates', async () => {
    const t = await tenant(4);
    const importOnce = () =>
      invoke(importCatalog, {
        path: '/admin/catalog',
        routeKey: 'PUT /admin/catalog',
        headers: { authorization: bearer(tokenFor(t, { scope: 'inventory/admin' })) },
        body: {
          tenants: [
            {
              id: t,
              name: 'Variant list cost',
              products: [
                {
                  id: P,
                  name: 'Shirt, renamed',
                  type: 'VARIABLE',
                  variants: [
                    { id: variantId(0), name: 'Size 0, renamed', sku: 'VL-0' },
                    { id: 'var_imported_a', name: 'Imported A' },
                    { id: 'var_imported_b', name: 'Imported B' },
                  ],
                },
                { id: 'prod_vl_new', name: 'New', type: 'VARIABLE', variants: [{ id: 'var_imported_c', name: 'Imported C' }] },
              ],
            },
          ],
        },
      });
    const imported = await importOnce();
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    await expectExact(t, P, 6);
    await expectExact(t, 'prod_vl_new', 1);
    // Imported again, nothing changes.
    expect((await importOnce()).status).toBe(200);
    await expectExact(t, P, 6);
    await expectExact(t, 'prod_vl_new', 1);
  });

  it('under 20 concurrent creates and deletes on one product', async () => {
    const t = await tenant(20);
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => dz.create(t, { product_id: P, name: `Race ${i}`, sku: `VL-race-${i}`, unit_price: 100 })),
      ...Array.from({ length: 10 }, (_, i) => dz.remove(t, variantId(i), true)),
    ]);
    const created = answers.slice(0, 20).filter((answer) => answer.status === 201).length;
    const deleted = answers.slice(20).filter((answer) => answer.status === 200).length;
    expect(created).toBe(20);
    expect(deleted).toBe(10);
    await expectExact(t, P, 20 + created - deleted);
  });
});
