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
  order?: { field: ItemOrderField; descending: boolean };
  limit: number;
  offset: number;
  /** The page's levels are read (their partitions, one more round trip) only when the answer shows them or their totals. */
  withLevels: boolean;
}

const ORDER: Record<ItemOrderField, (item: InventoryItem) => string> = {
  id: (item) => item.id,
  sku: (item) => item.sku ?? '',
  title: (item) => item.title ?? '',
  created_at: (item) => item.createdAt,
  updated_at: (item) => item.updatedAt,
};

const contains = (text: string | null, q: string) => text !== null && text.toLowerCase().includes(q);

/**
 * A page of the tenant's items (by ID, or by `order`) with the count of all that match. Unfiltered
 * in ID order, only the page is read, beside the tenant's item count; otherwise (or before the count
 * is migrated) the whole item section of the index (the count of matches needs it). Then the page's
 * partitions for their levels.
 */
export async function listInventoryItems(
  store: InventoryItemStore,
  tenantId: string,
  query: ItemListQuery,
): Promise<{ items: StockedItem[]; count: number }> {
  const unfiltered = [query.id, query.sku, query.title, query.requiresShipping, query.q, query.order].every((value) => value === undefined);
  const paged = unfiltered ? await store.readItemPage(tenantId, query.offset, query.limit) : undefined;
  if (paged) return withLevels(store, tenantId, paged.items, paged.count, query.withLevels);
  const all = await store.listItems(tenantId);
  const q = query.q?.toLowerCase();
  const matching = all.filter(
    (item) =>
      (query.id === undefined || item.id === query.id) &&
      (query.sku === undefined || item.sku === query.sku) &&
      (query.title === undefined || item.title === query.title) &&
      (query.requiresShipping === undefined || item.requiresShipping === query.requiresShipping) &&
      (q === undefined || contains(item.sku, q) || contains(item.title, q) || contains(item.description, q)),
  );
  const { order } = query;
  const sorted = order
    ? [...matching].sort((a, b) => {
        const byField = ORDER[order.field](a).localeCompare(ORDER[order.field](b));
        return (order.descending ? -byField : byField) || a.id.localeCompare(b.id);
      })
    : matching;
  return withLevels(store, tenantId, sorted.slice(query.offset, query.offset + query.limit), matching.length, query.withLevels);
}

/** The page's items with their levels, read (their partitions, side by side) only when the answer shows them. */
async function withLevels(
  store: InventoryItemStore,
  tenantId: string,
  page: InventoryItem[],
  count: number,
  levels: boolean,
): Promise<{ items: StockedItem[]; count: number }> {
  if (!levels) return { items: page.map((item) => ({ item, levels: [] })), count };
  const stocked = await store.readItems(
    tenantId,
    page.map((item) => item.id),
  );
  // An item removed since the index was read is left out of the page (and still counted).
  return { items: page.flatMap((item) => stocked.get(item.id) ?? []), count };
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
