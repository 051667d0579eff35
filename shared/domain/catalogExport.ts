import type { InventoryItem, Location, LocationLevel, Product, Tenant, Variant, Vendor } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import type { StoredGroup } from '#shared/domain/catalogRestoreTypes';

/** One page of a tenant's catalog: its settings and locations on every page, then a run of its other roots. */
export interface CatalogPage {
  tenant: Tenant;
  locations: Location[];
  vendors: Vendor[];
  products: { product: Product; variants: Variant[]; extras?: Record<string, VariantExtras> }[];
  inventoryItems: { item: InventoryItem; levels: LocationLevel[] }[];
  /** The run of pages this one belongs to (the first page starts one). */
  exportId: string;
  /** The stored items of this page's roots, exactly (see shared/fixtures/stored). */
  stored: StoredGroup[];
  /** Opaque; absent on the last page. */
  nextCursor: string | null;
}

/** A variant's DayZero prices and the units on hand of its own item, per location: what an import into a tenant that holds data sets. */
export interface VariantExtras {
  unitPriceCents: number | null;
  unitCostCents: number | null;
  stock: { locationId: string; onHand: number }[];
}

/** The storage the export needs. A cursor that is not one of this tenant's export cursors is an InvalidCursorError. */
export interface CatalogExportStore {
  readPage(
    tenantId: string,
    page: { cursor?: string | undefined; limit: number },
  ): Promise<Omit<CatalogPage, 'tenant'> & { tenant?: Tenant }>;
}

/** A page of the caller's catalog, in an order that stays stable while pages are read. */
export async function exportCatalog(
  store: CatalogExportStore,
  tenantId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<CatalogPage> {
  const { tenant, ...rest } = await store.readPage(tenantId, page);
  if (!tenant) throw new NotFoundError('Tenant', tenantId);
  return { tenant, ...rest };
}
