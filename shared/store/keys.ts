/**
 * Key builders: the only place that knows how items are addressed.
 * Every partition key starts with the tenant, so a request can only reach its own
 * tenant's items. IDs are caller-chosen strings, so each part is escaped: an ID
 * containing '#' can never forge another item's key.
 */
export interface Key {
  pk: string;
  sk: string;
}

const part = (value: string) => encodeURIComponent(value);
const tenantRoot = (tenantId: string) => `TENANT#${part(tenantId)}`;

export const keys = {
  tenant: (tenantId: string): Key => ({ pk: tenantRoot(tenantId), sk: 'TENANT' }),
  merchantApiKey: (tenantId: string, keyHash: string): Key => ({ pk: tenantRoot(tenantId), sk: `APIKEY#${keyHash}` }),
  location: (tenantId: string, locationId: string): Key => ({
    pk: `${tenantRoot(tenantId)}#LOCATION#${part(locationId)}`,
    sk: 'LOCATION',
  }),
  vendor: (tenantId: string, vendorId: string): Key => ({
    pk: `${tenantRoot(tenantId)}#VENDOR#${part(vendorId)}`,
    sk: 'VENDOR',
  }),
  product: (tenantId: string, productId: string): Key => ({ pk: productRoot(tenantId, productId), sk: 'PRODUCT' }),
  variant: (tenantId: string, productId: string, variantId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `VARIANT#${part(variantId)}`,
  }),
  /** An OrderCloud inventory record of one of the product's variants: the ID is unique within the product. */
  inventoryRecord: (tenantId: string, productId: string, recordId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `INVRECORD#${part(recordId)}`,
  }),
  /** Outbox entry: this variant still has to reach Stripe. */
  stripeSyncTask: (tenantId: string, variantId: string): Key => ({ pk: `${tenantRoot(tenantId)}#STRIPESYNC#${part(variantId)}`, sk: 'STRIPESYNC' }),
  /** Guard item that makes a SKU unique within a tenant. */
  skuGuard: (tenantId: string, sku: string): Key => ({ pk: `${tenantRoot(tenantId)}#SKU#${part(sku)}`, sk: 'SKU' }),
  /** On-hand stock of a product (or one of its variants) at a location: at most one per triple. */
  stock: (tenantId: string, productId: string, variantId: string | null, locationId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `STOCK#${variantId === null ? '-' : `V${part(variantId)}`}#${part(locationId)}`,
  }),
  /** A client's Idempotency-Key: its first request's fingerprint and, once done, its response. */
  idempotency: (tenantId: string, key: string): Key => ({ pk: `${tenantRoot(tenantId)}#IDEMPOTENCY#${part(key)}`, sk: 'IDEMPOTENCY' }),
  inventoryItem: (tenantId: string, itemId: string): Key => ({ pk: inventoryItemRoot(tenantId, itemId), sk: 'INVITEM' }),
  /** Stock of an inventory item at a location, kept in the item's partition so one query reads both. */
  locationLevel: (tenantId: string, itemId: string, locationId: string): Key => ({
    pk: inventoryItemRoot(tenantId, itemId),
    sk: `LEVEL#${part(locationId)}`,
  }),
  /** A variant's link to an inventory item (Medusa), beside the variant so one query reads both: one per pair. */
  variantInventoryLink: (tenantId: string, productId: string, variantId: string, itemId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `${variantInventoryLinkPrefix(variantId)}${part(itemId)}`,
  }),
  /** The sort-key prefix shared by every inventory link of one variant. */
  variantInventoryLinks: (tenantId: string, productId: string, variantId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: variantInventoryLinkPrefix(variantId),
  }),
};

function variantInventoryLinkPrefix(variantId: string): string {
  return `VARIANT#${part(variantId)}#INVLINK#`;
}

function inventoryItemRoot(tenantId: string, itemId: string): string {
  return `${tenantRoot(tenantId)}#INVITEM#${part(itemId)}`;
}

function productRoot(tenantId: string, productId: string): string {
  return `${tenantRoot(tenantId)}#PRODUCT#${part(productId)}`;
}

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

const catalogIndexKey = (section: keyof typeof CATALOG_SECTIONS) => (tenantId: string, id: string): CatalogIndexKey => ({
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
