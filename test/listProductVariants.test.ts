import { beforeAll, describe, expect, it } from 'vitest';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '#functions/medusa/listProductVariants/handler';
import { keys } from '#shared/store/keys';
import { runMigration } from '#shared/store/migration/runner';
import { variantCounts } from '#shared/store/migration/variantCounts';
import { invoke } from '#test/support/http';
import { DEFAULT_VARIANT_KEYS, medusaCatalog } from '#test/support/medusaCatalog';
import { roundTripRecorder } from '#test/support/roundTrips';
import { bearer, db, seedTenant, table, tokenFor } from '#test/support/tenants';

const ROUTE_KEY = 'GET /admin/products/{id}/variants';

const list = (tenantId: string, query?: string, productId = 'prod_kit') =>
  invoke(handler, {
    path: `/admin/products/${encodeURIComponent(productId)}/variants`,
    routeKey: ROUTE_KEY,
    pathParameters: { id: productId },
    ...(query === undefined ? {} : { query }),
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read', roles: [] })) },
  });

const ids = (reply: { body: { variants: { id: string }[] } }) => reply.body.variants.map((variant) => variant.id);

describe('GET /admin/products/{id}/variants', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(medusaCatalog());
  });

  it("answers {variants, count, offset, limit} with Medusa's defaults: limit 50, offset 0, default fields", async () => {
    const reply = await list(tenantId);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body)).toEqual(['variants', 'count', 'offset', 'limit']);
    expect(reply.body).toMatchObject({ count: 3, offset: 0, limit: 50 });
    // Seeded together: same created_at, then by ID.
    expect(ids(reply)).toEqual(['variant_mini', 'variant_pro', 'variant_std']);
    for (const variant of reply.body.variants) expect(Object.keys(variant)).toEqual(DEFAULT_VARIANT_KEYS);
  });

  it('pages with limit and offset; count is every match', async () => {
    const page = await list(tenantId, 'limit=2&offset=1');
    expect(page.body).toMatchObject({ count: 3, offset: 1, limit: 2 });
    expect(ids(page)).toEqual(['variant_pro', 'variant_std']);
    const past = await list(tenantId, 'offset=10');
    expect(past.body).toEqual({ variants: [], count: 3, offset: 10, limit: 50 });
  });

  it('orders by a field, - for descending', async () => {
    expect(ids(await list(tenantId, 'order=-title'))).toEqual(['variant_std', 'variant_pro', 'variant_mini']);
    expect(ids(await list(tenantId, 'order=sku'))).toEqual(['variant_mini', 'variant_pro', 'variant_std']);
  });

  it('finds q in the title or the SKU, ignoring case', async () => {
    expect(ids(await list(tenantId, 'q=STAN'))).toEqual(['variant_std']);
    const bySku = await list(tenantId, 'q=kit-pr');
    expect(ids(bySku)).toEqual(['variant_pro']);
    expect(bySku.body.count).toBe(1);
  });

  it('computes +inventory_quantity: ⌊available ÷ required⌋, the scarcest item decides, null without links (as Medusa)', async () => {
    const reply = await list(tenantId, 'fields=id,%2Binventory_quantity&order=title');
    expect(reply.status).toBe(200);
    expect(reply.body.variants).toEqual([
      { id: 'variant_mini', manage_inventory: true, inventory_quantity: null },
      // grinder 48 ÷ 1, but the empty item sells none
      { id: 'variant_pro', manage_inventory: true, inventory_quantity: 0 },
      // min(⌊48 ÷ 5⌋, ⌊12 ÷ 2⌋) = min(9, 6)
      { id: 'variant_std', manage_inventory: true, inventory_quantity: 6 },
    ]);
  });

  // Medusa 2.21.2 lets it go below 0 where reservations exceed stock (a level stored so, before the ledger held it).
  it('counts over-reserved stock below zero, as Medusa does', async () => {
    const over = await seedTenant({
      ...medusaCatalog(),
      products: [
        {
          id: 'prod_kit',
          name: 'Kit',
          type: 'VARIABLE',
          variants: [
            {
              id: 'variant_over',
              name: 'Over',
              inventoryLinks: [{ id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T09', inventoryItemId: 'iitem_over', requiredQuantity: 1 }],
            },
          ],
        },
      ],
    });
    const reply = await list(over, 'fields=%2Binventory_quantity');
    expect(reply.body.variants[0].inventory_quantity).toBe(-3);
  });

  // Medusa 2.21.2 takes its variant filters here; an equality on what the catalog does not hold matches none.
  it("takes Medusa's filters: id and sku exactly, ean/upc/barcode matching none", async () => {
    const ids = async (query: string) =>
      ((await list(tenantId, `fields=id&${query}`)).body.variants ?? []).map((v: { id: string }) => v.id);
    expect(await ids('id=variant_std')).toEqual(['variant_std']);
    expect(await ids('sku=KIT-STD')).toEqual(['variant_std']);
    expect(await ids('sku=KIT')).toEqual([]);
    expect(await ids('ean=123')).toEqual([]);
    expect(await ids('manage_inventory=false')).toEqual([]);
    expect((await ids('manage_inventory=true')).length).toBeGreaterThan(1);
  });

  it("filters on created_at and updated_at with Medusa's operators; a value that is no date is a 400 (Medusa: 500)", async () => {
    const dated = await seedTenant(medusaCatalog());
    // Fixtures make every variant now: date two of them in the past.
    const setTimes = (variantId: string, createdAt: string, updatedAt: string) =>
      db.send(
        new UpdateCommand({
          TableName: table,
          Key: keys.variant(dated, 'prod_kit', variantId),
          UpdateExpression: 'SET createdAt = :c, updatedAt = :u',
          ExpressionAttributeValues: { ':c': createdAt, ':u': updatedAt },
        }),
      );
    await setTimes('variant_std', '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z');
    await setTimes('variant_pro', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
    const ids = async (query: string) => {
      const reply = await list(dated, `fields=id&order=id&${query}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return (reply.body.variants as { id: string }[]).map((v) => v.id);
    };
    const all = await ids('');
    const recent = all.filter((id) => id !== 'variant_std' && id !== 'variant_pro');
    expect(await ids('created_at[$lt]=2025-01-01')).toEqual(['variant_std']);
    expect(await ids('created_at[$lte]=2025-01-01')).toEqual(['variant_pro', 'variant_std']);
    expect(await ids('created_at[$gte]=2024-06-01&created_at[$lt]=2026-01-01')).toEqual(['variant_pro']);
    expect(await ids('created_at[$gt]=2025-01-01T00:00:00Z')).toEqual(recent);
    expect(await ids('updated_at[$eq]=2024-06-01T00:00:00.000Z')).toEqual(['variant_std']);
    expect(await ids('updated_at=2024-06-01T00:00:00Z')).toEqual(['variant_std']);
    expect(await ids('updated_at[$ne]=2024-06-01T00:00:00Z')).toEqual(all.filter((id) => id !== 'variant_std'));
    expect((await list(dated, 'fields=id&created_at[$gte]=2025-01-01')).body.count).toBe(recent.length + 1);
    const refused = await list(dated, 'created_at[$gte]=nope');
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({
      type: 'invalid_data',
      message: "Invalid request: Expected type: 'date' for field 'created_at[$gte]', got: 'nope'",
    });
    expect((await list(dated, 'created_at[$gte]=1700000000000')).status).toBe(400);
    // Medusa's words for an operator that takes a list given one value.
    expect((await list(dated, 'created_at[$in]=2025-01-01')).body.message).toBe(
      "Invalid request: Expected type: 'array' for field 'created_at, $in', got: '2025-01-01'",
    );
    // $in and $nin take a list, as `[]` (API Gateway joins the repeated key with commas) or `[n]` (the js-sdk);
    // `created_at[]` is $in. Answers as Medusa 2.21.2's.
    expect(await ids('created_at[$in][]=2024-01-01T00:00:00Z&created_at[$in][]=2025-01-01T00:00:00Z')).toEqual([
      'variant_pro',
      'variant_std',
    ]);
    expect(await ids('created_at[$in][0]=2024-01-01T00:00:00Z')).toEqual(['variant_std']);
    expect(await ids('created_at[]=2025-01-01T00:00:00Z')).toEqual(['variant_pro']);
    expect(await ids('updated_at[$nin][0]=2024-06-01T00:00:00Z&updated_at[$nin][1]=2025-01-01T00:00:00Z')).toEqual(recent);
    expect(await ids('created_at[$in][]=2020-01-01')).toEqual([]);
    expect((await list(dated, 'created_at[$in][]=nope')).status).toBe(400);
    // `null` is Medusa's null: no variant is created at null.
    expect(await ids('created_at=null')).toEqual([]);
    expect(await ids('created_at[$ne]=null')).toEqual(all);
  });

  // Medusa lists no deleted variant without with_deleted: a comparison of deleted_at with a date matches none.
  it('filters on deleted_at as Medusa answers: only `null` (is null) keeps the variants', async () => {
    const count = async (query: string) => {
      const reply = await list(tenantId, `fields=id&${query}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return reply.body.count as number;
    };
    for (const query of [
      'deleted_at[$gte]=2020-01-01',
      'deleted_at[$lt]=2030-01-01',
      'deleted_at=2020-01-01',
      'deleted_at[$ne]=2020-01-01',
      'deleted_at[$in][]=2020-01-01',
      'deleted_at[$nin][]=2020-01-01',
      'deleted_at[]=2020-01-01',
      'deleted_at[$ne]=null',
    ])
      expect(await count(query), query).toBe(0);
    expect(await count('deleted_at=null')).toBe(3);
    expect(await count('deleted_at[$eq]=null')).toBe(3);
    expect((await list(tenantId, 'deleted_at[$gt]=nope')).status).toBe(400);
  });

  // Medusa 2.21.2 reads a list of values as any of them; a plain key is one value (`a,b` matches none).
  it('takes a list of IDs or SKUs, matching any, in the `[]` and `[n]` forms', async () => {
    const ids = async (query: string) => {
      const reply = await list(tenantId, `fields=id&${query}`);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      return (reply.body.variants as { id: string }[]).map((v) => v.id);
    };
    expect(await ids('id[]=variant_std&id[]=variant_mini')).toEqual(['variant_mini', 'variant_std']);
    expect(await ids('id[0]=variant_std&id[1]=variant_pro')).toEqual(['variant_pro', 'variant_std']);
    expect(await ids('id=variant_std,variant_pro')).toEqual([]);
    expect(await ids('sku[]=KIT-STD&sku[]=KIT-PRO')).toEqual(['variant_pro', 'variant_std']);
    expect(await ids('sku[0]=KIT-STD')).toEqual(['variant_std']);
    expect(await ids('ean[]=1&upc[0]=2')).toEqual([]);
    expect((await list(tenantId, 'fields=id&id[]=variant_std')).body.count).toBe(1);
  });

  it('leaves inventory_quantity out unless fields name it', async () => {
    const reply = await list(tenantId, 'fields=%2B*inventory_items');
    expect(reply.body.variants[2]).not.toHaveProperty('inventory_quantity');
    expect(reply.body.variants[2].inventory_items).toHaveLength(2);
  });

  it('404 for a product that does not exist in the tenant', async () => {
    const reply = await list(tenantId, undefined, 'prod_missing');
    expect(reply.status).toBe(404);
    expect(reply.body).toEqual({ type: 'not_found', message: 'Product with id: prod_missing was not found' });
  });

  it.each([
    ['limit=abc', "Invalid request: Expected type: 'number' for field 'limit', got: 'abc'"],
    ['limit=101', "Invalid request: Value for field 'limit' too big, expected at most: '100'"],
    ['offset=-1', "Invalid request: Value for field 'offset' too small, expected at least: '0'"],
    ['order=price', "Invalid request: Expected: 'id, title, sku, created_at, updated_at' for field 'order', but got: 'price'"],
    ['expand=prices', "Invalid request: Unrecognized fields: 'expand'"],
  ])('400 invalid_data for %s', async (query, message) => {
    const reply = await list(tenantId, query);
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ type: 'invalid_data', message });
  });

  describe('DynamoDB round trips', () => {
    const record = roundTripRecorder();
    it('reads its page beside the product (its count): one round trip once the variant count step is done', async () => {
      // Until then, the page read finds the count untrusted and the product's partition is read after it.
      expect(await record(() => list(tenantId))).toEqual({
        waves: 2,
        commands: ['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand'],
      });
      await runMigration([variantCounts]);
      expect(await record(() => list(tenantId))).toEqual({ waves: 1, commands: ['BatchGetItemCommand', 'QueryCommand', 'QueryCommand'] });
    });
    it('reads the product beside its variants and links, with a filter: one round trip', async () => {
      expect(await record(() => list(tenantId, 'q=kit'))).toEqual({ waves: 1, commands: ['GetItemCommand', 'QueryCommand'] });
    });
    it("with +inventory_quantity, reads only the page's linked items' levels, in one more round trip", async () => {
      // Page: variant_pro only (grinder, empty); the cup, linked to variant_std alone, is not read.
      expect(await record(() => list(tenantId, 'fields=%2Binventory_quantity&order=title&offset=1&limit=1'))).toEqual({
        waves: 2,
        commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand'],
      });
    });
  });
});
