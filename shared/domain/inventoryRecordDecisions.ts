import { randomUUID } from 'node:crypto';
import { nowIso, type Location, type StockRecord } from '#shared/domain/catalog';
import { MAX_XP_BYTES, requireJsonWithin } from '#shared/domain/bounds';
import { BusinessRuleError, ConcurrentChangeError, ConflictError, IDENTITY_RULES, NotMigratedError } from '#shared/domain/errors';
import {
  requireAddress,
  requireOwners,
  type InventoryRecord,
  type InventoryRecordFields,
  type InventoryRecordView,
  type RecordContext,
  type RecordLevelChange,
  type RecordOwner,
} from '#shared/domain/inventoryRecord';
import { newLevelId, ownItemFor, ownItemId } from '#shared/domain/ownItem';
import {
  moveLevel,
  newRecordLevel,
  recordShowing,
  requireLevelNumbers,
  type LevelRequest,
  type OwnFields,
  type RecordReason,
} from '#shared/domain/recordLevel';
import { movementOf } from '#shared/domain/stock';

/**
 * What OrderCloud's writes of inventory records decide, nothing read or written: the record a
 * create makes and the level it names, the naming of a level another API made, what a Save or
 * Patch changes. The routes (inventoryRecordLedger.ts) and the catalog import decide with these.
 */

export type Actor = { tenantId: string; subject: string };

/**
 * What a Save asks of an existing record, nothing read or written: the body's own fields (defaults
 * for those left out) at the address it names, which must be the owner's, and the level's numbers.
 */
export function savedOver(
  actor: Actor,
  previous: InventoryRecord,
  location: Location | undefined,
  fields: InventoryRecordFields,
  pathId: string,
): { existing: InventoryRecordView; own: OwnFields; level: LevelRequest } {
  const ownerId = fields.ownerId ?? actor.tenantId;
  const address = requireAddress(location, fields.addressId, ownerId);
  const own: OwnFields = {
    id: fields.id ?? pathId,
    ownerId,
    allowAllBuyers: fields.allowAllBuyers ?? true,
    orderCanExceed: fields.orderCanExceed ?? false,
    xp: fields.xp ?? {},
  };
  requireJsonWithin('xp', own.xp, MAX_XP_BYTES);
  return {
    existing: { record: previous, address },
    own,
    level: { available: fields.quantityAvailable, reorderLevel: fields.notificationPoint },
  };
}

/** A record as OrderCloud's create makes it, nothing read or written: its rules checked, and the new level it names with its first movement. */
export function newRecord(
  actor: Actor,
  context: RecordContext & { location?: Location | undefined },
  owner: RecordOwner,
  fields: InventoryRecordFields & { id: string },
  reason: RecordReason,
) {
  requireOwners(context, owner);
  const product = context.product!;
  if (product.productType === 'VARIABLE' && owner.variantId === null)
    throw new BusinessRuleError('variant-required', 'A VARIABLE product holds stock by variant');
  if (product.productType !== 'VARIABLE' && owner.variantId !== null)
    throw new BusinessRuleError('variant-not-allowed', `A ${product.productType} product holds stock without variants`, {
      productType: product.productType,
    });
  const ownerId = fields.ownerId ?? actor.tenantId;
  const address = requireAddress(context.location, fields.addressId, ownerId);
  requireLevelNumbers({ available: fields.quantityAvailable, reorderLevel: fields.notificationPoint });
  const own = {
    id: fields.id,
    ownerId,
    allowAllBuyers: fields.allowAllBuyers ?? true,
    orderCanExceed: fields.orderCanExceed ?? false,
    xp: fields.xp ?? {},
  };
  requireJsonWithin('xp', own.xp, MAX_XP_BYTES);

  const at = nowIso();
  const item = ownItemFor(product, context.variant, at);
  const level = newRecordLevel({
    id: `inv_${randomUUID().replaceAll('-', '')}`,
    levelId: newLevelId(),
    itemId: ownItemId(item),
    owner,
    variant: context.variant,
    address,
    recordId: fields.id,
    available: fields.quantityAvailable ?? 0,
    reorderLevel: fields.notificationPoint ?? null,
    at,
  });
  const created = movementOf(level, { kind: 'created', qty: level.onHandQty, reason, reference: fields.id, notes: null }, actor.subject);
  return { own, item, level, created, view: { record: recordShowing(level, own, address), address } };
}

/**
 * A new record naming the level the owner has at its address (made through another API), nothing
 * written: one record per variant (or product) and address, ConflictError(recordPerLevel) for a second one.
 */
export function naming(
  existing: StockRecord,
  made: Pick<ReturnType<typeof newRecord>, 'own' | 'view'>,
  fields: Pick<InventoryRecordFields, 'quantityAvailable' | 'notificationPoint'> & { id: string },
  reason: RecordReason,
  by: string,
): RecordLevelChange & { next: InventoryRecordView } {
  const { address } = made.view;
  const [named] = existing.orderCloudRecordIds;
  if (named !== undefined)
    throw new ConflictError(IDENTITY_RULES.recordPerLevel, `Inventory record ${named} already names this stock at ${address.id}`, {
      recordId: named,
      addressId: address.id,
    });
  const request = { available: fields.quantityAvailable, reorderLevel: fields.notificationPoint, names: [fields.id] };
  const moved = moveLevel(existing, request, reason, fields.id, by);
  return { ...moved, next: { record: recordShowing(moved.level, made.own, address), address } };
}

/**
 * What a Save or Patch changes of an existing record, nothing read or written: its own fields
 * alone (the record as it will be), or its level (`moves`: a version of the level it names).
 */
export function changeOf(
  existing: InventoryRecordView,
  own: OwnFields,
  request: LevelRequest,
): { fields: InventoryRecordView } | { moves: true } {
  const { record: previous, address } = existing;
  if (address.id !== previous.addressId)
    throw new BusinessRuleError('record-address-fixed', `Inventory record ${previous.id} stays at ${previous.addressId}`, {
      recordId: previous.id,
      addressId: previous.addressId,
    });
  requireLevelNumbers(request);
  const renamed = own.id !== previous.id;
  const moves =
    renamed ||
    (request.available !== undefined && request.available !== previous.quantityAvailable) ||
    (request.reorderLevel !== undefined && request.reorderLevel !== previous.notificationPoint);
  if (moves) return { moves: true };
  if (previous.stockRecordId === undefined) throw notMigrated(previous);
  return { fields: { record: { ...previous, ...own, lastUpdated: nowIso() }, address } };
}

/** The version of the level a changed record names, with its history entry and the record as it will show it. */
export function movedRecord(
  level: StockRecord,
  existing: InventoryRecordView,
  own: OwnFields,
  request: LevelRequest,
  reason: RecordReason,
  by: string,
): RecordLevelChange & { next: InventoryRecordView } {
  const { record: previous, address } = existing;
  const names = level.orderCloudRecordIds.map((name) => (name === previous.id ? own.id : name));
  const moved = moveLevel(level, { ...request, names }, reason, own.id, by);
  return { ...moved, previous, next: { record: recordShowing(moved.level, own, address), address } };
}

/** The level a record names, checked as readNamedLevel checks it: `level` is the record's copy, or the level read by its ID. */
export function namedLevel(record: InventoryRecord, level: StockRecord | undefined): StockRecord {
  if (record.stockRecordId === undefined) throw notMigrated(record);
  if (level && level.version !== record.version) throw new ConcurrentChangeError('The level moved since its record was read');
  if (!level || !level.orderCloudRecordIds.includes(record.id))
    throw new Error(`Inventory record ${record.id} names level ${record.stockRecordId}, which does not name it`);
  return level;
}

export const notMigrated = (record: InventoryRecord) =>
  new NotMigratedError(`Inventory record ${record.id} was stored before the stock ledger and names no level`);
