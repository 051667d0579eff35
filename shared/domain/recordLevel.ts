import { nowIso, type Location, type StockRecord, type Variant } from '#shared/domain/catalog';
import { BusinessRuleError } from '#shared/domain/errors';
import type { InventoryRecord, RecordOwner } from '#shared/domain/inventoryRecord';
import { availableQty, isLowStock, MAX_QTY, movementOf, newStockRecord } from '#shared/domain/stock';

/**
 * What OrderCloud's writes decide of the level a record names, with nothing read or written
 * here: a new level named by a record, the next version of a level (on hand, reorder level,
 * names), and the record as it shows its level.
 */

/** The history reason of a level's version written through OrderCloud. */
export type RecordReason = 'ordercloud-create' | 'ordercloud-save' | 'ordercloud-patch' | 'ordercloud-delete';

/** What a write asks of the level: undefined leaves a number as it is. */
export interface LevelRequest {
  available?: number | undefined;
  reorderLevel?: number | null | undefined;
  names?: string[];
}

/** The record's own fields, apart from the level's numbers. */
export type OwnFields = Pick<InventoryRecord, 'id' | 'ownerId' | 'allowAllBuyers' | 'orderCanExceed' | 'xp'>;

/** A new level of the owner's own item at the address, named by the record: `available` on hand, none reserved. */
export function newRecordLevel(fields: {
  id: string;
  levelId: string;
  itemId: string;
  owner: RecordOwner;
  variant: Variant | undefined;
  address: Location;
  recordId: string;
  available: number;
  reorderLevel: number | null;
  at: string;
}): StockRecord & { inventoryItemId: string; levelId: string } {
  requireAtMostMaximum(fields.available);
  const level = newStockRecord({
    id: fields.id,
    tenantId: fields.address.tenantId,
    inventoryItemId: fields.itemId,
    levelId: fields.levelId,
    productId: fields.owner.productId,
    variantId: fields.owner.variantId,
    location: fields.address,
    bin: null,
    onHandQty: fields.available,
    reservedQty: 0,
    reorderLevel: fields.reorderLevel,
    reorderQty: null,
    attributes: fields.variant?.attributes ?? {},
    countedAt: null,
    orderCloudRecordIds: [fields.recordId],
    at: fields.at,
  });
  return { ...level, inventoryItemId: fields.itemId, levelId: fields.levelId };
}

/** The level's next version: on hand moved so that what is available is `available`, the reorder level and names as asked. */
export function moveLevel(level: StockRecord, request: LevelRequest, reason: RecordReason, reference: string, by: string) {
  const change = request.available === undefined ? 0 : request.available - availableQty(level);
  const onHandQty = level.onHandQty + change;
  requireAtMostMaximum(onHandQty, change);
  const at = nowIso();
  const next: StockRecord = {
    ...level,
    onHandQty,
    reorderLevel: request.reorderLevel === undefined ? level.reorderLevel : request.reorderLevel,
    orderCloudRecordIds: request.names ?? level.orderCloudRecordIds,
    version: level.version + 1,
    // A version that names the level or sets its reorder level, moving no units, is counted apart.
    ...(change === 0 ? { namingVersions: (level.namingVersions ?? 0) + 1 } : {}),
    updatedAt: at,
    lastAdjustedAt: change === 0 ? level.lastAdjustedAt : at,
  };
  return {
    level: next,
    movement: movementOf(next, { kind: 'adjusted', qty: change, reason, reference, notes: null }, by),
    enteredLowStock: !isLowStock(level) && isLowStock(next),
  };
}

/** The record as it shows the level: its own fields, and the level's numbers and version. */
export function recordShowing(level: StockRecord, own: OwnFields, address: Location): InventoryRecord {
  return {
    ...own,
    tenantId: level.tenantId,
    productId: level.productId,
    variantId: level.variantId,
    addressId: address.id,
    quantityAvailable: availableQty(level),
    notificationPoint: level.reorderLevel,
    lastUpdated: level.updatedAt,
    stockRecordId: level.id,
    version: level.version,
    ledger: level,
  };
}

/** The units are every API's: what is available, and the reorder level, never go below zero. */
export function requireLevelNumbers({ available, reorderLevel }: LevelRequest): void {
  if (available !== undefined && available < 0)
    throw new BusinessRuleError('available-below-zero', `QuantityAvailable ${available} is below zero`, { available });
  if (reorderLevel !== undefined && reorderLevel !== null && reorderLevel < 0)
    throw new BusinessRuleError('reorder-level-below-zero', `NotificationPoint ${reorderLevel} is below zero`, { reorderLevel });
}

function requireAtMostMaximum(onHandQty: number, change = onHandQty): void {
  if (onHandQty > MAX_QTY)
    throw new BusinessRuleError('on-hand-above-maximum', `On hand would be ${onHandQty}, above ${MAX_QTY}`, { change, maximum: MAX_QTY });
}
