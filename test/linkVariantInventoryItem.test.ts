import { beforeAll, describe, expect, it } from 'vitest';
import { handler } from '#functions/linkVariantInventoryItem/handler';
import { documentClient } from '#shared/store/client';
import { invoke } from '#test/support/http';
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
        variants: [
          { id: 'variant_std', name: 'Standard', sku: 'KIT-STD', attributes: { Edition: 'Standard' } },
          { id: 'variant_pro', name: 'Pro', sku: 'KIT-PRO' },
        ],
      },
      { id: 'prod_other', name: 'Other', type: 'VARIABLE' as const, variants: [{ id: 'variant_other', name: 'Other' }] },
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

/** The seed's properties, in the seed's order, at each level of the response. */
const SEED_KEYS = {
  variant: [
    'prices', 'id', 'title', 'sku', 'barcode', 'ean', 'upc', 'allow_backorder', 'manage_inventory', 'hs_code', 'origin_country', 'mid_code',
    'material', 'weight', 'length', 'height', 'width', 'options', 'created_at', 'updated_at', 'deleted_at', 'images', 'thumbnail',
    'inventory_quantity', 'variant_rank', 'product', 'product_id', 'calculated_price', 'metadata', 'inventory_items', 'translations',
  ],
  option: ['id', 'value', 'option', 'option_id', 'metadata', 'created_at', 'updated_at', 'deleted_at'],
  optionOption: ['id', 'title', 'product', 'product_id', 'values', 'metadata', 'created_at', 'updated_at', 'deleted_at'],
  inventoryItem: ['id', 'variant_id', 'inventory_item_id', 'variant', 'inventory', 'required_quantity'],
  inventory: [
    'id', 'requires_shipping', 'sku', 'origin_country', 'hs_code', 'mid_code', 'material', 'weight', 'length', 'height', 'width', 'title',
    'description', 'thumbnail', 'metadata', 'location_levels',
  ],
  level: [
    'id', 'created_at', 'updated_at', 'deleted_at', 'inventory_item_id', 'location_id', 'stocked_quantity', 'reserved_quantity',
    'incoming_quantity', 'metadata', 'available_quantity', 'inventory_item',
  ],
};

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
  inventory_item: { id: item },
});

const unheldInventoryFields = {
  origin_country: null, hs_code: null, mid_code: null, material: null, weight: null, length: null, height: null, width: null, thumbnail: null, metadata: null,
};

describe('POST /admin/products/{id}/variants/{variant_id}/inventory-items', () => {
  describe('a variant with two linked items at two locations', () => {
    let tenantId: string;
    let first: Awaited<ReturnType<typeof post>>;
    let second: Awaited<ReturnType<typeof post>>;
    beforeAll(async () => {
      tenantId = await seedTenant(catalog());
      first = await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      second = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 3 });
    });

    it('answers 200 with the first link: inventory_quantity = ⌊48 ÷ 2⌋', () => {
      expect(first.status).toBe(200);
      expect(first.body.variant.inventory_items).toHaveLength(1);
      expect(first.body.variant.inventory_items[0]).toMatchObject({ inventory_item_id: 'iitem_grinder', required_quantity: 2, id: expect.stringMatching(LINK_ID) });
      expect(first.body.variant.inventory_quantity).toBe(24);
    });

    it("answers with the seed's variant: every field, links, items and their levels", () => {
      expect(second.status).toBe(200);
      const grinderLinkId = first.body.variant.inventory_items[0].id;
      expect(second.body).toEqual({
        variant: {
          prices: [],
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
              id: null,
              value: 'Standard',
              option: { id: null, title: 'Edition', product: { id: 'prod_kit' }, product_id: 'prod_kit', values: [], metadata: null, created_at: null, updated_at: null, deleted_at: null },
              option_id: null,
              metadata: null,
              created_at: null,
              updated_at: null,
              deleted_at: null,
            },
          ],
          created_at: expect.stringMatching(ISO_SECONDS),
          updated_at: expect.stringMatching(ISO_SECONDS),
          deleted_at: null,
          images: [],
          thumbnail: null,
          // min(⌊48 ÷ 2⌋, ⌊12 ÷ 3⌋)
          inventory_quantity: 4,
          variant_rank: 0,
          product: { id: 'prod_kit' },
          product_id: 'prod_kit',
          calculated_price: null,
          metadata: null,
          inventory_items: [
            {
              id: grinderLinkId,
              variant_id: 'variant_std',
              inventory_item_id: 'iitem_grinder',
              variant: { id: 'variant_std' },
              inventory: {
                id: 'iitem_grinder',
                requires_shipping: true,
                sku: 'GRND-1',
                title: 'Grinder',
                description: 'Burr grinder',
                ...unheldInventoryFields,
                location_levels: [level('iitem_grinder', 'sloc_east', 40, 4, 5), level('iitem_grinder', 'sloc_west', 12, 0, 0)],
              },
              required_quantity: 2,
            },
            {
              id: expect.stringMatching(LINK_ID),
              variant_id: 'variant_std',
              inventory_item_id: 'iitem_cup',
              variant: { id: 'variant_std' },
              inventory: {
                id: 'iitem_cup',
                requires_shipping: false,
                sku: 'CUP-1',
                title: 'Cup',
                description: null,
                ...unheldInventoryFields,
                location_levels: [level('iitem_cup', 'sloc_east', 9, 2, 0), level('iitem_cup', 'sloc_west', 5, 0, 0)],
              },
              required_quantity: 3,
            },
          ],
          translations: [],
        },
      });
      expect(second.body.variant.inventory_items[1].id).not.toBe(grinderLinkId);
    });

    it("has exactly the seed's properties, in the seed's order, at every level", () => {
      const { variant } = second.body;
      expect(Object.keys(variant)).toEqual(SEED_KEYS.variant);
      expect(Object.keys(variant.options[0])).toEqual(SEED_KEYS.option);
      expect(Object.keys(variant.options[0].option)).toEqual(SEED_KEYS.optionOption);
      for (const link of variant.inventory_items) {
        expect(Object.keys(link)).toEqual(SEED_KEYS.inventoryItem);
        expect(Object.keys(link.inventory)).toEqual(SEED_KEYS.inventory);
        for (const entry of link.inventory.location_levels) expect(Object.keys(entry)).toEqual(SEED_KEYS.level);
      }
    });

    it('stores each link in the product partition, with its pvitem_ ID', async () => {
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toHaveLength(2);
      expect(links.map((link) => [link.inventoryItemId, link.requiredQuantity, link.id])).toEqual(
        expect.arrayContaining([
          ['iitem_grinder', 2, first.body.variant.inventory_items[0].id],
          ['iitem_cup', 3, second.body.variant.inventory_items[1].id],
        ]),
      );
      for (const link of links) {
        expect(link.pk).toBe(`TENANT#${tenantId}#PRODUCT#prod_kit`);
        expect(link.sk).toBe(`VARIANT#variant_std#INVLINK#${link.inventoryItemId}`);
        expect(link).toMatchObject({ tenantId, productId: 'prod_kit', variantId: 'variant_std', createdAt: expect.stringMatching(ISO_SECONDS) });
      }
    });
  });

  describe('inventory_quantity', () => {
    it.each([
      ['rounds down', [['iitem_grinder', 5]], 9],
      ['the scarcest item decides', [['iitem_grinder', 1], ['iitem_cup', 1]], 12],
      ['an item with no stock makes the variant unsellable', [['iitem_grinder', 1], ['iitem_empty', 1]], 0],
      ['needing more than is available sells none', [['iitem_cup', 13]], 0],
    ] as [string, [string, number][], number][])('%s', async (_, links, quantity) => {
      const tenantId = await seedTenant(catalog());
      let reply;
      for (const [item, required] of links) reply = await post(tenantId, { inventory_item_id: item, required_quantity: required });
      expect(reply!.status).toBe(200);
      expect(reply!.body.variant.inventory_quantity).toBe(quantity);
    });

    it('counts over-reserved stock as none', async () => {
      const tenantId = await seedTenant({
        ...catalog(),
        inventoryItems: [{ id: 'iitem_over', levels: [{ locationId: 'sloc_east', stocked: 2, reserved: 5 }] }],
      });
      const reply = await post(tenantId, { inventory_item_id: 'iitem_over', required_quantity: 1 });
      expect(reply.body.variant.inventory_quantity).toBe(0);
      expect(reply.body.variant.inventory_items[0].inventory.location_levels[0].available_quantity).toBe(-3);
    });
  });

  describe('posting the same pair again', () => {
    it('updates required_quantity and keeps the link ID', async () => {
      const tenantId = await seedTenant(catalog());
      const created = await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      const [stored] = await itemsOfType(tenantId, 'VariantInventoryLink');
      const updated = await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 6 });
      expect(updated.status).toBe(200);
      expect(updated.body.variant.inventory_items).toEqual([
        expect.objectContaining({ id: created.body.variant.inventory_items[0].id, required_quantity: 6 }),
      ]);
      expect(updated.body.variant.inventory_quantity).toBe(8);
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toEqual([{ ...stored, requiredQuantity: 6, updatedAt: expect.stringMatching(ISO_SECONDS) }]);
    });

    it('leaves one link after 50 concurrent first posts, and every answer names it', async () => {
      const tenantId = await seedTenant(catalog());
      const replies = await Promise.all(
        Array.from({ length: 50 }, (_, i) => post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: i + 1 })),
      );
      expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(200));
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toHaveLength(1);
      expect(replies.map((reply) => reply.body.variant.inventory_items.map((link: { id: string }) => link.id))).toEqual(Array(50).fill([links[0]!.id]));
      expect(links[0]!.requiredQuantity).toBeGreaterThanOrEqual(1);
      expect(links[0]!.requiredQuantity).toBeLessThanOrEqual(50);
    });

    it('keeps the original ID through 50 concurrent updates, with one of the posted quantities', async () => {
      const tenantId = await seedTenant(catalog());
      const original = await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 100 });
      const originalId = original.body.variant.inventory_items[0].id;
      const quantities = Array.from({ length: 50 }, (_, i) => i + 1);
      const replies = await Promise.all(quantities.map((quantity) => post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: quantity })));
      expect(replies.map((reply) => reply.status)).toEqual(Array(50).fill(200));
      const links = await itemsOfType(tenantId, 'VariantInventoryLink');
      expect(links).toHaveLength(1);
      expect(links[0]!.id).toBe(originalId);
      expect(quantities).toContain(links[0]!.requiredQuantity);
      for (const reply of replies) expect(reply.body.variant.inventory_items.map((link: { id: string }) => link.id)).toEqual([originalId]);
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

    it('selects a relation by name, or by *name, with all its values', async () => {
      const byName = await link('fields=inventory_quantity,inventory_items');
      expect(byName.body).toEqual({
        variant: {
          id: 'variant_std',
          inventory_quantity: 4,
          inventory_items: [
            { id: expect.stringMatching(LINK_ID), variant_id: 'variant_std', inventory_item_id: 'iitem_grinder', required_quantity: 2 },
            { id: expect.stringMatching(LINK_ID), variant_id: 'variant_std', inventory_item_id: 'iitem_cup', required_quantity: 3 },
          ],
        },
      });
      const nested = await link('fields=id,inventory_items.inventory.location_levels.location_id,inventory_items.inventory.location_levels.available_quantity');
      expect(nested.body).toEqual({
        variant: {
          id: 'variant_std',
          inventory_items: [
            { inventory: { location_levels: [{ location_id: 'sloc_east', available_quantity: 36 }, { location_id: 'sloc_west', available_quantity: 12 }] } },
            { inventory: { location_levels: [{ location_id: 'sloc_east', available_quantity: 7 }, { location_id: 'sloc_west', available_quantity: 5 }] } },
          ],
        },
      });
    });

    it('removes a field, or a relation and everything under it, with -', async () => {
      const reply = await link('fields=-inventory_items,-title,-options');
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body.variant)).toEqual(SEED_KEYS.variant.filter((key) => !['inventory_items', 'title', 'options'].includes(key)));
      expect(reply.body.variant.inventory_quantity).toBe(4);
    });

    it('removes nested relations with - and adds with +, whether + arrives encoded or as a space', async () => {
      for (const query of ['fields=-inventory_items.inventory,%2Binventory_items.inventory.title', 'fields=-inventory_items.inventory,+inventory_items.inventory.title']) {
        const reply = await link(query);
        expect(reply.status, query).toBe(200);
        expect(Object.keys(reply.body.variant)).toEqual(SEED_KEYS.variant);
        expect(reply.body.variant.inventory_items.map((entry: Record<string, unknown>) => entry.inventory)).toEqual([{ title: 'Grinder' }, { title: 'Cup' }]);
        expect(Object.keys(reply.body.variant.inventory_items[0])).toEqual(['id', 'variant_id', 'inventory_item_id', 'variant', 'inventory', 'required_quantity']);
      }
    });

    it('adds *relations to the defaults, as Medusa does, and walks back-references', async () => {
      const reply = await link('fields=*inventory_items.variant');
      expect(reply.status).toBe(200);
      expect(Object.keys(reply.body.variant)).toEqual(SEED_KEYS.variant);
      expect(reply.body.variant.inventory_items[0].variant).toMatchObject({ id: 'variant_std', title: 'Standard', inventory_quantity: 4 });
      expect(reply.body.variant.inventory_items[0].variant.inventory_items).toBeUndefined();
    });

    it('keeps id even when asked to remove it', async () => {
      const reply = await link('fields=-id');
      expect(reply.body.variant.id).toBe('variant_std');
    });

    it.each([
      ['fields=foo', "Invalid request: Entity 'ProductVariant' does not have property 'foo'"],
      ['fields=%2Binventory_items.inventory.color', "Invalid request: Entity 'InventoryItem' does not have property 'color'"],
      ['fields=title.length', "Invalid request: Entity 'ProductVariant' does not have relation 'title'"],
      ['fields=constructor', "Invalid request: Entity 'ProductVariant' does not have property 'constructor'"],
      [`fields=${'inventory_items.variant.'.repeat(4)}id`, "Invalid request: Field 'inventory_items.variant.inventory_items.variant.inventory_items.variant.inventory_items.variant.id' is nested deeper than 6 levels"],
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
      otherTenant = await seedTenant({ ...catalog(), name: 'Another store', products: [{ id: 'prod_theirs', name: 'Theirs', type: 'VARIABLE', variants: [{ id: 'variant_theirs', name: 'Theirs' }] }], inventoryItems: [{ id: 'iitem_theirs' }] });
    });

    it.each([
      ['a missing product', { productId: 'prod_missing' }, 'iitem_cup', 'Product with id: prod_missing was not found'],
      ['a missing variant', { variantId: 'variant_missing' }, 'iitem_cup', 'Product variant with id: variant_missing was not found'],
      ['a variant of another product', { variantId: 'variant_other' }, 'iitem_cup', 'Product variant with id: variant_other was not found'],
      ['a missing inventory item', {}, 'iitem_missing', 'Inventory item with id: iitem_missing was not found'],
      ["another tenant's product", { productId: 'prod_theirs', variantId: 'variant_theirs' }, 'iitem_cup', 'Product with id: prod_theirs was not found'],
      ["another tenant's inventory item", {}, 'iitem_theirs', 'Inventory item with id: iitem_theirs was not found'],
      ['a missing product and item: the path is reported first', { productId: 'prod_missing' }, 'iitem_missing', 'Product with id: prod_missing was not found'],
    ] as [string, PostOptions, string, string][])('%s', async (_, options, item, message) => {
      const before = [await tenantItems(tenantId), await tenantItems(otherTenant)];
      const reply = await post(tenantId, { inventory_item_id: item, required_quantity: 1 }, options);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ type: 'not_found', message });
      expect([await tenantItems(tenantId), await tenantItems(otherTenant)]).toEqual(before);
    });

    it('treats IDs with key separators as plain IDs', async () => {
      const reply = await post(tenantId, { inventory_item_id: 'iitem_cup#LEVEL#sloc_east', required_quantity: 1 }, { variantId: 'variant_std#INVLINK#iitem_cup' });
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
      ['a string quantity', { inventory_item_id: 'iitem_cup', required_quantity: '2' }, "Invalid request: Expected type: 'number' for field 'required_quantity', got: 'string'"],
      ['a fractional quantity', { inventory_item_id: 'iitem_cup', required_quantity: 1.5 }, "Invalid request: Expected type: 'integer' for field 'required_quantity', got: 'float'"],
      ['a zero quantity', { inventory_item_id: 'iitem_cup', required_quantity: 0 }, "Invalid request: Value for field 'required_quantity' too small, expected at least: '1'"],
      ['a negative quantity', { inventory_item_id: 'iitem_cup', required_quantity: -4 }, "Invalid request: Value for field 'required_quantity' too small, expected at least: '1'"],
      ['an unsafe quantity', { inventory_item_id: 'iitem_cup', required_quantity: 1e20 }, "Invalid request: Value for field 'required_quantity' too big, expected at most: '9007199254740991'"],
      ['a numeric item ID', { inventory_item_id: 42, required_quantity: 1 }, "Invalid request: Expected type: 'string' for field 'inventory_item_id', got: 'number'"],
      ['a null item ID', { inventory_item_id: null, required_quantity: 1 }, "Invalid request: Expected type: 'string' for field 'inventory_item_id', got: 'null'"],
      ['an empty item ID', { inventory_item_id: '', required_quantity: 1 }, "Invalid request: Value for field 'inventory_item_id' too small, expected at least: '1'"],
      ['unknown fields', { inventory_item_id: 'iitem_cup', required_quantity: 1, variant_id: 'x', foo: 1 }, "Invalid request: Unrecognized fields: 'variant_id, foo'"],
      ['a polluting __proto__', '{"__proto__": {"admin": true}, "inventory_item_id": "iitem_cup", "required_quantity": 1}', "Invalid request: Unrecognized fields: '__proto__'"],
      ['everything wrong at once (first three issues)', { required_quantity: 'x', inventory_item_id: 1, extra: true }, "Invalid request: Expected type: 'number' for field 'required_quantity', got: 'string'; Expected type: 'string' for field 'inventory_item_id', got: 'number'; Unrecognized fields: 'extra'"],
      ['a JSON array', [{ inventory_item_id: 'iitem_cup', required_quantity: 1 }], "Invalid request: Expected type: 'object' for field '', got: 'array'"],
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

    it('rejects a body that is not sent as JSON', async () => {
      const reply = await post(tenantId, JSON.stringify({ inventory_item_id: 'iitem_cup', required_quantity: 1 }), { headers: { 'content-type': 'text/plain' } });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ type: 'invalid_data', message: 'Content-Type must be application/json' });
    });
  });

  describe('authentication and permission', () => {
    it('401 unauthorized without a token, nothing written', async () => {
      const tenantId = await seedTenant(catalog());
      const before = await tenantItems(tenantId);
      const reply = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 1 }, { headers: { authorization: undefined } });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ type: 'unauthorized', message: 'Missing bearer token' });
      expect(await tenantItems(tenantId)).toEqual(before);
    });

    it('403 not_allowed without the write scope, nothing written', async () => {
      const tenantId = await seedTenant(catalog());
      const before = await tenantItems(tenantId);
      const reply = await post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 1 }, { headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read', roles: [] })) } });
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ type: 'not_allowed', message: expect.any(String) });
      expect(await tenantItems(tenantId)).toEqual(before);
    });
  });

  describe('DynamoDB round trips', () => {
    /** Each call records how many calls had finished when it started: calls sent together share that number. */
    const calls: { command: string; after: number }[] = [];
    let recording = false;
    let finished = 0;
    beforeAll(() => {
      documentClient().middlewareStack.add(
        (next, context) => async (args) => {
          if (!recording) return next(args);
          calls.push({ command: context.commandName ?? '', after: finished });
          try {
            return await next(args);
          } finally {
            finished += 1;
          }
        },
        { step: 'initialize', name: 'countRoundTrips' },
      );
    });
    const record = async (run: () => Promise<unknown>) => {
      calls.length = 0;
      finished = 0;
      recording = true;
      await run();
      recording = false;
      const waves = [...new Set(calls.map((call) => call.after))].length;
      return { waves, commands: calls.map((call) => call.command).sort() };
    };

    it('reads the product, the variant with its links and the posted item together, then writes: two sequential round trips', async () => {
      const tenantId = await seedTenant(catalog());
      const firstLink = await record(() => post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 }));
      expect(firstLink).toEqual({ waves: 2, commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'] });
    });

    it("reads the other linked items' levels in one more round trip, only when the answer shows stock", async () => {
      const tenantId = await seedTenant(catalog());
      await post(tenantId, { inventory_item_id: 'iitem_grinder', required_quantity: 2 });
      const withStock = await record(() => post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 3 }));
      expect(withStock).toEqual({ waves: 3, commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'] });
      const withoutStock = await record(() => post(tenantId, { inventory_item_id: 'iitem_cup', required_quantity: 4 }, { query: 'fields=id,title,*inventory_items' }));
      expect(withoutStock).toEqual({ waves: 2, commands: ['GetItemCommand', 'QueryCommand', 'QueryCommand', 'TransactWriteItemsCommand'] });
    });
  });
});
