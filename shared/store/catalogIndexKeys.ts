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
};
