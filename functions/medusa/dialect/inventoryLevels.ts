import * as z from 'zod/mini';
import type { LocationLevel } from '#shared/domain/catalog';
import type { StockedItem } from '#shared/domain/inventoryLink';
import type { LevelListQuery as DomainLevelListQuery, LevelOrderField, LevelQuantities } from '#shared/domain/locationLevel';
import { inventoryItem, inventoryLevel } from '#functions/medusa/dialect/entities';
import { responseSchema } from '#functions/medusa/dialect/entity';
import { medusaPage } from '#functions/medusa/dialect/page';
import { medusaDeleted } from '#functions/medusa/dialect/deleted';
import { ALWAYS_SELECTED, project, type Selection } from '#functions/medusa/dialect/fields';
import {
  bodyId,
  fieldsOf,
  pageQuery,
  pathId,
  queryText,
  strictBody,
  toPage,
  units,
  unrecognizedQuery,
} from '#functions/medusa/dialect/validation';

// ---------------------------------------------------------------------------
// Request

export const InventoryItemPath = z.object({ id: pathId('id') });
export type InventoryItemPath = z.output<typeof InventoryItemPath>;

export const LocationLevelPath = z.object({ id: pathId('id'), location_id: pathId('location_id') });
export type LocationLevelPath = z.output<typeof LocationLevelPath>;

export const CreateLocationLevelRequest = z.strictObject(
  {
    location_id: bodyId('location_id'),
    stocked_quantity: units('stocked_quantity'),
    incoming_quantity: units('incoming_quantity'),
  },
  strictBody,
);
export type CreateLocationLevelRequest = z.output<typeof CreateLocationLevelRequest>;

export const UpdateLocationLevelRequest = z.strictObject(
  { stocked_quantity: units('stocked_quantity'), incoming_quantity: units('incoming_quantity') },
  strictBody,
);
export type UpdateLocationLevelRequest = z.output<typeof UpdateLocationLevelRequest>;

// ---------------------------------------------------------------------------
// Query: Medusa's default fields (inventory-items/query-config.ts) and `fields`

/** The item's sums over its levels, which Medusa shows null where its query reads no levels (the item under a star, or named bare). */
export const ITEM_SUMS = ['reserved_quantity', 'stocked_quantity'] as const;

export const DEFAULT_INVENTORY_ITEM_FIELDS = [
  'id',
  'sku',
  'title',
  'description',
  'thumbnail',
  'origin_country',
  'hs_code',
  'requires_shipping',
  'mid_code',
  'material',
  'unit_of_measure',
  'weight',
  'length',
  'height',
  'width',
  'metadata',
  'reserved_quantity',
  'stocked_quantity',
  'created_at',
  'updated_at',
  '*location_levels',
] as const;

export const DEFAULT_LOCATION_LEVEL_FIELDS = [
  'id',
  'inventory_item_id',
  'location_id',
  'stocked_quantity',
  'reserved_quantity',
  'incoming_quantity',
  'available_quantity',
  'metadata',
  'created_at',
  'updated_at',
] as const;

export const InventoryItemQuery = z.strictObject({ fields: fieldsOf(DEFAULT_INVENTORY_ITEM_FIELDS, inventoryItem) }, unrecognizedQuery);
export type InventoryItemQuery = z.output<typeof InventoryItemQuery>;

/** Most levels one page holds (Medusa sets no bound). */
export const MAX_LEVEL_LIMIT = 100;

export const LEVEL_ORDER_FIELDS = [
  'id',
  'location_id',
  'stocked_quantity',
  'reserved_quantity',
  'incoming_quantity',
  'created_at',
  'updated_at',
] as const satisfies readonly LevelOrderField[];

export const LocationLevelListQuery = z.strictObject(
  {
    fields: fieldsOf(DEFAULT_LOCATION_LEVEL_FIELDS, inventoryLevel),
    ...pageQuery(50, MAX_LEVEL_LIMIT, LEVEL_ORDER_FIELDS),
    // One location: Medusa reads `a,b` as one (unknown) ID.
    location_id: queryText('location_id'),
  },
  unrecognizedQuery,
);
export type LocationLevelListQuery = z.output<typeof LocationLevelListQuery>;

export function toLevelListQuery(path: InventoryItemPath, query: LocationLevelListQuery): DomainLevelListQuery {
  return {
    itemId: path.id,
    ...toPage(query),
    ...(query.location_id !== undefined ? { locationId: query.location_id } : {}),
  };
}

export function toQuantities(body: { stocked_quantity?: number | undefined; incoming_quantity?: number | undefined }): LevelQuantities {
  return { stockedQuantity: body.stocked_quantity, incomingQuantity: body.incoming_quantity };
}

// ---------------------------------------------------------------------------
// Responses

export const InventoryItemResponse = z.object({ inventory_item: responseSchema(inventoryItem, [ALWAYS_SELECTED]) });

export function inventoryItemResponse(stocked: StockedItem, selection: Selection): z.output<typeof InventoryItemResponse> {
  return { inventory_item: project(stocked, inventoryItem, selection) };
}

const levelPage = medusaPage('inventory_levels', inventoryLevel);

export const LocationLevelListResponse = levelPage.schema;

export function locationLevelListResponse(
  { stocked, levels, count }: { stocked: StockedItem | undefined; levels: LocationLevel[]; count: number },
  query: LocationLevelListQuery,
) {
  return levelPage.answer(stocked ? levels.map((level) => ({ level, parent: stocked })) : [], count, query);
}

const levelDeleted = medusaDeleted('inventory-level');

export const LevelDeletedResponse = z.extend(levelDeleted.schema, { parent: responseSchema(inventoryItem, [ALWAYS_SELECTED]) });

/** Medusa's answer to a removed level: its ID, and the item as it is now. */
export function levelDeletedResponse(
  result: { level: LocationLevel; parent: StockedItem },
  selection: Selection,
): z.output<typeof LevelDeletedResponse> {
  return { ...levelDeleted.answer(result.level.id), parent: project(result.parent, inventoryItem, selection) };
}
