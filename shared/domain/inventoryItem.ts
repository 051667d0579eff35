import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type InventoryItem, type Level, type Location, type LocationLevel } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { NotFoundError } from '#shared/domain/errors';
import { newMedusaId, type StockedItem } from '#shared/domain/inventoryLink';
import type { StockMovement } from '#shared/domain/stock';

/**
 * Medusa's inventory items: the catalog's items (a variant's or product's own item included),
 * each with its levels at locations (views of the one ledger, see locationLevel.ts).
 */
export interface InventoryItemStore {
  /** Every item of the tenant, by ID, without levels: one Query of the `catalog` index's item section, every page. */
  listItems(tenantId: string): Promise<InventoryItem[]>;
  /** Items `offset` to `offset + limit` by ID, reading no more, with the count of all: undefined while the count cannot be trusted (not migrated yet). */
  readItemPage(tenantId: string, offset: number, limit: number): Promise<{ items: InventoryItem[]; count: number } | undefined>;
  /**
   * The IDs of the items with a level at any of these locations, in ID order: one Query of each
   * location's partition of levels (its cost the answer's size). Undefined until every level is
   * known to be found there (the migration step `medusa-levels-by-location` has run).
   */
  readItemIdsAt(tenantId: string, locationIds: readonly string[]): Promise<string[] | undefined>;
  /** Items without their levels, by ID (BatchGet); missing ones are left out, the rest in the order asked. */
  readItemsById(tenantId: string, itemIds: readonly string[]): Promise<InventoryItem[]>;
  /** Items with their levels, one Query of each item's partition, side by side; missing items are left out. */
  readItems(tenantId: string, itemIds: readonly string[]): Promise<Map<string, StockedItem>>;
  /** Locations by ID (side by side); missing ones are left out. */
  readLocations(tenantId: string, locationIds: readonly string[]): Promise<Map<string, Location>>;
  /** A new item with its first levels (each a ledger level, its history entry #1 and its view), where no item has its ID; the locations must still exist. */
  insertItem(item: InventoryItem, levels: readonly NewLevel[], attachment?: Attachment): Promise<void>;
  /** The item's own fields, written only over the item as read (its `updatedAt`, else ConcurrentChangeError). */
  updateItem(next: InventoryItem, read: InventoryItem, attachment?: Attachment): Promise<void>;
  /** Removes the item as read and its levels, each at the version read (else ConcurrentChangeError), in one transaction. */
  deleteItem(read: StockedItem, levels: readonly (Level | LocationLevel)[], attachment?: Attachment): Promise<void>;
}

/** A level made with its item or in a batch: the ledger level, its first history entry and Medusa's view of it. */
export interface NewLevel {
  level: Level;
  created: StockMovement;
  view: LocationLevel;
}

/** The item's own fields, as Medusa's create and update set them. */
export interface ItemFields {
  sku?: string | null | undefined;
  title?: string | null | undefined;
  description?: string | null | undefined;
  requiresShipping?: boolean | undefined;
}

export type ItemOrderField = 'id' | 'sku' | 'title' | 'created_at' | 'updated_at';

export interface ItemListQuery {
  /** Only this ID, SKU or title (one value each, matched exactly). */
  id?: string;
  sku?: string;
  title?: string;
  requiresShipping?: boolean;
  /** Free text: the SKU, title or description contains it, ignoring case. */
  q?: string;
  /** Only items with a level at one of these locations (none given: no item). */
  locationIds?: readonly string[];
  order?: { field: ItemOrderField; descending: boolean };
  limit: number;
  offset: number;
  /** The page's levels are read (their partitions, one more round trip) only when the answer shows them or their totals. */
  withLevels: boolean;
}

export async function getInventoryItem(store: InventoryItemStore, tenantId: string, itemId: string): Promise<StockedItem> {
  const stocked = (await store.readItems(tenantId, [itemId])).get(itemId);
  if (!stocked) throw new NotFoundError('InventoryItem', itemId);
  return stocked;
}

/** The locations new levels name, each of which must exist. */
export async function locationsOf(
  store: InventoryItemStore,
  tenantId: string,
  locationIds: readonly string[],
): Promise<Map<string, Location>> {
  const locations = await store.readLocations(tenantId, locationIds);
  const missing = locationIds.find((id) => !locations.has(id));
  if (missing !== undefined) throw new NotFoundError('Location', missing);
  return locations;
}

/** Sets the item's own fields (those given); answers the item with its levels as read. */
export async function updateInventoryItem(
  store: InventoryItemStore,
  tenantId: string,
  request: { itemId: string } & ItemFields,
  attach?: Attach<StockedItem>,
): Promise<StockedItem> {
  return retryOnConcurrentChange(async () => {
    const stocked = await getInventoryItem(store, tenantId, request.itemId);
    const { item } = stocked;
    const next: InventoryItem = {
      ...item,
      sku: request.sku === undefined ? item.sku : request.sku,
      title: request.title === undefined ? item.title : request.title,
      description: request.description === undefined ? item.description : request.description,
      requiresShipping: request.requiresShipping ?? item.requiresShipping,
      updatedAt: nowIso(),
    };
    const result = { item: next, levels: stocked.levels };
    await store.updateItem(next, item, attach?.(result));
    return result;
  });
}

/** A new item's ID, as Medusa makes it. */
export const newItemId = () => newMedusaId('iitem');
