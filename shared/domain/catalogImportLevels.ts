import { randomUUID } from 'node:crypto';
import { nowIso, type Level, type LocationLevel } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, ConcurrentChangeError, ConflictError, IDENTITY_RULES, NotFoundError } from '#shared/domain/errors';
import { levelView, newItemLevel, type LocationLevelStore } from '#shared/domain/locationLevel';
import { creationMovement, isLowStock, MAX_QTY, movementOf } from '#shared/domain/stock';
import { adjust, MOVEMENT_DEADLINE_MS } from '#shared/domain/stockMovement';

/**
 * An inventory item's level as the import document gives it (`inventoryItems[].levels`), written
 * through the ledger as Medusa's own level writes are: a new level is created as Medusa's create
 * makes one (the ledger entry with its first history entry, reason `import`, and Medusa's view in
 * its transaction; the level of the item's owner when it has one, counted on it); an existing
 * level moves as Medusa's update moves it (one movement, reason `import`, none when equal).
 * Reservations belong to orders: a new level takes the document's, an existing one must already
 * hold them.
 */

/** The storage the import's item levels go through: Medusa's level store, the ledger's writes. */
export type ImportLevelStore = Pick<
  LocationLevelStore,
  'readCreateContext' | 'readOwnerVariant' | 'readLevel' | 'insertLevel' | 'writeMovement' | 'updateLevel'
>;

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

/** Sets the item's level at the location as the document gives it; answers the result and the level's Medusa ID. */
export async function setItemLevel(
  store: ImportLevelStore,
  actor: { tenantId: string; subject: string },
  wanted: ImportedLevel,
): Promise<{ result: 'created' | 'updated' | 'unchanged'; id: string }> {
  const { tenantId } = actor;
  return retryOnConcurrentChange(
    async () => {
      const { stocked, location } = await store.readCreateContext(tenantId, wanted.itemId, wanted.locationId);
      if (!stocked) throw new NotFoundError('InventoryItem', wanted.itemId);
      const view = stocked.levels.find((level) => level.locationId === wanted.locationId);
      if (view?.stockRecordId === undefined) {
        if (view) return { result: await updateUnmigrated(store, view, wanted), id: view.id };
        if (!location) throw new NotFoundError('Location', wanted.locationId);
        await createLevel(store, actor, stocked.item, location, wanted);
        return { result: 'created', id: importedLevelId(wanted.itemId, wanted.locationId) };
      }
      const level = await store.readLevel(tenantId, view.stockRecordId);
      // Removed with its view since the view was read: read again.
      if (!level) throw new ConcurrentChangeError('The level was removed since its view was read');
      refuseOtherReservations(wanted, level.reservedQty);
      if (level.onHandQty === wanted.stocked && level.incomingQty === wanted.incoming) return { result: 'unchanged', id: view.id };
      await move(store, actor.subject, level, wanted);
      return { result: 'updated', id: view.id };
    },
    // The level is every API's: keep trying while other writers move it, as Medusa's update does.
    { deadline: Date.now() + MOVEMENT_DEADLINE_MS },
  );
}

async function createLevel(
  store: ImportLevelStore,
  actor: { tenantId: string; subject: string },
  item: Parameters<typeof newItemLevel>[0]['item'],
  location: Parameters<typeof newItemLevel>[0]['location'],
  wanted: ImportedLevel,
): Promise<void> {
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
    const variant = await store.readOwnerVariant(actor.tenantId, item.owner.productId, item.owner.variantId);
    if (!variant) throw new NotFoundError('Variant', item.owner.variantId, { productId: item.owner.productId });
    attributes = variant.attributes;
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
  try {
    await store.insertLevel(level, { ...creationMovement(level, actor.subject), reason: IMPORT_REASON }, levelView(level));
  } catch (error) {
    // Another request made the level meanwhile: read it, and move it instead.
    if (error instanceof ConflictError && error.is(IDENTITY_RULES.levelPerLocation))
      throw new ConcurrentChangeError('A level was made at this location since it was read');
    throw error;
  }
}

/** Stocked and incoming as Medusa's update sets them: one movement, on hand by the difference (within its floors). */
async function move(store: ImportLevelStore, subject: string, level: Level, wanted: ImportedLevel): Promise<void> {
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
  await store.writeMovement(next, movementOf(next, change, subject), !isLowStock(level) && isLowStock(next));
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
async function updateUnmigrated(store: ImportLevelStore, view: LocationLevel, wanted: ImportedLevel): Promise<'updated' | 'unchanged'> {
  refuseOtherReservations(wanted, view.reservedQuantity);
  if (view.stockedQuantity === wanted.stocked && view.incomingQuantity === wanted.incoming) return 'unchanged';
  if (wanted.stocked < view.reservedQuantity)
    throw new BusinessRuleError('on-hand-below-reserved', `${wanted.stocked} stocked is below the ${view.reservedQuantity} reserved`, {
      change: wanted.stocked - view.stockedQuantity,
      onHand: wanted.stocked,
      reserved: view.reservedQuantity,
    });
  await store.updateLevel({ ...view, stockedQuantity: wanted.stocked, incomingQuantity: wanted.incoming, updatedAt: nowIso() }, [
    'stockedQuantity',
    'incomingQuantity',
  ]);
  return 'updated';
}
