/** The Medusa entities our responses show, each declared once with the helpers of entity.ts. */
import * as z from 'zod/mini';
import { anyObject, many, nothing, notHeld, one, oneOrNull, value, type Entity } from '#functions/medusa/dialect/entity';
import type { InventoryItem, LocationLevel, Variant, VariantPrice } from '#shared/domain/catalog';
import { availableAt, type LinkedInventory, type VariantInventory } from '#shared/domain/inventoryLink';

const text = z.nullable(z.string());

/** Medusa's raw form of a quantity: its decimal string, at its column's precision. */
const rawNumber = z.object({ value: z.string(), precision: z.int() });
const raw = (quantity: number) => ({ value: String(quantity), precision: 20 });

const noTimestamps = { created_at: nothing(z.string()), updated_at: nothing(z.string()), deleted_at: nothing(z.string()) };

/** One of the variant's option values, shown with its option; IDs are null where the catalog gives none (attributes only). */
interface Attribute {
  id: string | null;
  title: string;
  value: string;
  rank: number | null;
  optionId: string | null;
  productId: string;
  /** The catalog keeps no timestamps of option values: they show the variant's, as prices do. */
  createdAt: string;
  updatedAt: string;
}

/** The variant's option values: with their IDs where the catalog holds them, else from its attributes. */
const optionValues = ({ variant }: VariantInventory): Attribute[] =>
  variant.options
    ? variant.options.map((option) => ({
        id: option.id,
        title: option.optionTitle,
        value: option.value,
        rank: option.rank,
        optionId: option.optionId,
        productId: variant.productId,
        createdAt: variant.createdAt,
        updatedAt: variant.updatedAt,
      }))
    : Object.entries(variant.attributes).map(([title, setting]) => ({
        id: null,
        title,
        value: setting,
        rank: null,
        optionId: null,
        productId: variant.productId,
        createdAt: variant.createdAt,
        updatedAt: variant.updatedAt,
      }));

interface PriceSource {
  price: VariantPrice;
  variant: Variant;
}

/** `parent`: where the entity was reached from, which its back-reference shows. */
export interface LinkSource extends LinkedInventory {
  parent: VariantInventory;
}

export interface ItemSource {
  item: InventoryItem;
  levels: readonly LocationLevel[];
}

export interface LevelSource {
  level: LocationLevel;
  parent: ItemSource;
}

/** Customs and size fields Medusa keeps on variants and inventory items alike; the catalog holds none of them. */
const unheldMeasures = () => ({
  mid_code: nothing(z.string()),
  material: nothing(z.string()),
  weight: nothing(z.number()),
  length: nothing(z.number()),
  height: nothing(z.number()),
  width: nothing(z.number()),
});

export const productVariant: Entity<VariantInventory> = {
  entity: 'ProductVariant',
  properties: {
    prices: many(
      () => price,
      ({ variant }) => (variant.prices ?? []).map((price) => ({ price, variant })),
    ),
    id: value(z.string(), ({ variant }) => variant.id),
    title: value(text, ({ variant }) => variant.name),
    sku: value(text, ({ variant }) => variant.sku),
    barcode: nothing(z.string()),
    ean: nothing(z.string()),
    upc: nothing(z.string()),
    // Medusa's defaults for a variant created without them.
    allow_backorder: value(z.boolean(), () => false),
    manage_inventory: value(z.boolean(), () => true),
    hs_code: nothing(z.string()),
    origin_country: nothing(z.string()),
    ...unheldMeasures(),
    options: many(() => productOptionValue, optionValues),
    created_at: value(text, ({ variant }) => variant.createdAt),
    updated_at: value(text, ({ variant }) => variant.updatedAt),
    deleted_at: nothing(z.string()),
    images: many(
      () => productImage,
      () => [],
      'plain',
    ),
    thumbnail: nothing(z.string()),
    // Only the variants list computes it (when asked); elsewhere it is left out, as Medusa leaves it out.
    inventory_quantity: value(z.optional(z.nullable(z.int())), (view) => view.inventoryQuantity),
    variant_rank: value(z.nullable(z.int()), () => 0),
    product: oneOrNull(
      () => product,
      ({ variant }) => variant.productId,
      'plain',
    ),
    product_id: value(text, ({ variant }) => variant.productId),
    calculated_price: nothing(anyObject),
    metadata: nothing(anyObject),
    inventory_items: many(
      () => productVariantInventoryItem,
      (view) => view.links.map((linked) => ({ ...linked, parent: view })),
    ),
    translations: many(
      () => translation,
      () => [],
      'plain',
    ),
  },
};

/** A price as Medusa's variant routes show it (its price set's money amount, flattened). Prices carry the variant's timestamps. */
const price: Entity<PriceSource> = {
  entity: 'Price',
  properties: {
    id: value(z.string(), ({ price }) => price.id),
    amount: value(z.number(), ({ price }) => price.amount),
    currency_code: value(z.string(), ({ price }) => price.currencyCode),
    min_quantity: value(z.nullable(z.int()), ({ price }) => price.minQuantity),
    max_quantity: value(z.nullable(z.int()), ({ price }) => price.maxQuantity),
    variant_id: value(z.string(), ({ variant }) => variant.id),
    created_at: value(z.string(), ({ variant }) => variant.createdAt),
    updated_at: value(z.string(), ({ variant }) => variant.updatedAt),
    rules: value(z.record(z.string(), z.string()), ({ price }) => price.rules),
  },
};

const productOptionValue: Entity<Attribute> = {
  entity: 'ProductOptionValue',
  properties: {
    id: value(text, (attribute) => attribute.id),
    value: value(text, (attribute) => attribute.value),
    // Medusa stores no rank for values made with their product, and shows null; the catalog's position is ours alone.
    rank: nothing(z.int()),
    option: oneOrNull(
      () => productOption,
      (attribute) => attribute,
    ),
    option_id: value(text, (attribute) => attribute.optionId),
    metadata: nothing(anyObject),
    created_at: value(z.string(), (attribute) => attribute.createdAt),
    updated_at: value(z.string(), (attribute) => attribute.updatedAt),
    deleted_at: nothing(z.string()),
  },
};

const productOption: Entity<Attribute> = {
  entity: 'ProductOption',
  properties: {
    id: value(text, (attribute) => attribute.optionId),
    title: value(text, (attribute) => attribute.title),
    product: one(
      () => product,
      (attribute) => attribute.productId,
      'plain',
    ),
    product_id: value(text, (attribute) => attribute.productId),
    values: many(
      () => productOptionValue,
      () => [],
      'plain',
    ),
    metadata: nothing(anyObject),
    ...noTimestamps,
  },
};

const productImage = notHeld('ProductImage', ['id', 'url', 'rank', 'created_at', 'updated_at', 'deleted_at', 'metadata']);

/** The catalog holds a product's name, but this route does not read it: only its ID. */
const product: Entity<string> = {
  entity: 'Product',
  properties: { id: value(z.string(), (productId) => productId) },
};

export const productVariantInventoryItem: Entity<LinkSource> = {
  entity: 'ProductVariantInventoryItem',
  properties: {
    id: value(z.string().check(z.regex(/^pvitem_[0-9A-Z]{26}$/)), ({ link }) => link.id),
    variant_id: value(z.string(), ({ link }) => link.variantId),
    inventory_item_id: value(z.string(), ({ link }) => link.inventoryItemId),
    variant: one(
      () => productVariant,
      ({ parent }) => parent,
      'plain',
    ),
    inventory: oneOrNull(
      () => itemWithNullableSums,
      ({ item, levels }) => item && { item, levels },
    ),
    required_quantity: value(z.int().check(z.gte(1)), ({ link }) => link.requiredQuantity),
    created_at: value(z.string(), ({ link }) => link.createdAt),
    updated_at: value(z.string(), ({ link }) => link.updatedAt),
    deleted_at: nothing(z.string()),
  },
};

export const inventoryItem: Entity<ItemSource> = {
  entity: 'InventoryItem',
  properties: {
    id: value(z.string(), ({ item }) => item.id),
    requires_shipping: value(z.boolean(), ({ item }) => item.requiresShipping),
    sku: value(text, ({ item }) => item.sku),
    origin_country: nothing(z.string()),
    hs_code: nothing(z.string()),
    ...unheldMeasures(),
    unit_of_measure: nothing(z.string()),
    title: value(text, ({ item }) => item.title),
    description: value(text, ({ item }) => item.description),
    thumbnail: nothing(z.string()),
    metadata: nothing(anyObject),
    reserved_quantity: value(z.int(), ({ levels }) => levels.reduce((sum, level) => sum + level.reservedQuantity, 0)),
    stocked_quantity: value(z.int(), ({ levels }) => levels.reduce((sum, level) => sum + level.stockedQuantity, 0)),
    created_at: value(text, ({ item }) => item.createdAt),
    updated_at: value(text, ({ item }) => item.updatedAt),
    // Items are removed, never soft-deleted; a selection of all its columns (`*inventory_item`) shows it, as Medusa's.
    deleted_at: nothing(z.string()),
    location_levels: many(
      () => inventoryLevel,
      (parent) => parent.levels.map((level) => ({ level, parent })),
    ),
  },
};

/** The item where Medusa's query may read no levels (named bare, or under a star): its sums may show null (ITEM_SUMS). */
export const itemWithNullableSums: Entity<ItemSource> = {
  ...inventoryItem,
  properties: {
    ...inventoryItem.properties,
    reserved_quantity: { ...inventoryItem.properties.reserved_quantity!, schema: () => z.nullable(z.int()) },
    stocked_quantity: { ...inventoryItem.properties.stocked_quantity!, schema: () => z.nullable(z.int()) },
  },
};

export const inventoryLevel: Entity<LevelSource> = {
  entity: 'InventoryLevel',
  properties: {
    id: value(z.string(), ({ level }) => level.id),
    created_at: value(text, ({ level }) => level.createdAt),
    updated_at: value(text, ({ level }) => level.updatedAt),
    deleted_at: nothing(z.string()),
    inventory_item_id: value(z.string(), ({ level }) => level.inventoryItemId),
    location_id: value(z.string(), ({ level }) => level.locationId),
    stocked_quantity: value(z.int(), ({ level }) => level.stockedQuantity),
    reserved_quantity: value(z.int(), ({ level }) => level.reservedQuantity),
    incoming_quantity: value(z.int(), ({ level }) => level.incomingQuantity),
    metadata: nothing(anyObject),
    available_quantity: value(z.int(), ({ level }) => availableAt(level)),
    // Medusa's big-number columns: a level reached as a relation (`*location_levels`) shows them.
    raw_stocked_quantity: value(rawNumber, ({ level }) => raw(level.stockedQuantity)),
    raw_reserved_quantity: value(rawNumber, ({ level }) => raw(level.reservedQuantity)),
    raw_incoming_quantity: value(rawNumber, ({ level }) => raw(level.incomingQuantity)),
    inventory_item: one(
      () => inventoryItem,
      ({ parent }) => parent,
      'plain',
    ),
  },
};

const translation = notHeld('Translation', [
  'id',
  'reference_id',
  'reference',
  'locale_code',
  'translations',
  'created_at',
  'updated_at',
  'deleted_at',
]);
