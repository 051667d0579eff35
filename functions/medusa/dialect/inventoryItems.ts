import * as z from 'zod/mini';
import type { StockedItem } from '#shared/domain/inventoryLink';
import type { ItemFields, ItemListQuery as DomainListQuery, ItemOrderField } from '#shared/domain/inventoryItem';
import type { LevelToCreate } from '#shared/domain/inventoryItemWrites';
import { identityProblem, normalizeIdentity } from '#shared/domain/identity';
import { inventoryItem } from '#functions/medusa/dialect/entities';
import { medusaPage } from '#functions/medusa/dialect/page';
import { medusaDeleted } from '#functions/medusa/dialect/deleted';
import type { Selection } from '#functions/medusa/dialect/fields';
import { DEFAULT_INVENTORY_ITEM_FIELDS } from '#functions/medusa/dialect/inventoryLevels';
import { isListForm, listedValues } from '#functions/medusa/dialect/listForms';
import { bodyId, expected, fieldsOf, pageQuery, queryText, strictBody, tooBig, toPage, units } from '#functions/medusa/dialect/validation';

// ---------------------------------------------------------------------------
// Request bodies: Medusa's AdminCreateInventoryItem and AdminUpdateInventoryItem

/** Longest SKU, title or description kept. */
export const MAX_ITEM_TEXT = 1000;

const text = (field: string) =>
  z.optional(
    z.nullable(
      z
        .string({ error: (issue) => expected(field, 'string', issue.input) })
        .check(z.maxLength(MAX_ITEM_TEXT, tooBig(field, MAX_ITEM_TEXT))),
    ),
  );

/** A field Medusa keeps and the catalog does not (customs, sizes, thumbnail, metadata): taken only empty, never dropped silently. */
const unheld = (field: string) =>
  z.optional(z.null({ error: () => `Value for field '${field}' is not kept by this catalog: send null or leave it out` }));

const UNHELD = [
  'hs_code',
  'weight',
  'length',
  'height',
  'width',
  'origin_country',
  'mid_code',
  'material',
  'thumbnail',
  'metadata',
] as const;
const unheldFields = Object.fromEntries(UNHELD.map((field) => [field, unheld(field)])) as Record<
  (typeof UNHELD)[number],
  ReturnType<typeof unheld>
>;

const locationId = bodyId('location_id');

/** Most levels an item is created with: each is four writes of one transaction. */
export const MAX_CREATE_LEVELS = 24;

const itemFields = {
  sku: text('sku'),
  title: text('title'),
  description: text('description'),
  requires_shipping: z.optional(z.boolean({ error: (issue) => expected('requires_shipping', 'boolean', issue.input) })),
  ...unheldFields,
};

export const CreateInventoryItemRequest = z.strictObject(
  {
    ...itemFields,
    location_levels: z.optional(
      z
        .array(
          z.strictObject(
            { location_id: locationId, stocked_quantity: units('stocked_quantity'), incoming_quantity: units('incoming_quantity') },
            strictBody,
          ),
          { error: (issue) => expected('location_levels', 'array', issue.input) },
        )
        .check(z.maxLength(MAX_CREATE_LEVELS, `Field 'location_levels' holds at most ${MAX_CREATE_LEVELS} levels`)),
    ),
  },
  strictBody,
);
export type CreateInventoryItemRequest = z.output<typeof CreateInventoryItemRequest>;

export const UpdateInventoryItemRequest = z.strictObject(itemFields, strictBody);
export type UpdateInventoryItemRequest = z.output<typeof UpdateInventoryItemRequest>;

export function toItemFields(body: UpdateInventoryItemRequest): ItemFields {
  return { sku: body.sku, title: body.title, description: body.description, requiresShipping: body.requires_shipping };
}

export function toLevelsToCreate(body: CreateInventoryItemRequest): LevelToCreate[] {
  return (body.location_levels ?? []).map((level) => ({
    locationId: level.location_id,
    stockedQuantity: level.stocked_quantity,
    incomingQuantity: level.incoming_quantity,
  }));
}

// ---------------------------------------------------------------------------
// List query

/** Most items one page holds (Medusa sets no bound). */
export const MAX_ITEM_LIMIT = 100;

const ORDER_FIELDS = ['id', 'sku', 'title', 'created_at', 'updated_at'] as const satisfies readonly ItemOrderField[];

/** Medusa's `location_levels[location_id]` filter, as a query string carries it. */
const LOCATION_FILTER = 'location_levels[location_id]';
/** Most locations one list is filtered by: each is one Query (Medusa sets no bound). */
export const MAX_FILTER_LOCATIONS = 50;

/**
 * Keys the list does not know: refused as the strict schemas refuse them, `Unrecognized fields`,
 * except where Medusa words them itself (`location_levels` that is not an object, an operator on
 * `location_id`). Medusa ignores other `location_levels[…]` keys; a filter we would drop is refused.
 */
function otherKeys(
  query: Record<string, unknown>,
  context: { addIssue: (issue: { code: 'custom'; message: string; input: unknown }) => void },
) {
  const unknown: string[] = [];
  let locations = 0;
  for (const [name, value] of Object.entries(query)) {
    if (name === LOCATION_FILTER) locations += 1;
    else if (isListForm(LOCATION_FILTER, name)) continue;
    else if (name === 'location_levels')
      context.addIssue({ code: 'custom', message: expected('location_levels', 'object', value), input: value });
    else if (name.startsWith(`${LOCATION_FILTER}[`))
      context.addIssue({ code: 'custom', message: expected('location_levels, location_id', 'string, array', {}), input: value });
    else if (!Object.hasOwn(listShape, name)) unknown.push(name);
  }
  locations += listedValues(query, LOCATION_FILTER)?.length ?? 0;
  if (unknown.length > 0) context.addIssue({ code: 'custom', message: `Unrecognized fields: '${unknown.join(', ')}'`, input: query });
  if (locations > MAX_FILTER_LOCATIONS)
    context.addIssue({ code: 'custom', message: tooBig('location_levels.location_id', MAX_FILTER_LOCATIONS), input: query });
}

const listShape = {
  fields: fieldsOf(DEFAULT_INVENTORY_ITEM_FIELDS, inventoryItem),
  ...pageQuery(20, MAX_ITEM_LIMIT, ORDER_FIELDS),
  q: queryText('q'),
  id: queryText('id'),
  sku: queryText('sku'),
  title: queryText('title'),
  requires_shipping: z.optional(z.enum(['true', 'false'], { error: (issue) => expected('requires_shipping', 'boolean', issue.input) })),
  /** Medusa's filter by location: one ID, taken as it is (`a,b` is one ID, as Medusa reads it). */
  [LOCATION_FILTER]: queryText(LOCATION_FILTER),
  /** The same as a list: `[]=a&[]=b` (which API Gateway hands over as `a,b`), or `[0]=a&[1]=b` as the js-sdk sends it. */
  [`${LOCATION_FILTER}[]`]: queryText(`${LOCATION_FILTER}[]`),
};

export const InventoryItemListQuery = z.pipe(
  z.catchall(z.object(listShape), z.string()).check(z.superRefine(otherKeys)),
  z.transform(({ [LOCATION_FILTER]: one, [`${LOCATION_FILTER}[]`]: listed, ...rest }) => {
    const known = Object.fromEntries(Object.entries(rest).filter(([name]) => Object.hasOwn(listShape, name))) as Omit<
      z.output<z.ZodMiniObject<typeof listShape>>,
      typeof LOCATION_FILTER | `${typeof LOCATION_FILTER}[]`
    >;
    const listedIds = listedValues({ [`${LOCATION_FILTER}[]`]: listed, ...rest }, LOCATION_FILTER);
    const given: string[] = [...(typeof one === 'string' ? [one] : []), ...(listedIds ?? [])];
    const gotFilter = one !== undefined || listedIds !== undefined;
    return { ...known, ...(gotFilter ? { locationIds: given } : {}) } as typeof known & { locationIds?: string[] };
  }),
);
export type InventoryItemListQuery = z.output<typeof InventoryItemListQuery>;

/** Whether an answer in this selection shows levels or their totals: only then are the items' partitions read. */
export const showsLevels = (selection: Selection) =>
  selection.star ||
  selection.relations.has('location_levels') ||
  selection.values.has('stocked_quantity') ||
  selection.values.has('reserved_quantity');

export function toItemListQuery(query: InventoryItemListQuery): DomainListQuery {
  return {
    ...toPage(query),
    withLevels: showsLevels(query.fields),
    ...(query.q !== undefined && query.q !== '' ? { q: query.q } : {}),
    ...(query.id !== undefined ? { id: query.id } : {}),
    ...(query.sku !== undefined ? { sku: query.sku } : {}),
    ...(query.title !== undefined ? { title: query.title } : {}),
    ...(query.requires_shipping !== undefined ? { requiresShipping: query.requires_shipping === 'true' } : {}),
    ...(query.locationIds !== undefined ? { locationIds: filterIds(query.locationIds) } : {}),
  };
}

/** The locations named, each once, as keys spell them: a value no location can have (empty, too long…) names none. */
const filterIds = (values: readonly string[]) => [
  ...new Set(values.filter((value) => identityProblem(value) === undefined).map(normalizeIdentity)),
];

// ---------------------------------------------------------------------------
// Responses

const itemPage = medusaPage('inventory_items', inventoryItem);

export const InventoryItemListResponse = itemPage.schema;

export const inventoryItemListResponse = (page: { items: readonly StockedItem[]; count: number }, query: InventoryItemListQuery) =>
  itemPage.answer(page.items, page.count, query);

const itemDeleted = medusaDeleted('inventory_item');

export const InventoryItemDeletedResponse = itemDeleted.schema;

export const inventoryItemDeletedResponse = (result: { id: string }) => itemDeleted.answer(result.id);

/** Medusa's update words an unknown item its own way. */
export const updateNotFound = (objectType: string, objectId: string) =>
  objectType === 'InventoryItem' ? `InventoryItem with id "${objectId}" not found` : undefined;
