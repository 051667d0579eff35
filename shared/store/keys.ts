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

/** A later change of a variant still to reach Stripe: beside the create's entry, sorted by revision (see StripeChangeTask). */
export const stripeChangeTaskKey = (tenantId: string, variantId: string, revision: number): Key => ({
  pk: keys.stripeSyncTask(tenantId, variantId).pk,
  sk: `STRIPESYNC#${String(revision).padStart(10, '0')}`,
});

/** Stock adjustments of a business in one calendar month (UTC), in time order: a report queries only the months it covers. */
export const adjustmentKeys = {
  month: (tenantId: string, month: string): string => `${tenantRoot(tenantId)}#ADJUSTMENTS#${month}`,
  entry: (tenantId: string, createdAt: string, adjustmentId: string): Key => ({
    pk: adjustmentKeys.month(tenantId, createdAt.slice(0, 7)),
    sk: `${createdAt}#${part(adjustmentId)}`,
  }),
};

/**
 * Where an item appears in a secondary index (see INDEXES in shared/store/table): the
 * index's key attributes, which the item carries while it should be found there.
 */
export const indexKeys = {
  /** A DayZero variant (sort key VARIANT) and its stock records (STOCK#<location>), found by the variant's ID alone. */
  variantById: (tenantId: string, variantId: string, stockLocationId?: string) => ({
    variantByIdPk: `${tenantRoot(tenantId)}#VARIANT#${part(variantId)}`,
    variantByIdSk: stockLocationId === undefined ? 'VARIANT' : `STOCK#${part(stockLocationId)}`,
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
