import { randomUUID } from 'node:crypto';
import { nowIso, type InventoryItem, type Level, type Location, type LocationLevel, type Variant } from '#shared/domain/catalog';
import type { GroupedOutcome, ImportLedgerStore, ItemLevelChange, ItemLevelRead } from '#shared/domain/catalogImportEntries';
import { decideInGroups, type Decision, type Outcome } from '#shared/domain/catalogImportGrouped';
import { BusinessRuleError, ConcurrentChangeError, NotFoundError } from '#shared/domain/errors';
import { levelView, newItemLevel } from '#shared/domain/locationLevel';
import { creationMovement, isLowStock, MAX_QTY, movementOf } from '#shared/domain/stock';
import { adjust } from '#shared/domain/stockMovement';

/**
 * An inventory item's level as the import document gives it (`inventoryItems[].levels`), written
 * through the ledger as Medusa's own level writes are: a new level is created as Medusa's create
 * makes one (the ledger entry with its first history entry, reason `import`, and Medusa's view in
 * its transaction; the level of the item's owner when it has one, counted on it); an existing
 * level moves as Medusa's update moves it (one movement, reason `import`, none when equal).
 * Reservations belong to orders: a new level takes the document's, an existing one must already
 * hold them. The document's levels are read together and written many to a transaction
 * (decideInGroups), each write conditional on what was read, as the single write's is.
 */

type Actor = { tenantId: string; subject: string };

export interface ImportedLevel {
  itemId: string;
  locationId: string;
  stocked: number;
  reserved: number;
  incoming: number;
}

/** The reason every history entry the import writes gives. */
export const IMPORT_REASON = 'import';

/** The level's name in Medusa when the import makes it: derived from its item and location, as the fixtures loader names it. */
export const importedLevelId = (itemId: string, locationId: string) => `ilev_${itemId}_${locationId}`;

/** A level's outcome once decided, with its Medusa ID (a refused one has none: importedLevelId names it). */
type Named = Outcome & { id: string };

/** Sets each item's level at its location as the document gives it; answers each one's outcome, in their order. */
export function importItemLevels(store: ImportLedgerStore, actor: Actor, wanted: readonly ImportedLevel[]): Promise<(Named | Outcome)[]> {
  return decideInGroups<ImportedLevel, ItemLevelRead, ItemLevelChange, GroupedOutcome, Named>(wanted, {
    read: (entries) => store.readItemLevels(actor.tenantId, entries),
    decide: (entry, read) => decideLevel(actor, entry, read),
    write: (changes) => store.writeItemLevelChanges(changes),
    // One level: its item and location.
    key: ({ itemId, locationId }) => `${itemId}\u0000${locationId}`,
    transient: store.transient,
  });
}

/** One level over what was read: refused, unchanged, a new level, a movement, or a level stored before the ledger set in place. */
function decideLevel(actor: Actor, wanted: ImportedLevel, read: ItemLevelRead): Decision<ItemLevelChange, Named> {
  if ('unreadable' in read) throw read.unreadable;
  const { item, location, view, level } = read;
  if (!item) throw new NotFoundError('InventoryItem', wanted.itemId);
  if (view?.stockRecordId === undefined) {
    if (view) return unmigrated(view, wanted);
    if (!location) throw new NotFoundError('Location', wanted.locationId);
    return {
      change: newLevel(actor, item, location, read.ownerVariant, wanted),
      written: { result: 'created', id: importedLevelId(wanted.itemId, wanted.locationId) },
    };
  }
  // Removed with its view since the view was read: read again.
  if (!level) throw new ConcurrentChangeError('The level was removed since its view was read');
  refuseOtherReservations(wanted, level.reservedQty);
  if (level.onHandQty === wanted.stocked && level.incomingQty === wanted.incoming) return { outcome: { result: 'unchanged', id: view.id } };
  return { change: move(actor.subject, level, wanted), written: { result: 'updated', id: view.id } };
}

/** A new level as Medusa's create makes one, its first history entry with reason `import` and the document's reservations. */
function newLevel(
  actor: Actor,
  item: InventoryItem,
  location: Location,
  ownerVariant: Variant | undefined,
  wanted: ImportedLevel,
): ItemLevelChange {
  if (wanted.reserved > wanted.stocked)
    throw new BusinessRuleError(
      'on-hand-below-reserved',
      `${wanted.reserved} reserved is above the ${wanted.stocked} stocked at ${wanted.locationId}: a level never reserves more than it holds`,
      { change: wanted.stocked, onHand: wanted.stocked, reserved: wanted.reserved },
    );
  if (wanted.stocked > MAX_QTY)
    throw new BusinessRuleError('on-hand-above-maximum', `Stocking ${wanted.stocked} takes on hand above ${MAX_QTY}`, {
      change: wanted.stocked,
      maximum: MAX_QTY,
    });
  // An owner's levels carry its variant's attributes, as Medusa's create and ShopSynch's records do.
  let attributes: Record<string, string> = {};
  if (item.owner?.variantId) {
    if (!ownerVariant) throw new NotFoundError('Variant', item.owner.variantId, { productId: item.owner.productId });
    attributes = ownerVariant.attributes;
  }
  const level = newItemLevel({
    id: `inv_${randomUUID().replaceAll('-', '')}`,
    levelId: importedLevelId(item.id, wanted.locationId),
    item,
    location,
    onHandQty: wanted.stocked,
    reservedQty: wanted.reserved,
    incomingQty: wanted.incoming,
    attributes,
    at: nowIso(),
  });
  return { kind: 'insert', level, created: { ...creationMovement(level, actor.subject), reason: IMPORT_REASON }, view: levelView(level) };
}

/** Stocked and incoming as Medusa's update sets them: one movement, on hand by the difference (within its floors). */
function move(subject: string, level: Level, wanted: ImportedLevel): ItemLevelChange {
  const at = nowIso();
  const { next: moved, change } =
    wanted.stocked === level.onHandQty
      ? { next: level, change: { kind: 'adjusted' as const, qty: 0, reason: IMPORT_REASON, reference: null, notes: null } }
      : adjust({ qty: wanted.stocked - level.onHandQty, reason: IMPORT_REASON })(level);
  const next: Level = {
    ...moved,
    incomingQty: wanted.incoming,
    version: level.version + 1,
    updatedAt: at,
    lastAdjustedAt: change.qty === 0 ? level.lastAdjustedAt : at,
  };
  return { kind: 'move', next, movement: movementOf(next, change, subject), enteredLowStock: !isLowStock(level) && isLowStock(next) };
}

/** Orders hold reservations, through the APIs: the import neither makes nor releases them. */
function refuseOtherReservations(wanted: ImportedLevel, reserved: number): void {
  if (wanted.reserved !== reserved)
    throw new BusinessRuleError(
      'reserved-not-imported',
      `${wanted.reserved} reserved differs from the ${reserved} reserved at ${wanted.locationId}: reservations belong to orders, and the import does not move them`,
      { locationId: wanted.locationId, reserved, given: wanted.reserved },
    );
}

/** A level stored before the ledger is set in place until it is migrated, as Medusa's update sets it. */
function unmigrated(view: LocationLevel, wanted: ImportedLevel): Decision<ItemLevelChange, Named> {
  refuseOtherReservations(wanted, view.reservedQuantity);
  if (view.stockedQuantity === wanted.stocked && view.incomingQuantity === wanted.incoming)
    return { outcome: { result: 'unchanged', id: view.id } };
  if (wanted.stocked < view.reservedQuantity)
    throw new BusinessRuleError('on-hand-below-reserved', `${wanted.stocked} stocked is below the ${view.reservedQuantity} reserved`, {
      change: wanted.stocked - view.stockedQuantity,
      onHand: wanted.stocked,
      reserved: view.reservedQuantity,
    });
  return {
    change: {
      kind: 'unmigrated',
      level: { ...view, stockedQuantity: wanted.stocked, incomingQuantity: wanted.incoming, updatedAt: nowIso() },
      set: ['stockedQuantity', 'incomingQuantity'],
    },
    written: { result: 'updated', id: view.id },
  };
}
