import type { InventoryItem } from '#shared/domain/catalog';
import { inBatches } from '#shared/domain/concurrency';
import type { InventoryItemStore, ItemListQuery, ItemOrderField } from '#shared/domain/inventoryItem';
import type { StockedItem } from '#shared/domain/inventoryLink';

type ItemPage = { items: StockedItem[]; count: number };

const ORDER: Record<ItemOrderField, (item: InventoryItem) => string> = {
  id: (item) => item.id,
  sku: (item) => item.sku ?? '',
  title: (item) => item.title ?? '',
  created_at: (item) => item.createdAt,
  updated_at: (item) => item.updatedAt,
};

const contains = (text: string | null, q: string) => text !== null && text.toLowerCase().includes(q);

/** Whether the query filters or orders by the items' own fields (beyond their ID): then every candidate is read for them. */
const byItemFields = (query: ItemListQuery) =>
  [query.sku, query.title, query.requiresShipping, query.q, query.order].some((value) => value !== undefined);

/**
 * A page of the tenant's items (by ID, or by `order`) with the count of all that match. Unfiltered
 * in ID order, only the page is read, beside the tenant's item count; at locations, the items with
 * a level there (listAtLocations); otherwise (or before the count is migrated) the whole item
 * section of the index (the count of matches needs it). Then the page's partitions for their levels.
 */
export async function listInventoryItems(store: InventoryItemStore, tenantId: string, query: ItemListQuery): Promise<ItemPage> {
  if (query.locationIds !== undefined) return listAtLocations(store, tenantId, query, query.locationIds);
  const unfiltered = query.id === undefined && !byItemFields(query);
  const paged = unfiltered ? await store.readItemPage(tenantId, query.offset, query.limit) : undefined;
  if (paged) return withLevels(store, tenantId, paged.items, paged.count, query.withLevels);
  return pageOf(store, tenantId, await store.listItems(tenantId), query);
}

/** The items that match the query's other filters, in its order, paged, with the count of them all. */
function pageOf(store: InventoryItemStore, tenantId: string, items: readonly InventoryItem[], query: ItemListQuery): Promise<ItemPage> {
  const sorted = matching(items, query);
  return withLevels(store, tenantId, sorted.slice(query.offset, query.offset + query.limit), sorted.length, query.withLevels);
}

function matching(items: readonly InventoryItem[], query: ItemListQuery): InventoryItem[] {
  const q = query.q?.toLowerCase();
  const matches = items.filter(
    (item) =>
      (query.id === undefined || item.id === query.id) &&
      (query.sku === undefined || item.sku === query.sku) &&
      (query.title === undefined || item.title === query.title) &&
      (query.requiresShipping === undefined || item.requiresShipping === query.requiresShipping) &&
      (q === undefined || contains(item.sku, q) || contains(item.title, q) || contains(item.description, q)),
  );
  const { order } = query;
  return order
    ? matches.sort((a, b) => {
        const byField = ORDER[order.field](a).localeCompare(ORDER[order.field](b));
        return (order.descending ? -byField : byField) || a.id.localeCompare(b.id);
      })
    : matches;
}

/**
 * Medusa's `location_levels[location_id]`: the items with a level at any of the locations (all of
 * their levels shown, as Medusa shows them), counted. The IDs come from one Query of each
 * location's levels, in ID order; in ID order without other filters only the page's items are
 * read (their partitions when levels are shown), else every match's item (BatchGet) for its fields.
 * Before the levels are all in the index (the migration), every item is read with its levels.
 */
async function listAtLocations(
  store: InventoryItemStore,
  tenantId: string,
  query: ItemListQuery,
  locationIds: readonly string[],
): Promise<ItemPage> {
  if (locationIds.length === 0) return { items: [], count: 0 };
  const ids = await store.readItemIdsAt(tenantId, locationIds);
  if (ids === undefined) return everyItemAt(store, tenantId, query, new Set(locationIds));
  const candidates = query.id === undefined ? ids : ids.filter((id) => id === query.id);
  if (byItemFields(query)) return pageOf(store, tenantId, await store.readItemsById(tenantId, candidates), query);
  const page = candidates.slice(query.offset, query.offset + query.limit);
  if (!query.withLevels)
    return { items: (await store.readItemsById(tenantId, page)).map((item) => ({ item, levels: [] })), count: candidates.length };
  const stocked = await store.readItems(tenantId, page);
  // An item removed since its levels were read is left out of the page (and still counted).
  return { items: page.flatMap((id) => stocked.get(id) ?? []), count: candidates.length };
}

/** Partitions read at once while the whole section is read before the migration. */
const PARTITIONS_AT_ONCE = 16;

/** Before the migration: every item of the tenant with its levels, those with a level at one of the locations kept. */
async function everyItemAt(
  store: InventoryItemStore,
  tenantId: string,
  query: ItemListQuery,
  locations: ReadonlySet<string>,
): Promise<ItemPage> {
  const all = await store.listItems(tenantId);
  const chunks = Array.from({ length: Math.ceil(all.length / PARTITIONS_AT_ONCE) }, (_, i) =>
    all.slice(i * PARTITIONS_AT_ONCE, (i + 1) * PARTITIONS_AT_ONCE).map((item) => item.id),
  );
  const read = new Map((await inBatches(chunks, 1, (chunk) => store.readItems(tenantId, chunk))).flatMap((found) => [...found]));
  const at = all.flatMap((item) => {
    const stocked = read.get(item.id);
    return stocked && stocked.levels.some((level) => locations.has(level.locationId)) ? [stocked] : [];
  });
  const sorted = matching(
    at.map(({ item }) => item),
    query,
  );
  const byId = new Map(at.map((stocked) => [stocked.item.id, stocked]));
  const page = sorted.slice(query.offset, query.offset + query.limit).map((item) => byId.get(item.id)!);
  return { items: query.withLevels ? page : page.map(({ item }) => ({ item, levels: [] })), count: sorted.length };
}

/** The page's items with their levels, read (their partitions, side by side) only when the answer shows them. */
async function withLevels(
  store: InventoryItemStore,
  tenantId: string,
  page: InventoryItem[],
  count: number,
  levels: boolean,
): Promise<ItemPage> {
  if (!levels) return { items: page.map((item) => ({ item, levels: [] })), count };
  const stocked = await store.readItems(
    tenantId,
    page.map((item) => item.id),
  );
  // An item removed since the index was read is left out of the page (and still counted).
  return { items: page.flatMap((item) => stocked.get(item.id) ?? []), count };
}
