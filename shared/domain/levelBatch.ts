import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type InventoryItem, type Level, type Location, type LocationLevel, type Variant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, ConcurrentChangeError, NotAllowedError, NotFoundError } from '#shared/domain/errors';
import type { StockedItem } from '#shared/domain/inventoryLink';
import type { NewLevel } from '#shared/domain/inventoryItem';
import { newLevels, REMOVED_LEVEL_WRITES, withinOneTransaction, type LevelToCreate } from '#shared/domain/inventoryItemWrites';
import type { Actor } from '#shared/domain/locationLevel';
import { setQuantities, setUnmigrated } from '#shared/domain/locationLevelMoves';
import { isLowStock, movementOf, type StockMovement } from '#shared/domain/stock';
import { MOVEMENT_DEADLINE_MS } from '#shared/domain/stockMovement';

/**
 * Medusa's level batches: creates, updates and deletes of levels, of one item or of many, in one
 * transaction (Medusa's batch workflow is all or nothing). Each is what the single-level routes do
 * through the ledger: a create is a new ledger level with its history and views, an update a
 * movement over the version read, a delete the level's removal with its views and history.
 */
export interface LevelBatchStore {
  /** Items with their levels: one Query of each item's partition, side by side. */
  readItems(tenantId: string, itemIds: readonly string[]): Promise<Map<string, StockedItem>>;
  /** Locations by ID, side by side; missing ones are left out. */
  readLocations(tenantId: string, locationIds: readonly string[]): Promise<Map<string, Location>>;
  /** The variants owning items that gain levels (their attributes go on the levels, as ShopSynch's records carry them). */
  readVariants(tenantId: string, owners: readonly { productId: string; variantId: string }[]): Promise<Map<string, Variant>>;
  /** The ledger level a view without its copy names. */
  readLevel(tenantId: string, levelId: string): Promise<Level | undefined>;
  /** The whole batch in one transaction (ConcurrentChangeError when anything read has changed). */
  writeBatch(plan: BatchPlan, attachment?: Attachment): Promise<void>;
}

export interface BatchPlan {
  /** The items that gain or lose levels, as read: each gains `created` and loses `removed`. */
  items: { item: InventoryItem; created: number; removed: number }[];
  created: NewLevel[];
  moved: { next: Level; movement: StockMovement; enteredLowStock: boolean }[];
  /** Views from before the ledger, set in place over the quantities read. */
  movedInPlace: LocationLevel[];
  removed: (Level | LocationLevel)[];
}

export interface LevelChange {
  itemId: string;
  locationId: string;
  stockedQuantity?: number | undefined;
  incomingQuantity?: number | undefined;
}

export interface LevelBatchRequest {
  create: LevelChange[];
  update: LevelChange[];
  /** Medusa names a level to delete by its ID; the item route gives its item, the bulk route finds it among the batch's items. */
  delete: { itemId?: string; levelId: string }[];
  /** Medusa's `force`: remove levels with units on hand (never those holding reservations). */
  force: boolean;
}

export interface LevelBatchResult {
  created: { level: LocationLevel; parent: StockedItem }[];
  updated: { level: LocationLevel; parent: StockedItem }[];
  deleted: string[];
}

/** The fewest writes of a created level (the ledger level, its history entry, its view), a moved one (the same) and a removed one (the level and its view). */
const LEAST_WRITES = { create: 3, update: 3, delete: REMOVED_LEVEL_WRITES };

export async function batchLevels(
  store: LevelBatchStore,
  actor: Actor,
  request: LevelBatchRequest,
  attach?: Attach<LevelBatchResult>,
): Promise<LevelBatchResult> {
  const { tenantId } = actor;
  // A batch that cannot fit one transaction is refused before any read; the store counts the exact writes before it commits.
  withinOneTransaction(
    request.create.length * LEAST_WRITES.create + request.update.length * LEAST_WRITES.update + request.delete.length * LEAST_WRITES.delete,
  );
  const itemIds = [...new Set([...request.create, ...request.update, ...request.delete].flatMap((change) => change.itemId ?? []))];
  return retryOnConcurrentChange(
    async () => {
      const [stocked, locations] = await Promise.all([
        store.readItems(tenantId, itemIds),
        store.readLocations(
          tenantId,
          request.create.map((change) => change.locationId),
        ),
      ]);
      const itemOf = (itemId: string) => {
        const found = stocked.get(itemId);
        if (!found) throw new NotFoundError('InventoryItem', itemId);
        return found;
      };
      // As Medusa: an item to create levels of must exist; an update of an unknown item finds no level
      // there (404 "not stocked"), and the item route echoes a delete of one, as any level ID it does not have.
      new Set(request.create.map((change) => change.itemId)).forEach(itemOf);
      for (const change of request.create) if (!locations.has(change.locationId)) throw new NotFoundError('Location', change.locationId);

      const touched = new Set<string>();
      const once = (level: LocationLevel) => {
        const key = `${level.inventoryItemId}\u0000${level.locationId}`;
        if (touched.has(key))
          throw new BusinessRuleError('batch-repeats-level', `The level of ${level.inventoryItemId} at ${level.locationId} appears twice`, {
            inventoryItemId: level.inventoryItemId,
            locationId: level.locationId,
          });
        touched.add(key);
      };

      // Deletes: each level found by its ID (unknown IDs are echoed, as Medusa echoes them), refused while it holds what stays.
      const removed: (Level | LocationLevel)[] = [];
      const removedViews: LocationLevel[] = [];
      for (const { itemId, levelId } of request.delete) {
        const candidates = itemId === undefined ? [...stocked.values()] : stocked.has(itemId) ? [itemOf(itemId)] : [];
        const view = candidates.flatMap((item) => item.levels).find((level) => level.id === levelId);
        if (!view) {
          // The item route echoes an ID its item does not have, as Medusa does; the bulk route cannot tell where to look.
          if (itemId === undefined)
            throw new BusinessRuleError('level-not-in-batch-items', `Level ${levelId} was not found among the batch's items`, { levelId });
          continue;
        }
        once(view);
        const level = await entryOf(store, tenantId, view);
        refuseRemoval(view, level, request.force);
        removed.push(level ?? view);
        removedViews.push(view);
      }

      // Updates: a movement of each level over the version read.
      const at = nowIso();
      const moved: BatchPlan['moved'] = [];
      const movedInPlace: LocationLevel[] = [];
      const updatedViews: LocationLevel[] = [];
      for (const change of request.update) {
        const view = stocked.get(change.itemId)?.levels.find((level) => level.locationId === change.locationId);
        if (!view) throw new NotFoundError('LocationLevel', change.locationId, { inventoryItemId: change.itemId });
        once(view);
        const level = await entryOf(store, tenantId, view);
        if (!level) {
          const next = setUnmigrated(view, change, at);
          movedInPlace.push(next);
          updatedViews.push(next);
          continue;
        }
        const { next, change: movement, view: shown } = setQuantities(level, view, change, at);
        moved.push({ next, movement: movementOf(next, movement, actor.subject), enteredLowStock: !isLowStock(level) && isLowStock(next) });
        updatedViews.push(shown);
      }

      // Creates: new levels of each item (of its owner, if it has one), at locations it has none at yet.
      const owners = [...new Set(request.create.map((change) => change.itemId))]
        .map((itemId) => itemOf(itemId).item.owner)
        .flatMap((owner) => (owner?.variantId ? [{ productId: owner.productId, variantId: owner.variantId }] : []));
      const variants = owners.length > 0 ? await store.readVariants(tenantId, owners) : new Map<string, Variant>();
      const created: NewLevel[] = [];
      for (const itemId of [...new Set(request.create.map((change) => change.itemId))]) {
        const { item, levels } = itemOf(itemId);
        const wanted: LevelToCreate[] = request.create.filter((change) => change.itemId === itemId);
        const variantId = item.owner?.variantId;
        if (variantId && !variants.has(variantId)) throw new NotFoundError('Variant', variantId, { productId: item.owner!.productId });
        created.push(...newLevels(item, wanted, locations, levels, actor, variantId ? variants.get(variantId)!.attributes : {}));
      }

      const result = answer(stocked, created, updatedViews, request.delete);
      const items = [...stocked.values()].map(({ item }) => ({
        item,
        created: created.filter(({ view }) => view.inventoryItemId === item.id).length,
        removed: removedViews.filter((view) => view.inventoryItemId === item.id).length,
      }));
      await store.writeBatch({ items, created, moved, movedInPlace, removed }, attach?.(result));
      return result;
    },
    { deadline: Date.now() + MOVEMENT_DEADLINE_MS },
  );
}

function answer(
  stocked: Map<string, StockedItem>,
  created: NewLevel[],
  updated: LocationLevel[],
  deletes: LevelBatchRequest['delete'],
): LevelBatchResult {
  const parentOf = (level: LocationLevel) => stocked.get(level.inventoryItemId)!;
  return {
    created: created.map(({ view }) => ({ level: view, parent: parentOf(view) })),
    updated: updated.map((level) => ({ level, parent: parentOf(level) })),
    // Medusa echoes the IDs it was given, removed or not there.
    deleted: deletes.map(({ levelId }) => levelId),
  };
}

function refuseRemoval(view: LocationLevel, level: Level | undefined, force: boolean): void {
  const detail = { inventoryItemId: view.inventoryItemId, locationId: view.locationId };
  const at = `The level of ${view.inventoryItemId} at ${view.locationId}`;
  const reserved = level ? level.reservedQty : view.reservedQuantity;
  const onHand = level ? level.onHandQty : view.stockedQuantity;
  if (reserved > 0) throw new NotAllowedError('level-has-reservations', `${at} holds reservations`, detail);
  if (onHand > 0 && !force) throw new NotAllowedError('level-has-stock', `${at} has units on hand`, detail);
  if (level && level.orderCloudRecordIds.length > 0)
    throw new NotAllowedError('level-has-inventory-records', `${at} is shown by inventory records`, {
      ...detail,
      recordIds: level.orderCloudRecordIds,
    });
}

/** The ledger level a view names: its copy, or read when the view has none; undefined for a view from before the ledger. */
async function entryOf(store: LevelBatchStore, tenantId: string, view: LocationLevel): Promise<Level | undefined> {
  if (view.stockRecordId === undefined) return undefined;
  if (view.ledger) return view.ledger;
  const level = await store.readLevel(tenantId, view.stockRecordId);
  if (!level) throw new ConcurrentChangeError('The level was removed since its view was read');
  return level;
}
