import * as z from 'zod/mini';
import { InventoryRecordResponse, inventoryRecordData, quantity, requiredId, timestamp } from '#functions/shopsynch/dialect/inventory';
import type { StockRecord } from '#shared/domain/catalog';
import { availableQty, MAX_QTY, type Page, type PageRequest, type StockMovement, type StockRecordFilter } from '#shared/domain/stock';
import type { Adjustment, Reservation } from '#shared/domain/stockMovement';

/** The stock lifecycle beyond the create: reads, reservations, adjustments, history and the low-stock report. */

export const RecordPath = z.object({ id: requiredId('id') });
export type RecordPath = z.output<typeof RecordPath>;

const MAX_LIMIT = 100;
const DEFAULT_LIMIT = 50;

const limit = z.optional(
  z.pipe(
    z.string().check(z.regex(/^[0-9]{1,4}$/, `limit must be an integer from 1 to ${MAX_LIMIT}`)),
    z.pipe(
      z.transform(Number),
      z
        .number()
        .check(
          z.gte(1, `limit must be an integer from 1 to ${MAX_LIMIT}`),
          z.lte(MAX_LIMIT, `limit must be an integer from 1 to ${MAX_LIMIT}`),
        ),
    ),
  ),
);
const cursor = z.optional(
  z
    .string()
    .check(
      z.minLength(1, 'cursor must not be empty'),
      z.maxLength(2048, 'cursor is not valid; use the nextCursor of a previous page of this list'),
    ),
);

export const PageQuery = z.object({ limit, cursor });
export const ListQuery = z.object({
  productId: z.optional(requiredId('productId')),
  skuId: z.optional(requiredId('skuId')),
  warehouseId: z.optional(requiredId('warehouseId')),
  limit,
  cursor,
});
export const LowStockQuery = z.object({ warehouseId: z.optional(requiredId('warehouseId')), limit, cursor });

export const toPageRequest = (query: { limit?: number | undefined; cursor?: string | undefined }): PageRequest => ({
  limit: query.limit ?? DEFAULT_LIMIT,
  cursor: query.cursor,
});
export const toFilter = (query: z.output<typeof ListQuery>): StockRecordFilter => ({
  productId: query.productId,
  variantId: query.skuId,
  locationId: query.warehouseId,
});

const optionalText = (field: string, max: number) =>
  z.optional(z.string({ error: `${field} must be a string` }).check(z.maxLength(max, `${field} must be at most ${max} characters`)));

const movedQty = z
  .int({ error: (issue) => (issue.input === undefined ? 'qty is required' : 'qty must be an integer') })
  .check(z.gte(1, 'qty must be greater than 0'), z.lte(MAX_QTY, `qty must be at most ${MAX_QTY}`));

export const ReservationRequest = z.object(
  { qty: movedQty, reference: optionalText('reference', 200), notes: optionalText('notes', 1000) },
  { error: 'Request body must be a JSON object' },
);
export const toReservation = (body: z.output<typeof ReservationRequest>): Reservation => ({
  qty: body.qty,
  reference: body.reference,
  notes: body.notes,
});

export const AdjustmentRequest = z.object(
  {
    qty: z.int({ error: (issue) => (issue.input === undefined ? 'qty is required' : 'qty must be an integer') }).check(
      z.gte(-MAX_QTY, `qty must be at least -${MAX_QTY}`),
      z.lte(MAX_QTY, `qty must be at most ${MAX_QTY}`),
      z.refine((qty) => qty !== 0, 'qty must not be 0'),
    ),
    reason: z
      .string({ error: (issue) => (issue.input === undefined ? 'reason is required' : 'reason must be a string') })
      .check(z.trim(), z.minLength(1, 'reason must not be empty'), z.maxLength(200, 'reason must be at most 200 characters')),
    reference: optionalText('reference', 200),
    reorderLevel: z.optional(quantity('reorderLevel')),
    reorderQty: z.optional(quantity('reorderQty')),
    location: optionalText('location', 100),
  },
  { error: 'Request body must be a JSON object' },
);
export const toAdjustment = (body: z.output<typeof AdjustmentRequest>): Adjustment => ({
  qty: body.qty,
  reason: body.reason,
  reference: body.reference,
  reorderLevel: body.reorderLevel,
  reorderQty: body.reorderQty,
  bin: body.location,
});

const recordData = z.extend(InventoryRecordResponse.shape.data, { lastStockAdjusted: timestamp });
const nextCursor = z.nullable(z.string());

export const StockRecordResponse = z.object({ status: z.literal(true), data: recordData });
export const StockRecordListResponse = z.object({ status: z.literal(true), data: z.array(recordData), nextCursor });

export const StockLevelsResponse = z.object({
  status: z.literal(true),
  data: z.object({ id: z.string(), onHandQty: z.int(), reservedQty: z.int(), availableQty: z.int() }),
});

const lowStockEntry = z.object({
  id: z.string(),
  productId: z.string(),
  skuId: z.nullable(z.string()),
  warehouseId: z.string(),
  warehouseName: z.string(),
  onHandQty: z.int(),
  reservedQty: z.int(),
  availableQty: z.int(),
  reorderLevel: z.int(),
  reorderQty: z.nullable(z.int()),
  variantAttributes: z.record(z.string(), z.string()),
  lastStockAdjusted: timestamp,
});
export const LowStockResponse = z.object({ status: z.literal(true), data: z.array(lowStockEntry), nextCursor });

const movementEntry = z.object({
  version: z.int(),
  type: z.enum(['created', 'reserved', 'released', 'adjusted']),
  qty: z.int(),
  reason: z.nullable(z.string()),
  reference: z.nullable(z.string()),
  notes: z.nullable(z.string()),
  onHandQty: z.int(),
  reservedQty: z.int(),
  availableQty: z.int(),
  by: z.string(),
  at: timestamp,
});
export const MovementsResponse = z.object({ status: z.literal(true), data: z.array(movementEntry), nextCursor });

function recordFields(record: StockRecord): z.output<typeof recordData> {
  return { ...inventoryRecordData(record, record.locationName), lastStockAdjusted: record.lastAdjustedAt };
}

export const stockRecordResponse = (record: StockRecord): z.output<typeof StockRecordResponse> => ({
  status: true,
  data: recordFields(record),
});

export const stockRecordListResponse = (page: Page<StockRecord>): z.output<typeof StockRecordListResponse> => ({
  status: true,
  data: page.items.map(recordFields),
  nextCursor: page.nextCursor,
});

export const stockLevelsResponse = (record: StockRecord): z.output<typeof StockLevelsResponse> => ({
  status: true,
  data: { id: record.id, onHandQty: record.onHandQty, reservedQty: record.reservedQty, availableQty: availableQty(record) },
});

/** Only low records reach here, and a low record has a reorder level. */
export const lowStockResponse = (page: Page<StockRecord>): z.output<typeof LowStockResponse> => ({
  status: true,
  data: page.items.map((record) => ({
    id: record.id,
    productId: record.productId,
    skuId: record.variantId,
    warehouseId: record.locationId,
    warehouseName: record.locationName,
    onHandQty: record.onHandQty,
    reservedQty: record.reservedQty,
    availableQty: availableQty(record),
    reorderLevel: record.reorderLevel ?? 0,
    reorderQty: record.reorderQty,
    variantAttributes: record.attributes,
    lastStockAdjusted: record.lastAdjustedAt,
  })),
  nextCursor: page.nextCursor,
});

export const movementsResponse = (page: Page<StockMovement>): z.output<typeof MovementsResponse> => ({
  status: true,
  data: page.items.map((movement) => ({
    version: movement.version,
    type: movement.kind,
    qty: movement.qty,
    reason: movement.reason,
    reference: movement.reference,
    notes: movement.notes,
    onHandQty: movement.onHandQty,
    reservedQty: movement.reservedQty,
    availableQty: availableQty(movement),
    by: movement.by,
    at: movement.at,
  })),
  nextCursor: page.nextCursor,
});
