import { randomUUID } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type InventoryItem, type Level, type Location, type LocationLevel, type Variant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, ConflictError, IDENTITY_RULES, NotFoundError } from '#shared/domain/errors';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { newLevelId } from '#shared/domain/ownItem';
import { creationMovement, MAX_QTY, newStockRecord, type StockMovement } from '#shared/domain/stock';

/**
 * Medusa's location levels are views of the one stock ledger: the level of an item at a location
 * is a ledger entry (ShopSynch's stock record, with its history), and Medusa's level item in the
 * item's partition carries a copy of its numbers and version, written in the entry's own
 * transaction. Reads stay one Query of the item's partition; writes go to the entry.
 */
export interface LocationLevelStore {
  /** The item with its levels (one query of its partition), or undefined. */
  readItem(tenantId: string, itemId: string): Promise<StockedItem | undefined>;
  /** The item with its levels and the location, read side by side (one round trip). */
  readCreateContext(tenantId: string, itemId: string, locationId: string): Promise<{ stocked?: StockedItem; location?: Location }>;
  /** The variant that owns an item, read consistently: its levels carry its attributes, as ShopSynch's records do. */
  readOwnerVariant(tenantId: string, productId: string, variantId: string): Promise<Variant | undefined>;
  /** The ledger entry a view names, read consistently. */
  readLevel(tenantId: string, levelId: string): Promise<Level | undefined>;
  /**
   * Writes a new level with its first history entry and its Medusa view, unless the item has a level at the
   * location (ConflictError levelPerLocation); the location and the owner must still exist (NotFoundError), the
   * item must still have the owner read (ConcurrentChangeError).
   */
  insertLevel(level: Level, created: StockMovement, view: LocationLevel, attachment?: Attachment): Promise<void>;
  /** ShopSynch's write path: the next version with its history entry and every view, only over the version read. */
  writeMovement(next: Level, movement: StockMovement, enteredLowStock: boolean, attachment?: Attachment): Promise<void>;
  /** Removes the entry (still at the version read, else ConcurrentChangeError), its views and its history. */
  removeLevel(level: Level, attachment?: Attachment): Promise<void>;
  /**
   * A level stored before the ledger (no entry): sets the quantities named in `set`; the others (and reserved) must
   * still be as read, since the answer shows them (ConcurrentChangeError otherwise).
   */
  updateLevel(level: LocationLevel, set: readonly SettableQuantity[], attachment?: Attachment): Promise<void>;
  /** A level stored before the ledger: deletes it if it is still as read (ConcurrentChangeError otherwise). */
  deleteLevel(level: LocationLevel, attachment?: Attachment): Promise<void>;
}

/** Who acts: the tenant, and the token subject that each history entry names. */
export interface Actor {
  tenantId: string;
  subject: string;
}

export async function existingItem(store: LocationLevelStore, tenantId: string, itemId: string): Promise<StockedItem> {
  const stocked = await store.readItem(tenantId, itemId);
  if (!stocked) throw new NotFoundError('InventoryItem', itemId);
  return stocked;
}

export function existingLevel(stocked: StockedItem, locationId: string): LocationLevel {
  const level = stocked.levels.find((current) => current.locationId === locationId);
  if (!level) throw new NotFoundError('LocationLevel', locationId, { inventoryItemId: stocked.item.id });
  return level;
}

const byLocation = (a: LocationLevel, b: LocationLevel) => a.locationId.localeCompare(b.locationId);

export type LevelOrderField =
  'id' | 'location_id' | 'stocked_quantity' | 'reserved_quantity' | 'incoming_quantity' | 'created_at' | 'updated_at';

export interface LevelListQuery {
  itemId: string;
  /** Only the level at this location (Medusa reads `location_id` as one ID, commas and all). */
  locationId?: string;
  order?: { field: LevelOrderField; descending: boolean };
  limit: number;
  offset: number;
}

const LEVEL_ORDER: Record<LevelOrderField, (level: LocationLevel) => string | number> = {
  id: (level) => level.id,
  location_id: (level) => level.locationId,
  stocked_quantity: (level) => level.stockedQuantity,
  reserved_quantity: (level) => level.reservedQuantity,
  incoming_quantity: (level) => level.incomingQuantity,
  created_at: (level) => level.createdAt,
  updated_at: (level) => level.updatedAt,
};

/**
 * A page of the item's levels (by location, or by `order`), optionally only at one location, with the
 * count of all that match. An item that is not there has no levels (Medusa answers an empty list).
 */
export async function listLocationLevels(
  store: LocationLevelStore,
  tenantId: string,
  query: LevelListQuery,
): Promise<{ stocked: StockedItem | undefined; levels: LocationLevel[]; count: number }> {
  const stocked = await store.readItem(tenantId, query.itemId);
  const levels = stocked?.levels ?? [];
  const matching = query.locationId === undefined ? levels : levels.filter((level) => level.locationId === query.locationId);
  const { order } = query;
  const sorted = order
    ? [...matching].sort((a, b) => {
        const [x, y] = [LEVEL_ORDER[order.field](a), LEVEL_ORDER[order.field](b)];
        const byField = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
        return (order.descending ? -byField : byField) || byLocation(a, b);
      })
    : matching;
  return { stocked, levels: sorted.slice(query.offset, query.offset + query.limit), count: matching.length };
}

export type SettableQuantity = 'stockedQuantity' | 'incomingQuantity';

export interface LevelQuantities {
  stockedQuantity?: number | undefined;
  incomingQuantity?: number | undefined;
}

/**
 * Stocks the item at a location it has no level at yet: a new ledger level (history entry #1
 * 'created') and its Medusa view, in one transaction. The level is the item's owner's stock when
 * the item has one (ShopSynch then lists it for that product and variant, DayZero shows it for the
 * variant); an item made on its own gets a level without a product, which only Medusa shows.
 * Returns the item with all its levels as the write left them.
 */
export async function createLocationLevel(
  store: LocationLevelStore,
  actor: Actor,
  request: { itemId: string; locationId: string } & LevelQuantities,
  attach?: Attach<StockedItem>,
): Promise<StockedItem> {
  const { tenantId } = actor;
  // The item may gain an owner between the read and the write: then read again and stock the owner's item.
  return retryOnConcurrentChange(async () => {
    const { stocked, location } = await store.readCreateContext(tenantId, request.itemId, request.locationId);
    if (!stocked) throw new NotFoundError('InventoryItem', request.itemId);
    if (stocked.levels.some((level) => level.locationId === request.locationId)) throw levelExists(request.itemId, request.locationId);
    if (!location) throw new NotFoundError('Location', request.locationId);
    const onHandQty = request.stockedQuantity ?? 0;
    if (onHandQty > MAX_QTY)
      throw new BusinessRuleError('on-hand-above-maximum', `Stocking ${onHandQty} takes on hand above ${MAX_QTY}`, {
        change: onHandQty,
        maximum: MAX_QTY,
      });
    const { owner } = stocked.item;
    let attributes: Record<string, string> = {};
    if (owner?.variantId) {
      const variant = await store.readOwnerVariant(tenantId, owner.productId, owner.variantId);
      if (!variant) throw new NotFoundError('Variant', owner.variantId, { productId: owner.productId });
      attributes = variant.attributes;
    }
    const level = newItemLevel({
      id: `inv_${randomUUID().replaceAll('-', '')}`,
      levelId: newLevelId(),
      item: stocked.item,
      location,
      onHandQty,
      reservedQty: 0,
      incomingQty: request.incomingQuantity ?? 0,
      attributes,
      at: nowIso(),
    });
    const view = levelView(level);
    const result = { item: stocked.item, levels: [...stocked.levels, view].sort(byLocation) };
    await store.insertLevel(level, creationMovement(level, actor.subject), view, attach?.(result));
    return result;
  });
}

/** A level named by its item and location, as Medusa names it. */
export type ItemLevel = Level & { inventoryItemId: string; levelId: string };

/** A new level of an item at a location, at version 1: of the item's owner (product and variant), or of no product. */
export function newItemLevel(fields: {
  id: string;
  levelId: string;
  item: InventoryItem;
  location: Pick<Location, 'id' | 'name'>;
  onHandQty: number;
  reservedQty: number;
  incomingQty: number;
  attributes: Record<string, string>;
  at: string;
}): ItemLevel {
  const { item, ...rest } = fields;
  const productId = item.owner?.productId ?? null;
  // A new stock record's fields and defaults, of the owner's product or of none.
  const record = newStockRecord({
    ...rest,
    tenantId: item.tenantId,
    inventoryItemId: item.id,
    productId: productId ?? '',
    variantId: item.owner?.variantId ?? null,
    bin: null,
    reorderLevel: null,
    reorderQty: null,
    countedAt: null,
  });
  return { ...record, inventoryItemId: item.id, levelId: fields.levelId, productId };
}

/** Medusa's view of a level: under its item and location, its Medusa ID with a copy of its numbers and version. */
export function levelView(level: ItemLevel): LocationLevel {
  return {
    id: level.levelId,
    tenantId: level.tenantId,
    inventoryItemId: level.inventoryItemId,
    locationId: level.locationId,
    stockedQuantity: level.onHandQty,
    reservedQuantity: level.reservedQty,
    incomingQuantity: level.incomingQty,
    stockRecordId: level.id,
    version: level.version,
    ledger: level,
    createdAt: level.createdAt,
    updatedAt: level.updatedAt,
  };
}

/** The item has a level at the location already: one per pair. */
export const levelExists = (inventoryItemId: string, locationId: string) =>
  new ConflictError(IDENTITY_RULES.levelPerLocation, `Inventory item ${inventoryItemId} has a level at ${locationId} already`, {
    inventoryItemId,
    locationId,
  });
