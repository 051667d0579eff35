import { DATE_LISTS, dateFilterQuery, toDateFilters } from '#functions/medusa/dialect/dateFilters';
import { gatherLists } from '#functions/medusa/dialect/listForms';
import * as z from 'zod/mini';
import type { LinkRemoval, LinkRequest, LinkTarget, VariantInventory } from '#shared/domain/inventoryLink';
import { LinkPair, linkPair } from '#functions/medusa/dialect/linkBatch';
import type { VariantListQuery as DomainVariantListQuery, VariantOrderField } from '#shared/domain/productVariants';
import { productVariant } from '#functions/medusa/dialect/entities';
import { responseSchema } from '#functions/medusa/dialect/entity';
import { medusaPage } from '#functions/medusa/dialect/page';
import { medusaDeleted } from '#functions/medusa/dialect/deleted';
import { ITEM_SUMS } from '#functions/medusa/dialect/inventoryLevels';
import { ALWAYS_SELECTED, project, selectionOf, type Selection } from '#functions/medusa/dialect/fields';
import {
  bodyId,
  expected,
  fieldsOf,
  pageQuery,
  pathId,
  queryText,
  requiredQuantity,
  strictBody,
  toPage,
  unrecognizedQuery,
} from '#functions/medusa/dialect/validation';

// ---------------------------------------------------------------------------
// Request: Medusa's strict zod validation, with each issue spelled as Medusa spells it (validation.ts).

export const LinkInventoryItemRequest = z.strictObject(
  {
    required_quantity: requiredQuantity(),
    inventory_item_id: bodyId('inventory_item_id'),
  },
  strictBody,
);
export type LinkInventoryItemRequest = z.output<typeof LinkInventoryItemRequest>;

export const VariantPath = z.object({ id: pathId('id'), variant_id: pathId('variant_id') });
export type VariantPath = z.output<typeof VariantPath>;

export const ProductPath = z.object({ id: pathId('id') });
export type ProductPath = z.output<typeof ProductPath>;

export const VariantLinkPath = z.object({
  id: pathId('id'),
  variant_id: pathId('variant_id'),
  inventory_item_id: pathId('inventory_item_id'),
});
export type VariantLinkPath = z.output<typeof VariantLinkPath>;

export const UpdateVariantInventoryItemRequest = z.strictObject({ required_quantity: requiredQuantity() }, strictBody);
export type UpdateVariantInventoryItemRequest = z.output<typeof UpdateVariantInventoryItemRequest>;

// ---------------------------------------------------------------------------
// Query: `fields` (and, on the list, Medusa's paging, order and search), checked while the query is validated.

/** Medusa's default fields of a variant on its admin routes (query-config.ts): its own values, prices and options. */
export const DEFAULT_VARIANT_FIELDS = [
  'id',
  'product_id',
  'title',
  'sku',
  'allow_backorder',
  'manage_inventory',
  'hs_code',
  'origin_country',
  'mid_code',
  'material',
  'weight',
  'length',
  'height',
  'width',
  'created_at',
  'updated_at',
  'deleted_at',
  'metadata',
  'variant_rank',
  'ean',
  'upc',
  'barcode',
  'thumbnail',
  '*prices',
  '*options',
  // Medusa shows each value's option as `{id}` only.
  'options.option.id',
] as const;

/** The linked item named bare, as a path may end (`+inventory_items.inventory`). */
const BARE_LINKED_ITEM = 'inventory_items.inventory';

/**
 * A selection of the variant, with the join keys Medusa's query adds across modules: a path through
 * `inventory_items` brings the link's `variant_id`; one through its `inventory` also the link's
 * `inventory_item_id` and the item's `id`, so a client can tell whose levels it reads (its sums null
 * under a star, as Medusa answers them). The item named
 * bare at the end (`inventory_items.inventory`) is no path into it: Medusa shows the link rows with
 * `variant_id` only. `inventory_quantity` brings `manage_inventory`.
 */
function variantSelection(requested: readonly string[]): Selection {
  const fields = requested.map((field) => (field === BARE_LINKED_ITEM ? 'inventory_items.variant_id' : field));
  const selection = selectionOf(fields, productVariant);
  // Medusa computes inventory_quantity from manage_inventory, which it then shows too.
  if (selection.values.has('inventory_quantity')) selection.values.add('manage_inventory');
  const links = selection.relations.get('inventory_items');
  if (links) {
    links.values.add('variant_id');
    const item = links.relations.get('inventory');
    if (item) {
      links.values.add('inventory_item_id');
      item.values.add('id');
      // Under a star (`*inventory_items.inventory`, `inventory_items.inventory.*`) Medusa answers the item's sums null.
      if (item.star) item.nulls = new Set(ITEM_SUMS);
    }
  }
  return selection;
}

/** The selection without `fields`. */
export const DEFAULT_VARIANT_SELECTION = variantSelection(DEFAULT_VARIANT_FIELDS);

/** `fields`, parsed into a selection of the variant (unknown entries dropped, as Medusa drops them). */
const fields = fieldsOf(DEFAULT_VARIANT_FIELDS, variantSelection);

export const VariantQuery = z.strictObject({ fields }, unrecognizedQuery);
export type VariantQuery = z.output<typeof VariantQuery>;

/** Most variants one page holds: Medusa sets no bound, but each listed variant's stock is read. */
export const MAX_VARIANT_LIMIT = 100;

export const VARIANT_ORDER_FIELDS = ['id', 'title', 'sku', 'created_at', 'updated_at'] as const satisfies readonly VariantOrderField[];

/** Medusa's `booleanString`: `true` or `false`. */
const flag = (field: string) => z.optional(z.enum(['true', 'false'], { error: (issue) => expected(field, 'boolean', issue.input) }));

/** Medusa's variant filters that take one value or a list (matching any): `id=a`, `id[]=a&id[]=b`, `id[0]=a`. */
const TEXT_LISTS = ['id', 'sku', 'ean', 'upc', 'barcode'] as const;

/** A filter's list, once `gatherLists` has collected its forms. */
const texts = (field: string) => z.optional(z.array(z.string(), { error: (issue) => expected(field, 'string, array', issue.input) }));

const listShape = {
  fields,
  ...pageQuery(50, MAX_VARIANT_LIMIT, VARIANT_ORDER_FIELDS),
  q: queryText('q'),
  ...Object.fromEntries(TEXT_LISTS.flatMap((field) => [[field, queryText(field)] as const, [`${field}[]`, texts(field)] as const])),
  manage_inventory: flag('manage_inventory'),
  allow_backorder: flag('allow_backorder'),
  // `created_at[$gte]=…`, `created_at[$in][]=…` and the like.
  ...dateFilterQuery,
} as {
  fields: typeof fields;
  q: ReturnType<typeof queryText>;
  manage_inventory: ReturnType<typeof flag>;
  allow_backorder: ReturnType<typeof flag>;
} & ReturnType<typeof pageQuery<VariantOrderField>> &
  Record<(typeof TEXT_LISTS)[number], ReturnType<typeof queryText>> &
  Record<`${(typeof TEXT_LISTS)[number]}[]`, ReturnType<typeof texts>> &
  typeof dateFilterQuery;

export const VariantListQuery = z.pipe(
  z.transform((query: unknown) =>
    typeof query === 'object' && query !== null ? gatherLists(query as Record<string, unknown>, [...TEXT_LISTS, ...DATE_LISTS]) : query,
  ),
  z.strictObject(listShape, unrecognizedQuery),
);
export type VariantListQuery = z.output<typeof VariantListQuery>;

// ---------------------------------------------------------------------------
// Mapping

export function toLinkRequest(path: VariantPath, body: LinkInventoryItemRequest): LinkRequest {
  return {
    productId: path.id,
    variantId: path.variant_id,
    inventoryItemId: body.inventory_item_id,
    requiredQuantity: body.required_quantity,
  };
}

export function toLinkTarget(path: VariantLinkPath): LinkTarget {
  return { productId: path.id, variantId: path.variant_id, inventoryItemId: path.inventory_item_id };
}

/** A filter's values, its plain key and its list together, under `as`; nothing when neither is given. */
function listed<As extends string>(query: VariantListQuery, field: (typeof TEXT_LISTS)[number], as: As): { [key in As]?: string[] } {
  const one = query[field];
  const many = query[`${field}[]`];
  if (one === undefined && many === undefined) return {};
  return { [as]: [...(one === undefined ? [] : [one]), ...(many ?? [])] } as { [key in As]?: string[] };
}

/** The list query as the domain reads it. */
export function toVariantListQuery(path: ProductPath, query: VariantListQuery): DomainVariantListQuery {
  return {
    productId: path.id,
    ...toPage(query),
    ...(query.q !== undefined && query.q !== '' ? { q: query.q } : {}),
    ...listed(query, 'id', 'ids'),
    ...listed(query, 'sku', 'skus'),
    ...(toDateFilters(query).length > 0 ? { dates: toDateFilters(query) } : {}),
    // The catalog holds no EAN, UPC or barcode, and its variants are managed without backorders: these match none.
    ...((['ean', 'upc', 'barcode'] as const).some((field) => query[field] !== undefined || query[`${field}[]`] !== undefined) ||
    query.manage_inventory === 'false' ||
    query.allow_backorder === 'true'
      ? { matchNone: true }
      : {}),
    withLinks: selectsLinks(query.fields),
    withStock: selectsStock(query.fields),
    // Medusa computes inventory_quantity only on this list, and only when the fields name it (`+inventory_quantity`).
    withInventoryQuantity: query.fields.values.has('inventory_quantity'),
  };
}

// ---------------------------------------------------------------------------
// Response: the seed's variant and every relation Medusa can return (entities.ts), shaped by `fields`.

/** The documented 200 body. Objects the catalog does not hold (images, translations) are always empty lists. */
export const VariantResponse = z.object({ variant: responseSchema(productVariant, [ALWAYS_SELECTED]) });

/** The 200 body: `{variant}` with the fields the request selected. */
export function variantResponse(view: VariantInventory, selection: Selection): { variant: Record<string, unknown> } {
  return { variant: project(view, productVariant, selection) };
}

const variantPage = medusaPage('variants', productVariant);

export const VariantListResponse = variantPage.schema;

export const variantListResponse = (page: { variants: VariantInventory[]; count: number }, query: VariantListQuery) =>
  variantPage.answer(page.variants, page.count, query);

const linkDeleted = medusaDeleted('variant-inventory-item-link', LinkPair);

export const LinkDeletedResponse = z.extend(linkDeleted.schema, { parent: z.optional(responseSchema(productVariant, [ALWAYS_SELECTED])) });

/** Medusa's answer to a dismissed link: the pair, and the variant as it is now (left out when there is no such variant). */
export function linkDeletedResponse(result: LinkRemoval, selection: Selection): z.output<typeof LinkDeletedResponse> {
  return {
    ...linkDeleted.answer(linkPair(result.target)),
    ...(result.parent ? { parent: project(result.parent, productVariant, selection) } : {}),
  };
}

/** Whether a selection shows the linked items' stock (their inventory with its levels). */
export function selectsStock(selection: Selection): boolean {
  return selection.star || selection.relations.get('inventory_items')?.relations.has('inventory') === true;
}

/** Whether a selection shows the variant's links at all. */
export function selectsLinks(selection: Selection): boolean {
  return selection.star || selection.relations.has('inventory_items');
}
