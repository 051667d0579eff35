import type { StockRecord } from '#shared/domain/catalog';
import { availableQty } from '#shared/domain/stock';

/** The InventoryLowStock event: the record right after the movement that took it to or below its reorder level. */
export interface InventoryLowStock {
  /** `<recordId>#<version>`: one per crossing, so a subscriber can drop a duplicate delivery. */
  eventId: string;
  tenantId: string;
  recordId: string;
  productId: string;
  skuId: string | null;
  warehouseId: string;
  warehouseName: string;
  onHandQty: number;
  reservedQty: number;
  availableQty: number;
  reorderLevel: number;
  reorderQty: number | null;
  version: number;
  at: string;
}

/** The crossings still owed: one outbox entry each, written by the movement's own transaction. */
export interface LowStockOutbox {
  isPending(record: StockRecord): Promise<boolean>;
  /** Removes the entry once its event is out: a redelivered stream record then finds nothing to do. */
  markPublished(record: StockRecord): Promise<void>;
}

export interface LowStockPublisher {
  publish(event: InventoryLowStock): Promise<void>;
}

export function lowStockEvent(record: StockRecord): InventoryLowStock {
  return {
    eventId: `${record.id}#${record.version}`,
    tenantId: record.tenantId,
    recordId: record.id,
    productId: record.productId,
    skuId: record.variantId,
    warehouseId: record.locationId,
    warehouseName: record.locationName,
    onHandQty: record.onHandQty,
    reservedQty: record.reservedQty,
    availableQty: availableQty(record),
    reorderLevel: record.reorderLevel ?? 0,
    reorderQty: record.reorderQty,
    version: record.version,
    at: record.updatedAt,
  };
}

/**
 * Publishes one crossing, once: only while its outbox entry exists, which is removed
 * after the event is out. A stream record delivered again (a retry, a bisected batch)
 * finds the entry gone and publishes nothing. Only a failure between publishing and
 * removing the entry can repeat an event; `eventId` lets a subscriber drop it.
 */
export async function publishLowStockCrossing(
  outbox: LowStockOutbox,
  publisher: LowStockPublisher,
  record: StockRecord,
): Promise<'published' | 'already-published'> {
  if (!(await outbox.isPending(record))) return 'already-published';
  await publisher.publish(lowStockEvent(record));
  await outbox.markPublished(record);
  return 'published';
}
