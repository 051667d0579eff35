import * as z from 'zod/mini';
import type { InventoryItem, LocationLevel } from '#shared/domain/catalog';
import { availableAt, type LinkRequest, type VariantInventory } from '#shared/domain/inventoryLink';
import { FieldSelectionError, project, requestedFields, selectionOf, type Selection, type Shape } from '#shared/dialects/medusa/fields';

// ---------------------------------------------------------------------------
// Request: Medusa's strict zod validation, with each issue spelled as Medusa spells it.

/** zod 3's name for a value's type, which Medusa puts in its messages. */
function typeName(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? 'nan' : Number.isInteger(input) ? 'number' : 'float';
  return typeof input;
}

const expected = (field: string, type: string, input: unknown) =>
  input === undefined ? `Field '${field}' is required` : `Expected type: '${type}' for field '${field}', got: '${typeName(input)}'`;

const tooSmall = (field: string, minimum: number) => `Value for field '${field}' too small, expected at least: '${minimum}'`;
const tooBig = (field: string, maximum: number) => `Value for field '${field}' too big, expected at most: '${maximum}'`;

/** Longest ID we accept, as for every catalog ID. */
const MAX_ID_LENGTH = 200;

export const LinkInventoryItemRequest = z.strictObject(
  {
    // A positive safe integer: a count of units.
    required_quantity: z
      .int({
        error: (issue) => {
          if (issue.code === 'too_big') return tooBig('required_quantity', Number.MAX_SAFE_INTEGER);
          if (issue.code === 'too_small') return tooSmall('required_quantity', 1);
          return typeof issue.input === 'number' ? expected('required_quantity', 'integer', issue.input) : expected('required_quantity', 'number', issue.input);
        },
      })
      .check(z.gte(1, tooSmall('required_quantity', 1))),
    inventory_item_id: z
      .string({ error: (issue) => expected('inventory_item_id', 'string', issue.input) })
      .check(z.minLength(1, tooSmall('inventory_item_id', 1)), z.maxLength(MAX_ID_LENGTH, tooBig('inventory_item_id', MAX_ID_LENGTH))),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys' ? `Unrecognized fields: '${issue.keys.join(', ')}'` : `Expected type: 'object' for field '', got: '${typeName(issue.input)}'`,
  },
);
export type LinkInventoryItemRequest = z.output<typeof LinkInventoryItemRequest>;

export const VariantPath = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)),
  variant_id: z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH)),
});
export type VariantPath = z.output<typeof VariantPath>;

// ---------------------------------------------------------------------------
// Response: the seed's variant, every relation Medusa can return, shaped by `fields`.

const shapes = {
  variant: (): Shape => ({
    entity: 'ProductVariant',
    properties: {
      prices: shapes.price,
      id: true,
      title: true,
      sku: true,
      barcode: true,
      ean: true,
      upc: true,
      allow_backorder: true,
      manage_inventory: true,
      hs_code: true,
      origin_country: true,
      mid_code: true,
      material: true,
      weight: true,
      length: true,
      height: true,
      width: true,
      options: shapes.optionValue,
      created_at: true,
      updated_at: true,
      deleted_at: true,
      images: shapes.image,
      thumbnail: true,
      inventory_quantity: true,
      variant_rank: true,
      product: shapes.product,
      product_id: true,
      calculated_price: true,
      metadata: true,
      inventory_items: shapes.inventoryLink,
      translations: shapes.translation,
    },
  }),
  price: (): Shape => ({
    entity: 'Price',
    properties: Object.fromEntries(
      ['id', 'title', 'currency_code', 'amount', 'raw_amount', 'min_quantity', 'max_quantity', 'price_set_id', 'created_at', 'updated_at', 'deleted_at'].map((name) => [name, true]),
    ),
  }),
  optionValue: (): Shape => ({
    entity: 'ProductOptionValue',
    properties: { id: true, value: true, option: shapes.option, option_id: true, metadata: true, created_at: true, updated_at: true, deleted_at: true },
  }),
  option: (): Shape => ({
    entity: 'ProductOption',
    properties: { id: true, title: true, product: shapes.product, product_id: true, values: shapes.optionValue, metadata: true, created_at: true, updated_at: true, deleted_at: true },
  }),
  image: (): Shape => ({
    entity: 'ProductImage',
    properties: { id: true, url: true, rank: true, created_at: true, updated_at: true, deleted_at: true, metadata: true },
  }),
  /** The catalog holds a product's name, but this route does not read it: only its ID. */
  product: (): Shape => ({ entity: 'Product', properties: { id: true } }),
  inventoryLink: (): Shape => ({
    entity: 'ProductVariantInventoryItem',
    properties: { id: true, variant_id: true, inventory_item_id: true, variant: shapes.variant, inventory: shapes.inventoryItem, required_quantity: true },
  }),
  inventoryItem: (): Shape => ({
    entity: 'InventoryItem',
    properties: {
      id: true,
      requires_shipping: true,
      sku: true,
      origin_country: true,
      hs_code: true,
      mid_code: true,
      material: true,
      weight: true,
      length: true,
      height: true,
      width: true,
      title: true,
      description: true,
      thumbnail: true,
      metadata: true,
      location_levels: shapes.level,
    },
  }),
  level: (): Shape => ({
    entity: 'InventoryLevel',
    properties: {
      id: true,
      created_at: true,
      updated_at: true,
      deleted_at: true,
      inventory_item_id: true,
      location_id: true,
      stocked_quantity: true,
      reserved_quantity: true,
      incoming_quantity: true,
      metadata: true,
      available_quantity: true,
      inventory_item: shapes.inventoryItem,
    },
  }),
  translation: (): Shape => ({
    entity: 'Translation',
    properties: Object.fromEntries(
      ['id', 'reference_id', 'reference', 'locale_code', 'translations', 'created_at', 'updated_at', 'deleted_at'].map((name) => [name, true]),
    ),
  }),
};

const VARIANT_SHAPE = shapes.variant();

/**
 * What the response holds without `fields`: the seed's variant, with its inventory links,
 * their items and the items' levels. Back-references (`product`, `variant`, `inventory_item`)
 * carry only their ID.
 */
export const DEFAULT_VARIANT_FIELDS = [
  ...Object.entries(VARIANT_SHAPE.properties)
    .filter(([, property]) => property === true)
    .map(([name]) => name),
  '*prices',
  '*options',
  '*options.option',
  'options.option.product.id',
  '*options.option.values',
  '*images',
  'product.id',
  '*inventory_items',
  'inventory_items.variant.id',
  '*inventory_items.inventory',
  '*inventory_items.inventory.location_levels',
  'inventory_items.inventory.location_levels.inventory_item.id',
  '*translations',
] as const;

/** The selection without `fields`. */
export const DEFAULT_VARIANT_SELECTION = selectionOf(DEFAULT_VARIANT_FIELDS, VARIANT_SHAPE);

/** `fields`, parsed and checked against the variant's shape while the query is validated. */
export const VariantQuery = z.strictObject(
  {
    fields: z.pipe(
      z.optional(z.string({ error: (issue) => expected('fields', 'string', issue.input) })),
      z.transform((fields, context): Selection => {
        try {
          return selectionOf(requestedFields(fields, DEFAULT_VARIANT_FIELDS), VARIANT_SHAPE);
        } catch (error) {
          if (!(error instanceof FieldSelectionError)) throw error;
          context.issues.push({ code: 'custom', message: error.message, input: fields });
          return z.NEVER;
        }
      }),
    ),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unrecognized fields: '${issue.keys.join(', ')}'` : 'Invalid query') },
);
export type VariantQuery = z.output<typeof VariantQuery>;

export function toLinkRequest(path: VariantPath, body: LinkInventoryItemRequest): LinkRequest {
  return { productId: path.id, variantId: path.variant_id, inventoryItemId: body.inventory_item_id, requiredQuantity: body.required_quantity };
}

type Data = Record<string, unknown>;

/** Everything the response can show, as Medusa names it; `fields` then picks from it. Relations may point back (cycles are fine: the selection is finite). */
function variantData(view: VariantInventory): Data {
  const { variant } = view;
  const product = { id: variant.productId };
  const data: Data = {
    prices: [],
    id: variant.id,
    title: variant.name,
    sku: variant.sku,
    barcode: null,
    ean: null,
    upc: null,
    // Medusa's defaults for a variant created without them.
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
    // The variant's attributes ({"Color": "Red"}) as option values; the catalog gives options no IDs.
    options: Object.entries(variant.attributes).map(([title, value]) => ({
      id: null,
      value,
      option: { id: null, title, product, product_id: variant.productId, values: [], metadata: null, created_at: null, updated_at: null, deleted_at: null },
      option_id: null,
      metadata: null,
      created_at: null,
      updated_at: null,
      deleted_at: null,
    })),
    created_at: variant.createdAt,
    updated_at: variant.updatedAt,
    deleted_at: null,
    images: [],
    thumbnail: null,
    inventory_quantity: view.inventoryQuantity,
    variant_rank: 0,
    product,
    product_id: variant.productId,
    calculated_price: null,
    metadata: null,
    inventory_items: [],
    translations: [],
  };
  data.inventory_items = view.links.map(({ link, item, levels }) => ({
    id: link.id,
    variant_id: link.variantId,
    inventory_item_id: link.inventoryItemId,
    variant: data,
    inventory: item ? inventoryData(item, levels) : null,
    required_quantity: link.requiredQuantity,
  }));
  return data;
}

function inventoryData(item: InventoryItem, levels: readonly LocationLevel[]): Data {
  const inventory: Data = {
    id: item.id,
    requires_shipping: item.requiresShipping,
    sku: item.sku,
    origin_country: null,
    hs_code: null,
    mid_code: null,
    material: null,
    weight: null,
    length: null,
    height: null,
    width: null,
    title: item.title,
    description: item.description,
    thumbnail: null,
    metadata: null,
    location_levels: [],
  };
  inventory.location_levels = levels.map((level) => ({
    id: level.id,
    created_at: level.createdAt,
    updated_at: level.updatedAt,
    deleted_at: null,
    inventory_item_id: level.inventoryItemId,
    location_id: level.locationId,
    stocked_quantity: level.stockedQuantity,
    reserved_quantity: level.reservedQuantity,
    incoming_quantity: level.incomingQuantity,
    metadata: null,
    available_quantity: availableAt(level),
    inventory_item: inventory,
  }));
  return inventory;
}

// Every property is optional: `fields` decides which are there.
const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(schema);
const text = maybe(z.nullable(z.string()));
const count = maybe(z.int());
const measure = maybe(z.nullable(z.number()));
const anyObject = z.record(z.string(), z.unknown());
const metadata = maybe(z.nullable(anyObject));
const timestamps = { created_at: text, updated_at: text, deleted_at: text };

const LevelResponse = z.object({
  id: maybe(z.string()),
  ...timestamps,
  inventory_item_id: maybe(z.string()),
  location_id: maybe(z.string()),
  stocked_quantity: count,
  reserved_quantity: count,
  incoming_quantity: count,
  metadata,
  available_quantity: count,
  inventory_item: maybe(anyObject),
});

const InventoryItemResponse = z.object({
  id: maybe(z.string()),
  requires_shipping: maybe(z.boolean()),
  sku: text,
  origin_country: text,
  hs_code: text,
  mid_code: text,
  material: text,
  weight: measure,
  length: measure,
  height: measure,
  width: measure,
  title: text,
  description: text,
  thumbnail: text,
  metadata,
  location_levels: maybe(z.array(LevelResponse)),
});

const InventoryLinkResponse = z.object({
  id: maybe(z.string().check(z.regex(/^pvitem_[0-9A-Z]{26}$/))),
  variant_id: maybe(z.string()),
  inventory_item_id: maybe(z.string()),
  variant: maybe(anyObject),
  inventory: maybe(z.nullable(InventoryItemResponse)),
  required_quantity: maybe(z.int().check(z.gte(1))),
});

const OptionValueResponse = z.object({
  id: text,
  value: text,
  option: maybe(
    z.nullable(
      z.object({ id: text, title: text, product: maybe(anyObject), product_id: text, values: maybe(z.array(anyObject)), metadata, ...timestamps }),
    ),
  ),
  option_id: text,
  metadata,
  ...timestamps,
});

/** The documented 200 body. Objects the catalog does not hold (prices, images, translations) are always empty lists. */
export const VariantResponse = z.object({
  variant: z.object({
    prices: maybe(z.array(anyObject)),
    id: z.string(),
    title: text,
    sku: text,
    barcode: text,
    ean: text,
    upc: text,
    allow_backorder: maybe(z.boolean()),
    manage_inventory: maybe(z.boolean()),
    hs_code: text,
    origin_country: text,
    mid_code: text,
    material: text,
    weight: measure,
    length: measure,
    height: measure,
    width: measure,
    options: maybe(z.array(OptionValueResponse)),
    ...timestamps,
    images: maybe(z.array(anyObject)),
    thumbnail: text,
    inventory_quantity: maybe(z.int().check(z.gte(0))),
    variant_rank: maybe(z.nullable(z.int())),
    product: maybe(z.nullable(anyObject)),
    product_id: text,
    calculated_price: maybe(z.nullable(anyObject)),
    metadata,
    inventory_items: maybe(z.array(InventoryLinkResponse)),
    translations: maybe(z.array(anyObject)),
  }),
});

/** The 200 body: `{variant}` with the fields the request selected. */
export function variantResponse(view: VariantInventory, selection: Selection): { variant: Record<string, unknown> } {
  return { variant: project(variantData(view), VARIANT_SHAPE, selection) };
}

/** Whether a selection shows stock: inventory_quantity, or the linked items' inventory. */
export function selectsStock(selection: Selection): boolean {
  return selection.star || selection.values.has('inventory_quantity') || selection.relations.get('inventory_items')?.relations.has('inventory') === true;
}
