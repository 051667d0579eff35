import * as z from 'zod/mini';
import { identity } from '#functions/commons/identity';
import type { Location, StockRecord } from '#shared/domain/catalog';
import { IDENTITY_PROBLEMS } from '#shared/domain/identity';
import { availableQty, type NewStockRecord } from '#shared/domain/stock';

/** Messages name the field, as ShopSynch's single-message errors must. Surrounding whitespace is trimmed, as it always was here. */
export const requiredId = (field: string) =>
  identity(
    z
      .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) })
      .check(z.trim(), z.minLength(1, `${field} must not be empty`), z.maxLength(200, `${field} must be at most 200 characters`)),
    (problem) => `${field} ${IDENTITY_PROBLEMS[problem]}`,
  );

export const quantity = (field: string) =>
  // z.int: a safe integer (multipleOf(1) lets 1e-320 through, which DynamoDB cannot store).
  z
    .int({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be an integer`) })
    .check(z.gte(0, `${field} must be 0 or greater`), z.lte(1_000_000_000, `${field} must be at most 1000000000`));

export const CreateInventoryRequest = z.object(
  {
    productId: requiredId('productId'),
    skuId: z.optional(requiredId('skuId')),
    warehouseId: requiredId('warehouseId'),
    initialQty: quantity('initialQty'),
    location: z.optional(
      z.string({ error: 'location must be a string' }).check(z.maxLength(100, 'location must be at most 100 characters')),
    ),
    reorderLevel: z.optional(quantity('reorderLevel')),
    reorderQty: z.optional(quantity('reorderQty')),
    variantAttributes: z.optional(
      z.record(
        z.string().check(z.maxLength(100, 'variantAttributes names must be at most 100 characters')),
        z
          .string({ error: 'variantAttributes values must be strings' })
          .check(z.maxLength(200, 'variantAttributes values must be at most 200 characters')),
        { error: 'variantAttributes must be an object of strings' },
      ),
    ),
  },
  { error: 'Request body must be a JSON object' },
);

export type CreateInventoryRequest = z.output<typeof CreateInventoryRequest>;

export function toNewStockRecord(body: CreateInventoryRequest): NewStockRecord {
  return {
    productId: body.productId,
    variantId: body.skuId,
    locationId: body.warehouseId,
    bin: body.location,
    onHandQty: body.initialQty,
    reorderLevel: body.reorderLevel,
    reorderQty: body.reorderQty,
    attributes: body.variantAttributes,
  };
}

export const timestamp = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/));
const nullableCount = z.nullable(z.int());

/** The documented 200 body; the mapper below is typed by it and the OpenAPI document generated from it. */
export const InventoryRecordResponse = z.object({
  status: z.literal(true),
  data: z.object({
    id: z.string().check(z.regex(/^inv_[0-9a-f]{32}$/)),
    productId: z.string(),
    skuId: z.nullable(z.string()),
    tenantId: z.string(),
    warehouseId: z.string(),
    warehouseName: z.string(),
    location: z.nullable(z.string()),
    onHandQty: z.int(),
    reservedQty: z.int(),
    availableQty: z.int(),
    reorderLevel: nullableCount,
    reorderQty: nullableCount,
    variantAttributes: z.record(z.string(), z.string()),
    createdAt: timestamp,
    updatedAt: timestamp,
  }),
});

/** Every ShopSynch error. */
export const ErrorResponse = z.object({ status: z.literal(false), message: z.string() });

export function inventoryRecordResponse(record: StockRecord, warehouse: Location): z.output<typeof InventoryRecordResponse> {
  return { status: true, data: inventoryRecordData(record, warehouse.name) };
}

/** A stock record as ShopSynch shows it, at the warehouse named `warehouseName`. */
export function inventoryRecordData(record: StockRecord, warehouseName: string): z.output<typeof InventoryRecordResponse>['data'] {
  return {
    id: record.id,
    productId: record.productId,
    skuId: record.variantId,
    tenantId: record.tenantId,
    warehouseId: record.locationId,
    warehouseName,
    location: record.bin,
    onHandQty: record.onHandQty,
    reservedQty: record.reservedQty,
    availableQty: availableQty(record),
    reorderLevel: record.reorderLevel,
    reorderQty: record.reorderQty,
    variantAttributes: record.attributes,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}
