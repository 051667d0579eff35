import * as z from 'zod/mini';
import type { LevelBatchRequest, LevelBatchResult, LevelChange } from '#shared/domain/levelBatch';
import { inventoryLevel } from '#functions/medusa/dialect/entities';
import { responseSchema } from '#functions/medusa/dialect/entity';
import { ALWAYS_SELECTED, project, selectionOf } from '#functions/medusa/dialect/fields';
import { bodyId, expected, strictBody, units } from '#functions/medusa/dialect/validation';

// ---------------------------------------------------------------------------
// Request bodies: Medusa's AdminBatchInventoryItemLocationsLevel and its bulk form

const levelFields = {
  location_id: bodyId('location_id'),
  stocked_quantity: units('stocked_quantity'),
  incoming_quantity: units('incoming_quantity'),
};
const list = <T extends z.ZodMiniType>(field: string, entry: T) =>
  z.optional(z.array(entry, { error: (issue) => expected(field, 'array', issue.input) }));
const force = z.optional(z.boolean({ error: (issue) => expected('force', 'boolean', issue.input) }));

export const ItemLevelBatchRequest = z.strictObject(
  {
    create: list('create', z.strictObject(levelFields, strictBody)),
    update: list('update', z.strictObject(levelFields, strictBody)),
    delete: list('delete', bodyId('delete')),
    force,
  },
  strictBody,
);
export type ItemLevelBatchRequest = z.output<typeof ItemLevelBatchRequest>;

const bulkEntry = z.strictObject({ inventory_item_id: bodyId('inventory_item_id'), ...levelFields }, strictBody);

export const BulkLevelBatchRequest = z.strictObject(
  { create: list('create', bulkEntry), update: list('update', bulkEntry), delete: list('delete', bodyId('delete')), force },
  strictBody,
);
export type BulkLevelBatchRequest = z.output<typeof BulkLevelBatchRequest>;

type Entry = { location_id: string; stocked_quantity?: number | undefined; incoming_quantity?: number | undefined };

const change = (itemId: string, entry: Entry): LevelChange => ({
  itemId,
  locationId: entry.location_id,
  stockedQuantity: entry.stocked_quantity,
  incomingQuantity: entry.incoming_quantity,
});

export function toItemLevelBatch(itemId: string, body: ItemLevelBatchRequest): LevelBatchRequest {
  return {
    create: (body.create ?? []).map((entry) => change(itemId, entry)),
    update: (body.update ?? []).map((entry) => change(itemId, entry)),
    delete: (body.delete ?? []).map((levelId) => ({ itemId, levelId })),
    force: body.force ?? false,
  };
}

export function toBulkLevelBatch(body: BulkLevelBatchRequest): LevelBatchRequest {
  return {
    create: (body.create ?? []).map((entry) => change(entry.inventory_item_id, entry)),
    update: (body.update ?? []).map((entry) => change(entry.inventory_item_id, entry)),
    delete: (body.delete ?? []).map((levelId) => ({ levelId })),
    force: body.force ?? false,
  };
}

// ---------------------------------------------------------------------------
// Response: the levels as Medusa's batch answers them

const LEVEL_FIELDS = [
  'id',
  'location_id',
  'metadata',
  'inventory_item_id',
  'raw_stocked_quantity',
  'raw_reserved_quantity',
  'raw_incoming_quantity',
  'created_at',
  'updated_at',
  'deleted_at',
  'stocked_quantity',
  'reserved_quantity',
  'incoming_quantity',
];
/** Medusa answers a created level without `available_quantity`, an updated one with it. */
const CREATED = selectionOf(LEVEL_FIELDS, inventoryLevel);
const UPDATED = selectionOf([...LEVEL_FIELDS, 'available_quantity'], inventoryLevel);

const Level = responseSchema(inventoryLevel, [ALWAYS_SELECTED]);

export const LevelBatchResponse = z.object({ created: z.array(Level), updated: z.array(Level), deleted: z.optional(z.array(z.string())) });

/** The bulk route leaves `deleted` out when the request gives no `delete`, as Medusa does. */
export function levelBatchResponse(result: LevelBatchResult, withDeleted = true): z.output<typeof LevelBatchResponse> {
  return {
    created: result.created.map((source) => project(source, inventoryLevel, CREATED)),
    updated: result.updated.map((source) => project(source, inventoryLevel, UPDATED)),
    ...(withDeleted ? { deleted: result.deleted } : {}),
  };
}

/** Medusa's batch words a missing item or level its own way. */
export const batchNotFound = (objectType: string, objectId: string, detail: { inventoryItemId?: string }) => {
  if (objectType === 'InventoryItem') return `You tried to set relationship inventory_item_id: ${objectId}, but such entity does not exist`;
  if (objectType === 'LocationLevel') return `Item ${detail.inventoryItemId ?? ''} is not stocked at location ${objectId}`;
  return undefined;
};
