import type { Location } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';

/** Medusa's stock locations are the catalog's locations, read through the `catalog` index (never a Scan). */
export interface StockLocationStore {
  /** Every location of the tenant, by ID: one Query of the index's location section (every page of it). */
  listLocations(tenantId: string): Promise<Location[]>;
  /** One location (GetItem), or undefined. */
  readLocation(tenantId: string, locationId: string): Promise<Location | undefined>;
}

export type StockLocationOrderField = 'id' | 'name' | 'created_at' | 'updated_at';

export interface StockLocationListQuery {
  /** Only these IDs (Medusa's `id`, one or many). */
  ids?: readonly string[];
  /** Only this exact name. */
  name?: string;
  /** Free text: a location whose ID or name contains it, ignoring case. */
  q?: string;
  order?: { field: StockLocationOrderField; descending: boolean };
  limit: number;
  offset: number;
}

const ORDER: Record<StockLocationOrderField, (location: Location) => string> = {
  id: (location) => location.id,
  name: (location) => location.name,
  created_at: (location) => location.createdAt,
  // The catalog keeps no update time of a location: it shows its creation.
  updated_at: (location) => location.createdAt,
};

/**
 * A page of the tenant's locations (by ID, or by `order`), with the count of all that match. The
 * count is the length of the whole read: the index section is read to its end, as the count needs.
 */
export async function listStockLocations(
  store: StockLocationStore,
  tenantId: string,
  query: StockLocationListQuery,
): Promise<{ locations: Location[]; count: number }> {
  const all = await store.listLocations(tenantId);
  const q = query.q?.toLowerCase();
  const matching = all.filter(
    (location) =>
      (query.ids === undefined || query.ids.includes(location.id)) &&
      (query.name === undefined || location.name === query.name) &&
      (q === undefined || location.id.toLowerCase().includes(q) || location.name.toLowerCase().includes(q)),
  );
  const { order } = query;
  const sorted = order
    ? [...matching].sort((a, b) => {
        const byField = ORDER[order.field](a).localeCompare(ORDER[order.field](b));
        return (order.descending ? -byField : byField) || a.id.localeCompare(b.id);
      })
    : matching;
  return { locations: sorted.slice(query.offset, query.offset + query.limit), count: matching.length };
}

export async function getStockLocation(store: StockLocationStore, tenantId: string, locationId: string): Promise<Location> {
  const location = await store.readLocation(tenantId, locationId);
  if (!location) throw new NotFoundError('Location', locationId);
  return location;
}
