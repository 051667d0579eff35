import { beforeAll, describe, expect, it } from 'vitest';
import { handler as batchHandler } from '#functions/medusa/batchVariantInventoryItems/handler';
import { handler as deleteHandler } from '#functions/medusa/deleteVariantInventoryItem/handler';
import { handler } from '#functions/medusa/linkVariantInventoryItem/handler';
import { documentClient } from '#shared/store/client';
import { invoke } from '#test/support/http';
import { DEFAULT_VARIANT_KEYS } from '#test/support/medusaCatalog';
import { roundTripRecorder } from '#test/support/roundTrips';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ROUTE_KEY = 'POST /admin/products/{id}/variants/{variant_id}/inventory-items';

/** Two locations, a kit variant to link, and items stocked at both locations. */
function catalog() {
  return {
    name: 'Medusa test store',
    locations: [
      { id: 'sloc_east', name: 'East' },
      { id: 'sloc_west', name: 'West' },
    ],
    products: [
      {
        id: 'prod_kit',
        name: 'Espresso kit',
        type: 'VARIABLE' as const,
        options: [
          {
            id: 'opt_edition',
            title: 'Edition',
            values: [
              { id: 'optval_std', value: 'Standard' },
              { id: 'optval_pro', value: 'Pro' },
            ],
          },
        ],
        variants: [
          {
            id: 'variant_std',
            name: 'Standard',
            sku: 'KIT-STD',
            attributes: { Edition: 'Standard' },
            prices: [
              { id: 'price_std_usd', amount: 120, currency: 'usd' },
              { id: 'price_std_eur_bulk', amount: 99.5, currency: 'eur', minQuantity: 10, rules: { region_id: 'reg_eu' } },
            ],
          },
          { id: 'variant_pro', name: 'Pro', sku: 'KIT-PRO', attributes: { Edition: 'Pro' } },
        ],
      },
      { id: 'prod_other', name: 'Other', type: 'VARIABLE' as const, variants: [{ id: 'variant_other', name: 'Other' }] },
      {
        id: 'prod_plain',
        name: 'Plain',
        type: 'VARIABLE' as const,
        variants: [{ id: 'variant_plain', name: 'Red one', attributes: { Color: 'Red' } }],
      },
    ],
    inventoryItems: [
      {
        // Available: (40 − 4) + 12 = 48
        id: 'iitem_grinder',
        sku: 'GRND-1',
        title: 'Grinder',
        description: 'Burr grinder',
        levels: [
          { locationId: 'sloc_east', stocked: 40, reserved: 4, incoming: 5 },
          { locationId: 'sloc_west', stocked: 12 },
        ],
      },
      {
        // Available: (9 − 2) + 5 = 12
        id: 'iitem_cup',
        sku: 'CUP-1',
        title: 'Cup',
        requiresShipping: false,
        levels: [
          { locationId: 'sloc_east', stocked: 9, reserved: 2 },
          { locationId: 'sloc_west', stocked: 5 },
        ],
      },
      { id: 'iitem_empty', title: 'Out of stock' },
    ],
  };
}

interface PostOptions {
  productId?: string;
  variantId?: string;
  query?: string;
  headers?: Record<string, string | undefined>;
}

const post = (tenantId: string, body: unknown, options: PostOptions = {}) => {
  const { productId = 'prod_kit', variantId = 'variant_std' } = options;
  return invoke(handler, {
    path: `/admin/products/${encodeURIComponent(productId)}/variants/${encodeURIComponent(variantId)}/inventory-items`,
    routeKey: ROUTE_KEY,
    pathParameters: { id: productId, variant_id: variantId },
    ...(options.query === undefined ? {} : { query: options.query }),
    headers: { authorization: bearer(tokenFor(tenantId)), ...options.headers },
    body,
  });
};

const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;
const LINK_ID = /^pvitem_[0-9A-HJKMNP-TV-Z]{26}$/;

const level = (item: string, location: string, stocked: number, reserved: number, incoming: number) => ({
  id: `ilev_${item}_${location}`,
  created_at: expect.stringMatching(ISO_SECONDS),
  updated_at: expect.stringMatching(ISO_SECONDS),
  deleted_at: null,
  inventory_item_id: item,
  location_id: location,
  stocked_quantity: stocked,
  reserved_quantity: reserved,
  incoming_quantity: incoming,
  metadata: null,
  available_quantity: stocked - reserved,
  // A level reached as a relation carries Medusa's raw big-number columns too.
  raw_stocked_quantity: { value: String(stocked), precision: 20 },
  raw_reserved_quantity: { value: String(reserved), precision: 20 },
  raw_incoming_quantity: { value: String(incoming), precision: 20 },
});

const unheldInventoryFields = {
  origin_country: null,
  hs_code: null,
  mid_code: null,
  material: null,
  weight: null,
  length: null,
  height: null,
  width: null,
  unit_of_measure: null,
  thumbnail: null,
  metadata: null,
};

const WITH_STOCK = 'fields=%2B*inventory_items,%2B*inventory_items.inventory,%2B*inventory_items.inventory.location_levels';

describe('POST /admin/products/{id}/variants/{variant_id}/inventory-items', () => {
  describe("Medusa's default answer", () => {
    let tenantId: string;
    let first: Awaited<ReturnType<typeof post>>;
    beforeAll(async () => {
      tenantId = await seedTenant(catalog());
      first = await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
    });

    it("holds the variant's own fields, its prices and its options with their IDs: no links, no inventory_quantity, no product", () => {
      expect(first.status).toBe(200);
      expect(first.body).toEqual({
        variant: {
          prices: [
            {
              id: 'price_std_usd',
              amount: 120,
              currency_code: 'usd',
              min_quantity: null,
              max_quantity: null,
              variant_id: 'variant_std',
              created_at: expect.stringMatching(ISO_SECONDS),
              updated_at: expect.stringMatching(ISO_SECONDS),
              rules: {},
            },
            {
              id: 'price_std_eur_bulk',
              amount: 99.5,
              currency_code: 'eur',
              min_quantity: 10,
              max_quantity: null,
              variant_id: 'variant_std',
              created_at: expect.stringMatching(ISO_SECONDS),
              updated_at: expect.stringMatching(ISO_SECONDS),
              rules: { region_id: 'reg_eu' },
            },
          ],
          id: 'variant_std',
          title: 'Standard',
          sku: 'KIT-STD',
          barcode: null,
          ean: null,
          upc: null,
          allow_backorder: false,
          manage_inventory: true,
          hs_code: null,
          origin_country: null,
          mid_code: null,
          material: null,
          weight: null,
          length: null,
          height: null,
          width: null,
          options: [
            {
              id: 'optval_std',
              value: 'Standard',
              // As Medusa 2.21.2 shows it: rank as stored (null), the option as {id}, the value's timestamps.
              rank: null,
              option: { id: 'opt_edition' },
              option_id: 'opt_edition',
              metadata: null,
              created_at: expect.stringMatching(ISO_SECONDS),
              updated_at: expect.stringMatching(ISO_SECONDS),
              deleted_at: null,
            },
          ],
          created_at: expect.stringMatching(ISO_SECONDS),
          updated_at: expect.stringMatching(ISO_SECONDS),
          deleted_at: null,
          thumbnail: null,
          variant_rank: 0,
          product_id: 'prod_kit',
          metadata: null,
        },
      });
      expect(Object.keys(first.body.variant)).toEqual(DEFAULT_VARIANT_KEYS);
    });

    it('stores the link in the product partition, with its pvitem_ ID', async () => {
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toEqual([
        expect.objectContaining({
          pk: `TENANT#${tenantId}#PRODUCT#prod_kit`,
          sk: 'VARIANT#variant_std#INVLINK#iitem_grinder',
          id: expect.stringMatching(LINK_ID),
          tenantId,
          productId: 'prod_kit',
          variantId: 'variant_std',
          inventoryItemId: 'iitem_grinder',
          requiredQuantity: 2,
          createdAt: expect.stringMatching(ISO_SECONDS),
        }),
      ]);
    });

    it('gives options null IDs where the catalog declares no options (attributes only)', async () => {
      const reply = await post(
        tenantId,
        { inventory_item_id: 'iitem_cup', required_quantity: 1 },
        { productId: 'prod_plain', variantId: 'variant_plain' },
      );
      expect(reply.status).toBe(200);
      expect(reply.body.variant.prices).toEqual([]);
      expect(reply.body.variant.options).toEqual([
        expect.objectContaining({
          id: null,
          value: 'Red',
          rank: null,
          option_id: null,
          option: { id: null },
        }),
      ]);
    });
  });

  describe('links, their items and levels when fields ask for them', () => {
    it('shows every link of the variant with its item and levels', async () => {
      const tenantId = await seedTenant(catalog());
      const first = await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      expect(first.status).toBe(200);
      const second = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 3 }, { query: WITH_STOCK });
      expect(second.status).toBe(200);
      const [grinderLink] = (await itemsOfType(tenantId, 'VariantInventoryLink')).filter(
        (link) => link.inventoryItemId === 'iitem_grinder',
      );
      expect(second.body.variant.inventory_items).toEqual([
        {
          id: grinderLink!.id,
          variant_id: 'variant_std',
          inventory_item_id: 'iitem_grinder',
          inventory: {
            id: 'iitem_grinder',
            requires_shipping: true,
            sku: 'GRND-1',
            title: 'Grinder',
            description: 'Burr grinder',
            ...unheldInventoryFields,
            // Medusa 2.21.2 answers the sums null under a star (`+*inventory_items.inventory`), levels shown or not.
            reserved_quantity: null,
            stocked_quantity: null,
            created_at: expect.stringMatching(ISO_SECONDS),
            updated_at: expect.stringMatching(ISO_SECONDS),
            deleted_at: null,
            location_levels: [level('iitem_grinder', 'sloc_east', 40, 4, 5), level('iitem_grinder', 'sloc_west', 12, 0, 0)],
          },
          required_quantity: 2,
          created_at: expect.stringMatching(ISO_SECONDS),
          updated_at: expect.stringMatching(ISO_SECONDS),
          deleted_at: null,
        },
        {
          id: expect.stringMatching(LINK_ID),
          variant_id: 'variant_std',
          inventory_item_id: 'iitem_cup',
          inventory: {
            id: 'iitem_cup',
            requires_shipping: false,
            sku: 'CUP-1',
            title: 'Cup',
            description: null,
            ...unheldInventoryFields,
            reserved_quantity: null,
            stocked_quantity: null,
            created_at: expect.stringMatching(ISO_SECONDS),
            updated_at: expect.stringMatching(ISO_SECONDS),
            deleted_at: null,
            location_levels: [level('iitem_cup', 'sloc_east', 9, 2, 0), level('iitem_cup', 'sloc_west', 5, 0, 0)],
          },
          required_quantity: 3,
          created_at: expect.stringMatching(ISO_SECONDS),
          updated_at: expect.stringMatching(ISO_SECONDS),
          deleted_at: null,
        },
      ]);
    });

    it('never computes inventory_quantity here, even when fields ask for it, as Medusa does not', async () => {
      const tenantId = await seedTenant(catalog());
      for (const query of ['fields=%2Binventory_quantity', 'fields=id,inventory_quantity', `${WITH_STOCK},%2Binventory_quantity`]) {
        const reply = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 1 }, { query });
        expect(reply.status, query).toBe(200);
        expect(reply.body.variant, query).not.toHaveProperty('inventory_quantity');
      }
    });
  });

  describe('posting the same pair again', () => {
    it('gives the link a new pvitem_ ID with the new required_quantity, as Medusa does: still one link for the pair', async () => {
      const tenantId = await seedTenant(catalog());
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      const [before] = await itemsOfType(tenantId, 'VariantInventoryLink');
      const again = await post(
        tenantId,
        { inventory_item_id: 'iitem_grinder', required_quantity: 6 },
        { query: 'fields=id,*inventory_items' },
      );
      expect(again.status).toBe(200);
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toHaveLength(1);
      expect(links[0]!.id).toMatch(LINK_ID);
      expect(links[0]!.id).not.toBe(before!.id);
      expect(links[0]).toMatchObject({ requiredQuantity: 6, sk: before!.sk });
      expect(again.body.variant.inventory_items).toEqual([
        {
          id: links[0]!.id,
          variant_id: 'variant_std',
          inventory_item_id: 'iitem_grinder',
          required_quantity: 6,
          created_at: expect.stringMatching(ISO_SECONDS),
          updated_at: expect.stringMatching(ISO_SECONDS),
          deleted_at: null,
        },
      ]);
    });

    it("keeps the pair's created_at and updated_at, as Medusa 2.21.2 writes its row anew", async () => {
      const tenantId = await seedTenant(catalog());
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      const [first] = await itemsOfType(tenantId, 'VariantInventoryLink');
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 3 });
      const [again] = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(again).toMatchObject({ createdAt: first!.createdAt, updatedAt: first!.updatedAt, requiredQuantity: 3 });
    });

    it('gives a link deleted and made again its first created_at, updated now, as Medusa restores its soft-deleted row (single and batch routes)', async () => {
      const tenantId = await seedTenant(catalog());
      const auth = { authorization: bearer(tokenFor(tenantId)) };
      const remove = () =>
        invoke(deleteHandler, {
          path: '/admin/products/prod_kit/variants/variant_std/inventory-items/iitem_grinder',
          routeKey: 'DELETE /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}',
          pathParameters: { id: 'prod_kit', variant_id: 'variant_std', inventory_item_id: 'iitem_grinder' },
          headers: auth,
        });
      const batch = (body: unknown) =>
        invoke(batchHandler, {
          path: '/admin/products/prod_kit/variants/inventory-items/batch',
          routeKey: 'POST /admin/products/{id}/variants/inventory-items/batch',
          pathParameters: { id: 'prod_kit' },
          headers: auth,
          body,
        });
      const pair = { variant_id: 'variant_std', inventory_item_id: 'iitem_grinder' };
      const pause = () => new Promise((resolve) => setTimeout(resolve, 1_100));
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      const [first] = await itemsOfType(tenantId, 'VariantInventoryLink');
      await pause();
      expect((await remove()).status).toBe(200);
      expect(await itemsOfType(tenantId, 'VariantInventoryLink')).toEqual([]);
      const relinked = await post(
        tenantId,
        { inventory_item_id: 'iitem_grinder', required_quantity: 4 },
        { query: 'fields=id,*inventory_items' },
      );
      const [made] = relinked.body.variant.inventory_items as { id: string; created_at: string; updated_at: string }[];
      expect(made!.id).not.toBe(first!.id);
      expect(made!.created_at).toBe(first!.createdAt);
      expect(made!.updated_at > String(first!.updatedAt)).toBe(true);

      // The batch route remembers and restores it alike.
      await pause();
      expect((await batch({ delete: [pair] })).status).toBe(200);
      expect((await batch({ create: [{ ...pair, required_quantity: 1 }] })).status).toBe(200);
      const [restored] = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(restored).toMatchObject({ createdAt: first!.createdAt, requiredQuantity: 1 });
      expect(String(restored!.updatedAt) > made!.updated_at).toBe(true);
    });

    it('leaves one link after 20 concurrent posts of the pair, the one the last write answered', async () => {
      const tenantId = await seedTenant(catalog());
      const replies = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: i + 1 }, { query: 'fields=id,*inventory_items' }),
        ),
      );
      expect(replies.map((reply) => reply.status)).toEqual(Array(20).fill(200));
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toHaveLength(1);
      const answered = replies.map((reply) => reply.body.variant.inventory_items[0]);
      expect(new Set(answered.map((link: { id: string }) => link.id)).size).toBe(20);
      expect(answered).toContainEqual(expect.objectContaining({ id: links[0]!.id, required_quantity: links[0]!.requiredQuantity }));
    });
  });

  describe('concurrent transactions on the same link (real DynamoDB cancels one with TransactionConflict)', () => {
    let conflictsLeft = 0;
    beforeAll(() => {
      documentClient().middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'TransactWriteItemsCommand' && conflictsLeft > 0) {
            conflictsLeft -= 1;
            throw Object.assign(new Error('Transaction cancelled'), {
              name: 'TransactionCanceledException',
              $fault: 'client',
              $metadata: { httpStatusCode: 400 },
              CancellationReasons: [{ Code: 'None' }, { Code: 'None' }, { Code: 'None' }, { Code: 'TransactionConflict' }],
            });
          }
          return next(args);
        },
        { step: 'deserialize', name: 'transientTransactionConflict' },
      );
    });

    it('tries the transaction again and answers 200', async () => {
      const tenantId = await seedTenant(catalog());
      conflictsLeft = 3;
      const reply = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 2 });
      expect(conflictsLeft).toBe(0);
      expect(reply.status).toBe(200);
      expect(await itemsOfType(tenantId, 'VariantInventoryLink')).toHaveLength(1);
    });
  });

  describe('fields', () => {
    let tenantId: string;
    beforeAll(async () => {
      tenantId = await seedTenant(catalog());
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
    });
    const link = (query: string) => post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 3 }, { query });

    it('replaces the defaults with a list without prefixes, always keeping id', async () => {
      const reply = await link('fields=title,sku');
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ variant: { id: 'variant_std', title: 'Standard', sku: 'KIT-STD' } });
    });

    it('an empty list leaves only id', async () => {
      const reply = await link('fields=');
      expect(reply.body).toEqual({ variant: { id: 'variant_std' } });
    });

    it('selects a relation by *name with all its values; a list relation named bare shows nothing, as in Medusa 2.21.2', async () => {
      // Checked against Medusa 2.21.2: `fields=inventory_items` answers `{variant: {id}}`.
      expect((await link('fields=inventory_items')).body).toEqual({ variant: { id: 'variant_std' } });
      const byName = await link('fields=id,*inventory_items');
      expect(byName.body).toEqual({
        variant: {
          id: 'variant_std',
          inventory_items: [
            {
              id: expect.stringMatching(LINK_ID),
              variant_id: 'variant_std',
              inventory_item_id: 'iitem_grinder',
              required_quantity: 2,
              created_at: expect.stringMatching(ISO_SECONDS),
              updated_at: expect.stringMatching(ISO_SECONDS),
              deleted_at: null,
            },
            {
              id: expect.stringMatching(LINK_ID),
              variant_id: 'variant_std',
              inventory_item_id: 'iitem_cup',
              required_quantity: 3,
              created_at: expect.stringMatching(ISO_SECONDS),
              updated_at: expect.stringMatching(ISO_SECONDS),
              deleted_at: null,
            },
          ],
        },
      });
      const nested = await link(
        'fields=id,inventory_items.inventory.location_levels.location_id,inventory_items.inventory.location_levels.available_quantity',
      );
      expect(nested.body).toEqual({
        variant: {
          id: 'variant_std',
          inventory_items: [
            {
              // Medusa adds the join keys on a dotted path: the link's pair, the item's id.
              variant_id: 'variant_std',
              inventory_item_id: 'iitem_grinder',
              inventory: {
                id: 'iitem_grinder',
                location_levels: [
                  { location_id: 'sloc_east', available_quantity: 36 },
                  { location_id: 'sloc_west', available_quantity: 12 },
                ],
              },
            },
            {
              // Medusa adds the join keys on a dotted path: the link's pair, the item's id.
              variant_id: 'variant_std',
              inventory_item_id: 'iitem_cup',
              inventory: {
                id: 'iitem_cup',
                location_levels: [
                  { location_id: 'sloc_east', available_quantity: 7 },
                  { location_id: 'sloc_west', available_quantity: 5 },
                ],
              },
            },
          ],
        },
      });
    });

    it('removes a field, or a relation and everything under it, with -', async () => {
      const reply = await link('fields=-prices,-title,-options');
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body.variant)).toEqual(DEFAULT_VARIANT_KEYS.filter((key) => !['prices', 'title', 'options'].includes(key)));
    });

    it('adds with +, whether + arrives encoded or as a space', async () => {
      for (const query of ['fields=%2Binventory_items.inventory.title', 'fields=+inventory_items.inventory.title']) {
        const reply = await link(query);
        expect(reply.status, query).toBe(200);
        expect(Object.keys(reply.body.variant)).toEqual([...DEFAULT_VARIANT_KEYS, 'inventory_items']);
        expect(reply.body.variant.inventory_items.map((entry: Record<string, unknown>) => entry.inventory)).toEqual([
          // Medusa adds the join key, the item's id, on a dotted path.
          { id: 'iitem_grinder', title: 'Grinder' },
          { id: 'iitem_cup', title: 'Cup' },
        ]);
      }
    });

    it('walks back-references', async () => {
      const reply = await link('fields=*inventory_items.variant');
      expect(reply.status).toBe(200);
      expect(reply.body.variant.inventory_items[0].variant).toMatchObject({ id: 'variant_std', title: 'Standard' });
      expect(reply.body.variant.inventory_items[0].variant.inventory_items).toBeUndefined();
    });

    it('keeps id even when asked to remove it', async () => {
      const reply = await link('fields=-id');
      expect(reply.body.variant.id).toBe('variant_std');
    });

    it.each([
      ['fields=title,foo', { id: 'variant_std', title: 'Standard' }],
      ['fields=id,inventory_items.inventory.color', { id: 'variant_std' }],
      ['fields=title.length,sku', { id: 'variant_std', sku: 'KIT-STD' }],
      ['fields=constructor,__proto__', { id: 'variant_std' }],
    ])('%s: unknown entries are dropped with a 200, as Medusa drops them', async (query, variant) => {
      const reply = await link(query);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ variant });
    });

    it('drops unknown entries added with + too', async () => {
      const reply = await link('fields=%2Bcolor,%2Binventory_items.nope');
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body.variant)).toEqual(DEFAULT_VARIANT_KEYS);
    });

    it.each([
      [
        `fields=${'inventory_items.variant.'.repeat(4)}id`,
        "Invalid request: Field 'inventory_items.variant.inventory_items.variant.inventory_items.variant.inventory_items.variant.id' is nested deeper than 6 levels",
      ],
      ['expand=inventory_items', "Invalid request: Unrecognized fields: 'expand'"],
    ])('%s is a 400 before anything is written', async (query, message) => {
      const before = await tenantItems(tenantId);
      const reply = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 9 }, { query });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ type: 'invalid_data', message });
      expect(await tenantItems(tenantId)).toEqual(before);
    });
  });

  describe('404 for what does not exist in the tenant, writing nothing', () => {
    let tenantId: string;
    let otherTenant: string;
    beforeAll(async () => {
      tenantId = await seedTenant(catalog());
      otherTenant = await seedTenant({
        ...catalog(),
        name: 'Another store',
        products: [{ id: 'prod_theirs', name: 'Theirs', type: 'VARIABLE', variants: [{ id: 'variant_theirs', name: 'Theirs' }] }],
        inventoryItems: [{ id: 'iitem_theirs' }],
      });
    });

    it.each([
      ['a missing product', { productId: 'prod_missing' }, 'iitem_cup', 'Product with id: prod_missing was not found'],
      ['a missing variant', { variantId: 'variant_missing' }, 'iitem_cup', 'Product variant with id: variant_missing was not found'],
      ['a variant of another product', { variantId: 'variant_other' }, 'iitem_cup', 'Product variant with id: variant_other was not found'],
      ['a missing inventory item', {}, 'iitem_missing', 'Inventory item with id: iitem_missing was not found'],
      [
        "another tenant's product",
        { productId: 'prod_theirs', variantId: 'variant_theirs' },
        'iitem_cup',
        'Product with id: prod_theirs was not found',
      ],
      ["another tenant's inventory item", {}, 'iitem_theirs', 'Inventory item with id: iitem_theirs was not found'],
      [
        'a missing product and item: the path is reported first',
        { productId: 'prod_missing' },
        'iitem_missing',
        'Product with id: prod_missing was not found',
      ],
    ] as [string, PostOptions, string, string][])('%s', async (_, options, item, message) => {
      const before = [await tenantItems(tenantId), await tenantItems(otherTenant)];
      const reply = await post(tenantId, { inventory_item_id: item, required_quantity: 1 }, options);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ type: 'not_found', message });
      expect([await tenantItems(tenantId), await tenantItems(otherTenant)]).toEqual(before);
    });

    it('treats IDs with key separators as plain IDs', async () => {
      const reply = await post(
        tenantId,
        { inventory_item_id: 'iitem_cup#LEVEL#sloc_east', required_quantity: 1 },
        { variantId: 'variant_std#INVLINK#iitem_cup' },
      );
      expect(reply.status).toBe(404);
      expect(reply.body.message).toBe('Product variant with id: variant_std#INVLINK#iitem_cup was not found');
    });
  });

  describe('400 invalid_data with Medusa wording, writing nothing', () => {
    let tenantId: string;
    beforeAll(async () => {
      tenantId = await seedTenant(catalog());
    });
    const cases: [string, unknown, string][] = [
      ['an empty object', {}, "Invalid request: Field 'required_quantity' is required; Field 'inventory_item_id' is required"],
      ['no required_quantity', { inventory_item_id: 'iitem_cup' }, "Invalid request: Field 'required_quantity' is required"],
      [
        'a string quantity',
        { inventory_item_id: 'iitem_cup', required_quantity: '2' },
        "Invalid request: Expected type: 'number' for field 'required_quantity', got: '2'",
      ],
      [
        'a fractional quantity (Medusa stores it; we refuse it)',
        { inventory_item_id: 'iitem_cup', required_quantity: 1.5 },
        "Invalid request: Expected type: 'integer' for field 'required_quantity', got: '1.5'",
      ],
      [
        'a zero quantity',
        { inventory_item_id: 'iitem_cup', required_quantity: 0 },
        "Invalid request: Value for field 'required_quantity' too small, expected at least: '1'",
      ],
      [
        'a negative quantity',
        { inventory_item_id: 'iitem_cup', required_quantity: -4 },
        "Invalid request: Value for field 'required_quantity' too small, expected at least: '1'",
      ],
      [
        'an unsafe quantity',
        { inventory_item_id: 'iitem_cup', required_quantity: 1e20 },
        "Invalid request: Value for field 'required_quantity' too big, expected at most: '9007199254740991'",
      ],
      [
        'a numeric item ID',
        { inventory_item_id: 42, required_quantity: 1 },
        "Invalid request: Expected type: 'string' for field 'inventory_item_id', got: '42'",
      ],
      [
        'an object item ID',
        { inventory_item_id: { id: 'x' }, required_quantity: 1 },
        "Invalid request: Expected type: 'string' for field 'inventory_item_id', got: '[object Object]'",
      ],
      [
        'a null item ID',
        { inventory_item_id: null, required_quantity: 1 },
        "Invalid request: Expected type: 'string' for field 'inventory_item_id', got: 'null'",
      ],
      [
        'an empty item ID',
        { inventory_item_id: '', required_quantity: 1 },
        "Invalid request: Value for field 'inventory_item_id' too small, expected at least: '1'",
      ],
      [
        'unknown fields',
        { inventory_item_id: 'iitem_cup', required_quantity: 1, variant_id: 'x', foo: 1 },
        "Invalid request: Unrecognized fields: 'variant_id, foo'",
      ],
      [
        'a polluting __proto__',
        '{"__proto__": {"admin": true}, "inventory_item_id": "iitem_cup", "required_quantity": 1}',
        "Invalid request: Unrecognized fields: '__proto__'",
      ],
      [
        'everything wrong at once (first three issues)',
        { required_quantity: 'x', inventory_item_id: 1, extra: true },
        "Invalid request: Expected type: 'number' for field 'required_quantity', got: 'x'; Expected type: 'string' for field 'inventory_item_id', got: '1'; Unrecognized fields: 'extra'",
      ],
      [
        'a JSON array',
        [{ inventory_item_id: 'iitem_cup', required_quantity: 1 }],
        "Invalid request: Expected type: 'object' for field '', got: '[object Object]'",
      ],
      ['a JSON array of numbers', [1, 2], "Invalid request: Expected type: 'object' for field '', got: '1,2'"],
      [
        'an item ID whose toString is not a function',
        { inventory_item_id: { toString: 1 }, required_quantity: 1 },
        "Invalid request: Expected type: 'string' for field 'inventory_item_id', got: '[object Object]'",
      ],
      [
        'a JSON array holding such an object',
        [1, { valueOf: {}, toString: {} }, null],
        "Invalid request: Expected type: 'object' for field '', got: '1,[object Object],'",
      ],
      ['no body (read as {})', '', "Invalid request: Field 'required_quantity' is required; Field 'inventory_item_id' is required"],
      ['non-JSON text', '{"inventory_item_id": ', 'Request body is not valid JSON'],
    ];
    it.each(cases)('%s', async (_, body, message) => {
      const before = await tenantItems(tenantId);
      const reply = await post(tenantId, body, typeof body === 'string' ? { headers: { 'content-type': 'application/json' } } : {});
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ type: 'invalid_data', message });
      expect(await tenantItems(tenantId)).toEqual(before);
    });

    it('reports the body before the query, as Medusa validates in that order', async () => {
      const reply = await post(tenantId, { inventory_item_id: 'iitem_cup' }, { query: 'fields=nope' });
      expect(reply.body).toEqual({ type: 'invalid_data', message: "Invalid request: Field 'required_quantity' is required" });
    });

    it('reads a body that is not sent as JSON as no body, as Medusa does', async () => {
      const reply = await post(tenantId, JSON.stringify({ inventory_item_id: 'iitem_cup', required_quantity: 1 }), {
        headers: { 'content-type': 'text/plain' },
      });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({
        type: 'invalid_data',
        message: "Invalid request: Field 'required_quantity' is required; Field 'inventory_item_id' is required",
      });
    });
  });

  describe('authentication and permission', () => {
    it('401 unauthorized without a token, nothing written', async () => {
      const tenantId = await seedTenant(catalog());
      const before = await tenantItems(tenantId);
      const reply = await post(
        tenantId,
        { inventory_item_id: 'iitem_cup', required_quantity: 1 },
        { headers: { authorization: undefined } },
      );
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: 'Unauthorized' });
      const forged = await post(
        tenantId,
        { inventory_item_id: 'iitem_cup', required_quantity: 1 },
        { headers: { authorization: 'Bearer not.a.token' } },
      );
      expect(forged.status).toBe(401);
      expect(forged.body).toEqual({ message: 'Unauthorized' });
      expect(await tenantItems(tenantId)).toEqual(before);
    });

    it('403 not_allowed without the write scope, nothing written', async () => {
      const tenantId = await seedTenant(catalog());
      const before = await tenantItems(tenantId);
      const reply = await post(
        tenantId,
        { inventory_item_id: 'iitem_cup', required_quantity: 1 },
        { headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read', roles: [] })) } },
      );
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ type: 'not_allowed', message: expect.any(String) });
      expect(await tenantItems(tenantId)).toEqual(before);
    });
  });

  describe('DynamoDB round trips', () => {
    const record = roundTripRecorder();

    it('reads the product, the variant with its links and the posted item together, then writes: two sequential round trips', async () => {
      const tenantId = await seedTenant(catalog());
      const firstLink = await record(() => post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 }));
      expect(firstLink).toEqual({ waves: 2, commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'] });
    });

    it("reads the other linked items' levels in one more round trip, only when the answer shows stock", async () => {
      const tenantId = await seedTenant(catalog());
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      const withStock = await record(() => post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 3 }, { query: WITH_STOCK }));
      expect(withStock).toEqual({
        waves: 3,
        commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'],
      });
      const withoutStock = await record(() =>
        post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 4 }, { query: 'fields=id,title,*inventory_items' }),
      );
      expect(withoutStock).toEqual({ waves: 2, commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'] });
    });
  });
});
