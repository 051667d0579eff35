import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/medusa/getProductVariant/handler';
import { invoke } from '#test/support/http';
import { DEFAULT_VARIANT_KEYS, medusaCatalog } from '#test/support/medusaCatalog';
import { roundTripRecorder } from '#test/support/roundTrips';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

const ROUTE_KEY = 'GET /admin/products/{id}/variants/{variant_id}';

const get = (
  tenantId: string,
  options: { productId?: string; variantId?: string; query?: string; headers?: Record<string, string | undefined> } = {},
) => {
  const { productId = 'prod_kit', variantId = 'variant_std' } = options;
  return invoke(handler, {
    path: `/admin/products/${encodeURIComponent(productId)}/variants/${encodeURIComponent(variantId)}`,
    routeKey: ROUTE_KEY,
    pathParameters: { id: productId, variant_id: variantId },
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read', roles: [] })), ...options.headers },
  });
};

describe('GET /admin/products/{id}/variants/{variant_id}', () => {
  let tenantId: string;
  let otherTenant: string;
  beforeAll(async () => {
    tenantId = await seedTenant(medusaCatalog());
    otherTenant = await seedTenant({
      ...medusaCatalog(),
      products: [{ id: 'prod_theirs', name: 'Theirs', type: 'VARIABLE', variants: [{ id: 'variant_theirs', name: 'Theirs' }] }],
    });
  });

  it("answers Medusa's default fields to a read-only token: the variant's values, prices and options with IDs", async () => {
    const reply = await get(tenantId);
    expect(reply.status).toBe(200);
    expect(Object.keys(reply.body.variant)).toEqual(DEFAULT_VARIANT_KEYS);
    expect(reply.body.variant).toMatchObject({
      id: 'variant_std',
      title: 'Standard',
      sku: 'KIT-STD',
      product_id: 'prod_kit',
      prices: [
        {
          id: 'price_std_usd',
          amount: 120,
          currency_code: 'usd',
          min_quantity: null,
          max_quantity: null,
          variant_id: 'variant_std',
          rules: {},
        },
      ],
      options: [
        // As Medusa 2.21.2 shows a value: rank as it stores it (null), its option as {id}, timestamps.
        {
          id: 'optval_std',
          value: 'Standard',
          rank: null,
          option_id: 'opt_edition',
          option: { id: 'opt_edition' },
          metadata: null,
          created_at: expect.any(String),
          updated_at: expect.any(String),
          deleted_at: null,
        },
      ],
    });
  });

  it('adds the links, their items and levels when fields ask, never inventory_quantity', async () => {
    const reply = await get(tenantId, {
      query: 'fields=id,inventory_quantity,*inventory_items,inventory_items.inventory.location_levels.available_quantity',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      variant: {
        id: 'variant_std',
        // Naming inventory_quantity brings manage_inventory, as in Medusa 2.21.2.
        manage_inventory: true,
        inventory_items: [
          {
            id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T01',
            variant_id: 'variant_std',
            inventory_item_id: 'iitem_grinder',
            required_quantity: 5,
            created_at: expect.any(String),
            updated_at: expect.any(String),
            deleted_at: null,
            // Medusa adds the join keys on a dotted path: the item's id.
            inventory: { id: 'iitem_grinder', location_levels: [{ available_quantity: 36 }, { available_quantity: 12 }] },
          },
          {
            id: 'pvitem_01JBRZ5E4Q8M7X2V9K3N6P1T02',
            variant_id: 'variant_std',
            inventory_item_id: 'iitem_cup',
            required_quantity: 2,
            created_at: expect.any(String),
            updated_at: expect.any(String),
            deleted_at: null,
            inventory: { id: 'iitem_cup', location_levels: [{ available_quantity: 7 }, { available_quantity: 5 }] },
          },
        ],
      },
    });
  });

  it('shows the links with variant_id only where a path ends at their item, and their join keys once it goes into the item', async () => {
    const rows = (await get(tenantId, { query: 'fields=id,inventory_items.inventory' })).body;
    expect(rows).toEqual({
      variant: { id: 'variant_std', inventory_items: [{ variant_id: 'variant_std' }, { variant_id: 'variant_std' }] },
    });
    const added = (await get(tenantId, { query: 'fields=%2Binventory_items.inventory' })).body.variant;
    expect(added.inventory_items).toEqual([{ variant_id: 'variant_std' }, { variant_id: 'variant_std' }]);
    expect((await get(tenantId, { query: 'fields=id,inventory_items.required_quantity' })).body.variant.inventory_items).toEqual([
      { variant_id: 'variant_std', required_quantity: 5 },
      { variant_id: 'variant_std', required_quantity: 2 },
    ]);
    // A list named bare under the item is no value of it, but the path goes into the item: its id and the join keys.
    expect((await get(tenantId, { query: 'fields=id,inventory_items.inventory.location_levels' })).body.variant.inventory_items).toEqual([
      { variant_id: 'variant_std', inventory_item_id: 'iitem_grinder', inventory: { id: 'iitem_grinder' } },
      { variant_id: 'variant_std', inventory_item_id: 'iitem_cup', inventory: { id: 'iitem_cup' } },
    ]);
  });

  // Medusa 2.21.2 reads no levels for the sums under a star: null there, even beside the sum named on its own.
  it("answers the linked item's sums null under a star, and the sum where it is named alone", async () => {
    const sums = async (fields: string) =>
      ((await get(tenantId, { query: `fields=${fields}` })).body.variant.inventory_items as { inventory: Record<string, unknown> }[]).map(
        ({ inventory }) => [inventory.reserved_quantity, inventory.stocked_quantity],
      );
    for (const fields of [
      'id,*inventory_items.inventory',
      'id,inventory_items.inventory.*',
      'id,*inventory_items.inventory,inventory_items.inventory.stocked_quantity',
      'id,*inventory_items.inventory,*inventory_items.inventory.location_levels',
    ])
      expect(await sums(fields), fields).toEqual([
        [null, null],
        [null, null],
      ]);
    const named = await sums('id,inventory_items.inventory.stocked_quantity');
    expect(named.every(([reserved, stocked]) => reserved === undefined && typeof stocked === 'number')).toBe(true);
  });

  it('drops unknown fields entries, as Medusa does', async () => {
    const reply = await get(tenantId, { query: 'fields=title,nope,inventory_items.nope' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ variant: { id: 'variant_std', title: 'Standard' } });
  });

  it.each([
    ['a missing variant', { variantId: 'variant_missing' }],
    ['a variant of another product', { productId: 'prod_other' }],
    ['a missing product', { productId: 'prod_missing' }],
    // Medusa 2.21.2 answers these 200 `{}` (its `{variant: undefined}` serialised), not 404.
  ])('200 {} for %s, as Medusa answers it', async (_, options) => {
    const reply = await get(tenantId, options);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({});
  });

  it("answers another tenant's variant as missing", async () => {
    expect((await get(otherTenant, { productId: 'prod_theirs', variantId: 'variant_theirs' })).status).toBe(200);
    const reply = await get(tenantId, { productId: 'prod_theirs', variantId: 'variant_theirs' });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({});
  });

  it("401 with Medusa's bare message without a token", async () => {
    const reply = await get(tenantId, { headers: { authorization: undefined } });
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: 'Unauthorized' });
  });

  it('400 for an unknown query parameter', async () => {
    const reply = await get(tenantId, { query: 'expand=prices' });
    expect(reply.status).toBe(400);
    expect(reply.body).toEqual({ type: 'invalid_data', message: "Invalid request: Unrecognized fields: 'expand'" });
  });

  describe('DynamoDB round trips', () => {
    const record = roundTripRecorder();
    it('reads the default answer with one GetItem', async () => {
      expect(await record(() => get(tenantId))).toEqual({ waves: 1, commands: ['GetItemCommand'] });
    });
    it("reads the links with one Query of the variant's range, and the items' levels in one more round trip only when shown", async () => {
      expect(await record(() => get(tenantId, { query: 'fields=id,*inventory_items' }))).toEqual({ waves: 1, commands: ['QueryCommand'] });
      expect(await record(() => get(tenantId, { query: 'fields=id,inventory_items.inventory' }))).toEqual({
        waves: 1,
        commands: ['QueryCommand'],
      });
      expect(await record(() => get(tenantId, { query: 'fields=id,*inventory_items.inventory' }))).toEqual({
        waves: 2,
        commands: ['QueryCommand', 'QueryCommand', 'QueryCommand'],
      });
    });
  });
});
