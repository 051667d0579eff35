import * as z from 'zod';
import type { Location, StockRecord } from '#shared/domain/catalog';
import type { NewStockRecord } from '#shared/domain/stock';

/** Messages name the field, as ShopSynch's single-message errors must. */
const requiredId = (field: string) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be a string`) })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(200, `${field} must be at most 200 characters`);

const quantity = (field: string) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be an integer`) })
    .int(`${field} must be an integer`)
    .min(0, `${field} must be 0 or greater`)
    .max(1_000_000_000, `${field} must be at most 1000000000`);

export const CreateInventoryRequest = z.object(
  {
    productId: requiredId('productId'),
    skuId: requiredId('skuId').optional(),
    warehouseId: requiredId('warehouseId'),
    initialQty: quantity('initialQty'),
    location: z
      .string({ error: 'location must be a string' })
      .max(100, 'location must be at most 100 characters')
      .optional(),
    reorderLevel: quantity('reorderLevel').optional(),
    reorderQty: quantity('reorderQty').optional(),
    variantAttributes: z
      .record(
        z.string().max(100, 'variantAttributes names must be at most 100 characters'),
        z.string({ error: 'variantAttributes values must be strings' }).max(200, 'variantAttributes values must be at most 200 characters'),
        { error: 'variantAttributes must be an object of strings' },
      )
      .optional(),
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

/** The documented 200 body. */
export function inventoryRecordResponse(record: StockRecord, warehouse: Location) {
  return {
    status: true,
    data: {
      id: record.id,
      productId: record.productId,
      skuId: record.variantId,
      tenantId: record.tenantId,
      warehouseId: record.locationId,
      warehouseName: warehouse.name,
      location: record.bin,
      onHandQty: record.onHandQty,
      reservedQty: record.reservedQty,
      availableQty: record.onHandQty - record.reservedQty,
      reorderLevel: record.reorderLevel,
      reorderQty: record.reorderQty,
      variantAttributes: record.attributes,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    },
  };
}
