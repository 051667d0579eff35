import type { Attach } from '#shared/domain/attachment';
import { nowIso, type Level, type LocationLevel } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { ConcurrentChangeError, NotAllowedError } from '#shared/domain/errors';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { existingItem, existingLevel, type Actor, type LevelQuantities, type LocationLevelStore } from '#shared/domain/locationLevel';
import { isLowStock, movementOf, type StockMovement } from '#shared/domain/stock';
import { adjust, MOVEMENT_DEADLINE_MS } from '#shared/domain/stockMovement';

/** The reason the history gives for a change of stocked_quantity through Medusa. */
export const MEDUSA_LEVEL_UPDATE = 'medusa-level-update';

/**
 * Sets the stocked and/or incoming quantity of an existing level: a movement of its ledger entry.
 * On hand moves by the difference to the posted stocked_quantity (history kind 'adjusted', reason
 * medusa-level-update), within the floors every movement keeps (at least what is reserved, at most
 * MAX_QTY); incoming takes the posted value. Decided on the entry as read and written only over its
 * version, with its views and history entry, as ShopSynch's movements are; a movement committed in
 * between makes it read and decide again. Returns the item as the write left it.
 */
export async function updateLocationLevel(
  store: LocationLevelStore,
  actor: Actor,
  request: { itemId: string; locationId: string } & LevelQuantities,
  attach?: Attach<StockedItem>,
): Promise<StockedItem> {
  const { tenantId } = actor;
  return retryOnConcurrentChange(
    async () => {
      const stocked = await existingItem(store, tenantId, request.itemId);
      const view = existingLevel(stocked, request.locationId);
      const showing = (level: LocationLevel) => ({
        item: stocked.item,
        levels: stocked.levels.map((current) => (current === view ? level : current)),
      });
      if (view.stockRecordId === undefined) return updateUnmigrated(store, view, request, showing, attach);

      const level = await entryOf(store, tenantId, view);
      const { next, change, view: shown } = setQuantities(level, view, request, nowIso());
      const result = showing(shown);
      await store.writeMovement(next, movementOf(next, change, actor.subject), !isLowStock(level) && isLowStock(next), attach?.(result));
      return result;
    },
    // Many writers may contend for one level through every API: keep trying as ShopSynch's movements do.
    { deadline: Date.now() + MOVEMENT_DEADLINE_MS },
  );
}

/** On hand set to `stocked`: an adjustment by the difference; none (a confirmed count) when it is unchanged. */
function setStocked(
  level: Level,
  stocked: number,
): { next: Level; change: Pick<StockMovement, 'kind' | 'qty' | 'reason' | 'reference' | 'notes'> } {
  if (stocked === level.onHandQty)
    return { next: level, change: { kind: 'adjusted', qty: 0, reason: MEDUSA_LEVEL_UPDATE, reference: null, notes: null } };
  return adjust({ qty: stocked - level.onHandQty, reason: MEDUSA_LEVEL_UPDATE })(level);
}

/**
 * The entry with the quantities Medusa posts: on hand set to stocked_quantity (`setStocked`), incoming
 * as posted, one version on; with the movement it takes and the level's view showing the entry after it.
 */
export function setQuantities(level: Level, view: LocationLevel, quantities: LevelQuantities, at: string) {
  const { next: moved, change } = setStocked(level, quantities.stockedQuantity ?? level.onHandQty);
  const next: Level = {
    ...moved,
    incomingQty: quantities.incomingQuantity ?? level.incomingQty,
    version: level.version + 1,
    updatedAt: at,
    lastAdjustedAt: change.qty === 0 ? level.lastAdjustedAt : at,
  };
  return { next, change, view: viewShowing(view, next) };
}

/** A level's view showing its entry as `next`: its quantities, its version and a copy of it. */
export const viewShowing = (view: LocationLevel, next: Level): LocationLevel => ({
  ...view,
  stockedQuantity: next.onHandQty,
  reservedQuantity: next.reservedQty,
  incomingQuantity: next.incomingQty,
  version: next.version,
  ledger: next,
  updatedAt: next.updatedAt,
});

/** A level stored before the ledger, with the quantities Medusa posts: it is updated in place until it is migrated. */
export const setUnmigrated = (view: LocationLevel, quantities: LevelQuantities, at: string): LocationLevel => ({
  ...view,
  stockedQuantity: quantities.stockedQuantity ?? view.stockedQuantity,
  incomingQuantity: quantities.incomingQuantity ?? view.incomingQuantity,
  updatedAt: at,
});

/** A level stored before the ledger keeps being updated in place until it is migrated. */
async function updateUnmigrated(
  store: LocationLevelStore,
  view: LocationLevel,
  request: LevelQuantities,
  showing: (level: LocationLevel) => StockedItem,
  attach: Attach<StockedItem> | undefined,
): Promise<StockedItem> {
  const level = setUnmigrated(view, request, nowIso());
  const set = (['stockedQuantity', 'incomingQuantity'] as const).filter((quantity) => request[quantity] !== undefined);
  const result = showing(level);
  await store.updateLevel(level, set, attach?.(result));
  return result;
}

/**
 * Removes a level that holds nothing on hand or reserved, as Medusa 2.21 refuses to remove one with
 * reservations (its route) or stocked units (its delete workflow, unforced): the ledger never drops
 * units. Units only incoming do not hold a level, there either. An empty level goes with its views and its history. Returns the level
 * and the item as the write left it.
 */
export async function deleteLocationLevel(
  store: LocationLevelStore,
  actor: Actor,
  request: { itemId: string; locationId: string },
  attach?: Attach<{ level: LocationLevel; parent: StockedItem }>,
): Promise<{ level: LocationLevel; parent: StockedItem }> {
  return retryOnConcurrentChange(async () => {
    const stocked = await existingItem(store, actor.tenantId, request.itemId);
    const view = existingLevel(stocked, request.locationId);
    const level = view.stockRecordId === undefined ? undefined : await entryOf(store, actor.tenantId, view);
    refuseRemoval(
      request,
      level
        ? { reserved: level.reservedQty, incoming: level.incomingQty, stocked: level.onHandQty, records: level.orderCloudRecordIds }
        : { reserved: view.reservedQuantity, incoming: view.incomingQuantity, stocked: view.stockedQuantity, records: [] },
    );
    const result = { level: view, parent: { item: stocked.item, levels: stocked.levels.filter((current) => current !== view) } };
    if (level) await store.removeLevel(level, attach?.(result));
    else await store.deleteLevel(view, attach?.(result));
    return result;
  });
}

function refuseRemoval(
  request: { itemId: string; locationId: string },
  held: { reserved: number; incoming: number; stocked: number; records: string[] },
): void {
  const detail = { inventoryItemId: request.itemId, locationId: request.locationId };
  const at = `The level of ${request.itemId} at ${request.locationId}`;
  if (held.reserved > 0) throw new NotAllowedError('level-has-reservations', `${at} holds reservations`, detail);
  if (held.stocked > 0) throw new NotAllowedError('level-has-stock', `${at} has units on hand`, detail);
  if (held.records.length > 0) {
    throw new NotAllowedError('level-has-inventory-records', `${at} is shown by inventory records`, { ...detail, recordIds: held.records });
  }
}

/**
 * The entry a view names, as the view's copy shows it at the view's version (the write holds
 * it to that version); a view written before it carried a copy reads the entry. Gone means
 * removed (with the view) since the view was read: read again, and the level is gone.
 */
async function entryOf(store: LocationLevelStore, tenantId: string, view: LocationLevel): Promise<Level> {
  if (view.ledger) return view.ledger;
  const level = await store.readLevel(tenantId, view.stockRecordId!);
  if (!level) throw new ConcurrentChangeError('The level was removed since its view was read');
  return level;
}
