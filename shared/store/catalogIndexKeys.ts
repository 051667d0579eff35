import { part, tenantRoot } from '#shared/store/keys';

/**
 * Attributes of the `catalog` index, set on the catalog's roots (locations, vendors,
 * products, inventory items): one partition per tenant, so the export pages through a
 * tenant's catalog with a Query. The sort key's digit keeps locations first, as every
 * export page carries them.
 */
export interface CatalogIndexKey {
  catalogPk: string;
  catalogSk: string;
}

export const CATALOG_SECTIONS = { location: '0LOCATION#', vendor: '1VENDOR#', product: '2PRODUCT#', inventoryItem: '3INVITEM#' } as const;

const catalogIndexKey =
  (section: keyof typeof CATALOG_SECTIONS) =>
  (tenantId: string, id: string): CatalogIndexKey => ({
    catalogPk: tenantRoot(tenantId),
    catalogSk: `${CATALOG_SECTIONS[section]}${part(id)}`,
  });

export const catalogEntry = {
  location: catalogIndexKey('location'),
  vendor: catalogIndexKey('vendor'),
  product: catalogIndexKey('product'),
  inventoryItem: catalogIndexKey('inventoryItem'),
  /** The index partition of a tenant's catalog. */
  partition: (tenantId: string) => tenantRoot(tenantId),
  /**
   * Medusa's view of a level (see shared/store/itemsAtLocation): in a partition of its location's
   * own (never the tenant's, which the export pages through), sorted by its item's ID as the item
   * section is, so the items with a level at a location are one Query in the list's order.
   */
  levelAt: (tenantId: string, locationId: string, itemId: string): CatalogIndexKey => ({
    catalogPk: levelsAtPartition(tenantId, locationId),
    catalogSk: `${CATALOG_SECTIONS.inventoryItem}${part(itemId)}`,
  }),
  /** The index partition of the levels at one location. */
  levelsAt: (tenantId: string, locationId: string) => levelsAtPartition(tenantId, locationId),
};

function levelsAtPartition(tenantId: string, locationId: string): string {
  return `${tenantRoot(tenantId)}#LOCATION#${part(locationId)}#LEVELS`;
}
