import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type LocationLevel } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { ConflictError, IDENTITY_RULES, NotAllowedError, NotFoundError } from '#shared/domain/errors';
import { newMedusaId, type StockedItem } from '#shared/domain/inventoryLink';

/** The storage an inventory item's location levels need. */
export interface LocationLevelStore {
  /** The item with its levels (one query of its partition), or undefined. */
  readItem(tenantId: string, itemId: string): Promise<StockedItem | undefined>;
  /** Writes a new level, with item and location still there (NotFoundError), unless the pair has one: ConflictError(levelPerLocation). */
  insertLevel(level: LocationLevel, attachment?: Attachment): Promise<void>;
  /**
   * Sets the quantities named in `set` to the level's; the quantities the request left alone
   * (and reserved) must still be as read, since the answer shows them (ConcurrentChangeError otherwise).
   */
  updateLevel(level: LocationLevel, set: readonly SettableQuantity[], attachment?: Attachment): Promise<void>;
  /** Deletes the level if it is still as read (ConcurrentChangeError otherwise). */
  deleteLevel(level: LocationLevel, attachment?: Attachment): Promise<void>;
}

async function existingItem(store: LocationLevelStore, tenantId: string, itemId: string): Promise<StockedItem> {
  const stocked = await store.readItem(tenantId, itemId);
  if (!stocked) throw new NotFoundError('InventoryItem', itemId);
  return stocked;
}

function existingLevel(stocked: StockedItem, locationId: string): LocationLevel {
  const level = stocked.levels.find((current) => current.locationId === locationId);
  if (!level) throw new NotFoundError('LocationLevel', locationId);
  return level;
}

const byLocation = (a: LocationLevel, b: LocationLevel) => a.locationId.localeCompare(b.locationId);

export interface LevelListQuery {
  itemId: string;
  locationIds?: readonly string[];
  limit: number;
  offset: number;
}

/** A page of the item's levels (by location), optionally only at some locations, with the count of all that match. */
export async function listLocationLevels(
  store: LocationLevelStore,
  tenantId: string,
  query: LevelListQuery,
): Promise<{ stocked: StockedItem; levels: LocationLevel[]; count: number }> {
  const stocked = await existingItem(store, tenantId, query.itemId);
  const matching = query.locationIds ? stocked.levels.filter((level) => query.locationIds!.includes(level.locationId)) : stocked.levels;
  return { stocked, levels: matching.slice(query.offset, query.offset + query.limit), count: matching.length };
}

export type SettableQuantity = 'stockedQuantity' | 'incomingQuantity';

export interface LevelQuantities {
  stockedQuantity?: number | undefined;
  incomingQuantity?: number | undefined;
}

/** Stocks the item at a location it has no level at yet. Returns the item with all its levels as the write left them. */
export async function createLocationLevel(
  store: LocationLevelStore,
  tenantId: string,
  request: { itemId: string; locationId: string } & LevelQuantities,
  attach?: Attach<StockedItem>,
): Promise<StockedItem> {
  const stocked = await existingItem(store, tenantId, request.itemId);
  if (stocked.levels.some((level) => level.locationId === request.locationId)) {
    throw levelExists(request.itemId, request.locationId);
  }
  const now = nowIso();
  const level: LocationLevel = {
    id: newMedusaId('ilev'),
    tenantId,
    inventoryItemId: request.itemId,
    locationId: request.locationId,
    stockedQuantity: request.stockedQuantity ?? 0,
    reservedQuantity: 0,
    incomingQuantity: request.incomingQuantity ?? 0,
    createdAt: now,
    updatedAt: now,
  };
  const result = { item: stocked.item, levels: [...stocked.levels, level].sort(byLocation) };
  await store.insertLevel(level, attach?.(result));
  return result;
}

/** The item has a level at the location already: one per pair. */
export const levelExists = (inventoryItemId: string, locationId: string) =>
  new ConflictError(IDENTITY_RULES.levelPerLocation, `Inventory item ${inventoryItemId} has a level at ${locationId} already`, {
    inventoryItemId,
    locationId,
  });

/** Sets the stocked and/or incoming quantity of an existing level. Returns the item as the write left it. */
export async function updateLocationLevel(
  store: LocationLevelStore,
  tenantId: string,
  request: { itemId: string; locationId: string } & LevelQuantities,
  attach?: Attach<StockedItem>,
): Promise<StockedItem> {
  return retryOnConcurrentChange(async () => {
    const stocked = await existingItem(store, tenantId, request.itemId);
    const previous = existingLevel(stocked, request.locationId);
    const level: LocationLevel = {
      ...previous,
      stockedQuantity: request.stockedQuantity ?? previous.stockedQuantity,
      incomingQuantity: request.incomingQuantity ?? previous.incomingQuantity,
      updatedAt: nowIso(),
    };
    const set = (['stockedQuantity', 'incomingQuantity'] as const).filter((quantity) => request[quantity] !== undefined);
    const result = { item: stocked.item, levels: stocked.levels.map((current) => (current === previous ? level : current)) };
    await store.updateLevel(level, set, attach?.(result));
    return result;
  });
}

/** Removes a level without reservations, as Medusa refuses to remove reserved stock. Returns the level and the item as the write left it. */
export async function deleteLocationLevel(
  store: LocationLevelStore,
  tenantId: string,
  request: { itemId: string; locationId: string },
  attach?: Attach<{ level: LocationLevel; parent: StockedItem }>,
): Promise<{ level: LocationLevel; parent: StockedItem }> {
  return retryOnConcurrentChange(async () => {
    const stocked = await existingItem(store, tenantId, request.itemId);
    const level = existingLevel(stocked, request.locationId);
    if (level.reservedQuantity > 0) {
      throw new NotAllowedError('level-has-reservations', `The level of ${request.itemId} at ${request.locationId} holds reservations`, {
        inventoryItemId: request.itemId,
        locationId: request.locationId,
      });
    }
    const result = { level, parent: { item: stocked.item, levels: stocked.levels.filter((current) => current !== level) } };
    await store.deleteLevel(level, attach?.(result));
    return result;
  });
}
