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

/** An ID inside a key, URI-encoded so that an ID holding `#` cannot forge another key. */
export const part = (value: string) => encodeURIComponent(value);
export const tenantRoot = (tenantId: string) => `TENANT#${part(tenantId)}`;

export const keys = {
  tenant: (tenantId: string): Key => ({ pk: tenantRoot(tenantId), sk: 'TENANT' }),
  merchantApiKey: (tenantId: string, keyHash: string): Key => ({ pk: tenantRoot(tenantId), sk: `APIKEY#${keyHash}` }),
  /** The export a restore into the tenant writes (see shared/store/catalogRestore). */
  restoreMarker: (tenantId: string): Key => ({ pk: tenantRoot(tenantId), sk: 'RESTORE' }),
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
  /**
   * Guard item that makes an OrderCloud inventory record ID unique within the product, across
   * both levels. Records written before the levels were split were stored whole at this key.
   */
  inventoryRecordId: (tenantId: string, productId: string, recordId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `INVRECORD#${part(recordId)}`,
  }),
  /** Outbox entry: this variant still has to reach Stripe. */
  stripeSyncTask: (tenantId: string, variantId: string): Key => ({
    pk: `${tenantRoot(tenantId)}#STRIPESYNC#${part(variantId)}`,
    sk: 'STRIPESYNC',
  }),
  /** Guard item that makes a variant ID unique within a tenant, across its products: it names the variant's product. */
  variantIdGuard: (tenantId: string, variantId: string): Key => ({
    pk: `${tenantRoot(tenantId)}#VARIANTID#${part(variantId)}`,
    sk: 'VARIANTID',
  }),
  /** Guard item that makes a SKU unique within a tenant. */
  skuGuard: (tenantId: string, sku: string): Key => ({ pk: `${tenantRoot(tenantId)}#SKU#${part(sku)}`, sk: 'SKU' }),
  /** One of a tenant's counts of its inventory items (see itemCounts.ts), beside its settings. */
  itemCount: (tenantId: string, shard: number): Key => ({ pk: tenantRoot(tenantId), sk: `ITEMCOUNT#${shard}` }),
  /** Guard item that makes an inventory item's SKU unique within a tenant (Medusa's rule): it names the item. */
  itemSkuGuard: (tenantId: string, sku: string): Key => ({ pk: `${tenantRoot(tenantId)}#ITEMSKU#${part(sku)}`, sk: 'ITEMSKU' }),
  /** Guard item of a stock record: its key is the product (or variant) and location, so at most one record per triple. */
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
  /** A copy of a variant's link in its item's partition, so that the item's delete finds its links (see linkCopies.ts). */
  itemLinkCopy: (tenantId: string, itemId: string, productId: string, variantId: string): Key => ({
    pk: inventoryItemRoot(tenantId, itemId),
    sk: `LINK#${part(productId)}#${part(variantId)}`,
  }),
  /** The sort-key prefix shared by every inventory link of one variant. */
  variantInventoryLinks: (tenantId: string, productId: string, variantId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: variantInventoryLinkPrefix(variantId),
  }),
  /** The sort-key prefix of everything under a variant in its product's partition: its inventory links and OrderCloud records. */
  variantHoldings: (tenantId: string, productId: string, variantId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `VARIANT#${part(variantId)}#`,
  }),
  /** An OrderCloud inventory record of a variant, after the variant item so one range query reads both. */
  variantInventoryRecord: (tenantId: string, productId: string, variantId: string, recordId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `${variantInventoryRecordPrefix(variantId)}${part(recordId)}`,
  }),
  /** A product-level OrderCloud inventory record, after the product item so one prefix query reads both. */
  productInventoryRecord: (tenantId: string, productId: string, recordId: string): Key => ({
    pk: productRoot(tenantId, productId),
    sk: `${PRODUCT_INVENTORY_RECORD_PREFIX}${part(recordId)}`,
  }),
  /** The sort-key range holding a variant item and every inventory record of that variant (and other items between them). */
  variantInventoryRecordRange: (tenantId: string, productId: string, variantId: string): { pk: string; from: string; to: string } => ({
    pk: productRoot(tenantId, productId),
    from: `VARIANT#${part(variantId)}`,
    // Escaped parts are ASCII, so nothing under the prefix sorts after U+FFFF.
    to: `${variantInventoryRecordPrefix(variantId)}\uffff`,
  }),
  /** The sort-key prefix shared by the product item and every product-level inventory record. */
  productInventoryRecords: (tenantId: string, productId: string): Key => ({ pk: productRoot(tenantId, productId), sk: 'PRODUCT' }),
};

/** A stock record, addressed by its ID; its history shares the partition. */
export const stockKeys = {
  record: (tenantId: string, recordId: string): Key => ({ pk: stockRecordRoot(tenantId, recordId), sk: 'STOCK' }),
  /** One history entry per version: the sort key orders them as they were committed. */
  movement: (tenantId: string, recordId: string, version: number): Key => ({
    pk: stockRecordRoot(tenantId, recordId),
    sk: `${MOVEMENT_PREFIX}${String(version).padStart(10, '0')}`,
  }),
  /** Every history entry of a record, in its partition, sorts between these two. */
  movements: (tenantId: string, recordId: string): { pk: string; first: string; last: string } => ({
    pk: stockRecordRoot(tenantId, recordId),
    first: MOVEMENT_PREFIX,
    last: `${MOVEMENT_PREFIX}\uffff`,
  }),
  /** Outbox entry: this version took the record into low stock, an InventoryLowStock event is owed. */
  lowStockEvent: (tenantId: string, recordId: string, version: number): Key => ({
    pk: `${tenantRoot(tenantId)}#LOWSTOCKEVENT#${part(recordId)}#${version}`,
    sk: 'LOWSTOCKEVENT',
  }),
  /** Where a record sits in the stock indexes (see STOCK_INDEXES in shared/store/table). */
  byProduct: (record: StockPlace): Key => ({
    pk: `${tenantRoot(record.tenantId)}#STOCK`,
    sk: `${part(record.productId)}#${variantPart(record.variantId)}#${part(record.locationId)}#${part(record.id)}`,
  }),
  byWarehouse: (record: StockPlace): Key => ({
    pk: stockByWarehouseRoot(record.tenantId, record.locationId),
    sk: `${part(record.productId)}#${variantPart(record.variantId)}#${part(record.id)}`,
  }),
  lowStock: (record: StockPlace): Key => ({
    pk: `${tenantRoot(record.tenantId)}#LOWSTOCK`,
    sk: `${part(record.locationId)}#${part(record.productId)}#${variantPart(record.variantId)}#${part(record.id)}`,
  }),
  /** Index partition and sort-key prefix that hold exactly the records a list filter names. */
  byProductRange: (
    tenantId: string,
    productId?: string,
    variantId?: string | null,
    locationId?: string,
  ): { pk: string; prefix: string } => ({
    pk: `${tenantRoot(tenantId)}#STOCK`,
    prefix: prefixOf([
      productId === undefined ? undefined : part(productId),
      variantId === undefined ? undefined : variantPart(variantId),
      locationId === undefined ? undefined : part(locationId),
    ]),
  }),
  byWarehouseRange: (
    tenantId: string,
    locationId: string,
    productId?: string,
    variantId?: string | null,
  ): { pk: string; prefix: string } => ({
    pk: stockByWarehouseRoot(tenantId, locationId),
    prefix: prefixOf([productId === undefined ? undefined : part(productId), variantId === undefined ? undefined : variantPart(variantId)]),
  }),
  lowStockRange: (tenantId: string, locationId?: string): { pk: string; prefix: string } => ({
    pk: `${tenantRoot(tenantId)}#LOWSTOCK`,
    prefix: locationId === undefined ? '' : `${part(locationId)}#`,
  }),
};

/** What places a record in the indexes. */
interface StockPlace {
  id: string;
  tenantId: string;
  productId: string;
  variantId: string | null;
  locationId: string;
}

const MOVEMENT_PREFIX = 'MOVEMENT#';

function stockRecordRoot(tenantId: string, recordId: string): string {
  return `${tenantRoot(tenantId)}#STOCK#${part(recordId)}`;
}

function stockByWarehouseRoot(tenantId: string, locationId: string): string {
  return `${tenantRoot(tenantId)}#WAREHOUSE#${part(locationId)}#STOCK`;
}

const variantPart = (variantId: string | null) => (variantId === null ? '-' : `V${part(variantId)}`);

/** The leading parts given, each closed by '#', so that `ab` never matches `abc`; stops at the first missing part. */
function prefixOf(parts: (string | undefined)[]): string {
  const given: string[] = [];
  for (const value of parts) {
    if (value === undefined) break;
    given.push(value);
  }
  return given.map((value) => `${value}#`).join('');
}
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
  /**
   * A DayZero variant's place in the variant lists (VARIANT_LIST_INDEXES in shared/store/table):
   * the business's list and its product's, active or archived, each by creation time and by
   * name, the variant's ID breaking ties. Every write of a DayZero variant sets all four, so a
   * rename, an archive or a move to another product moves it in the lists in the same write.
   */
  variantList: (variant: { tenantId: string; productId: string; id: string; name: string; createdAt: string; archived: boolean }) => ({
    variantsPk: variantListPartition(variant.tenantId, null, variant.archived),
    productVariantsPk: variantListPartition(variant.tenantId, variant.productId, variant.archived),
    // created_at is fixed-width (YYYY-MM-DDTHH:MM:SSZ), so '#' cannot reorder it.
    variantsCreatedSk: `${variant.createdAt}#${part(variant.id)}`,
    variantsNameSk: `${nameSortText(variant.name)}${NAME_SORT_END}${part(variant.id)}`,
  }),
  /** The index partition of one variant list: the business's variants (productId null) or one product's, active or archived. */
  variantListPartition: (tenantId: string, productId: string | null, archived: boolean) =>
    variantListPartition(tenantId, productId, archived),
};

function variantListPartition(tenantId: string, productId: string | null, archived: boolean): string {
  return `${productId === null ? tenantRoot(tenantId) : productRoot(tenantId, productId)}#VARIANTS#${archived ? 'archived' : 'active'}`;
}

/**
 * DynamoDB orders sort keys by their UTF-8 bytes, so the name is kept as it is (case and
 * accents included) and ended by U+0001, which sorts below every character a name keeps:
 * "Tee" then sorts before "Tee Shirt" (a '#' would not: a space sorts below it). The control
 * characters U+0000 to U+001F are written as U+001F and a letter, which keeps their order and
 * keeps U+0001 the lowest. A sort key holds 1,024 bytes and the ID up to 300 of them, so a
 * name sorts by its first NAME_SORT_BYTES bytes; names alike that far sort by ID.
 */
export const NAME_SORT_END = '\u0001';
export const NAME_SORT_BYTES = 700;

function nameSortText(name: string): string {
  const escaped = name.replace(/[\u0000-\u001f]/g, (control) => `\u001f${String.fromCharCode(0x40 + control.charCodeAt(0))}`);
  if (Buffer.byteLength(escaped) <= NAME_SORT_BYTES) return escaped;
  let kept = '';
  let bytes = 0;
  for (const character of escaped) {
    bytes += Buffer.byteLength(character);
    if (bytes > NAME_SORT_BYTES) break;
    kept += character;
  }
  return kept;
}

const PRODUCT_INVENTORY_RECORD_PREFIX = 'PRODUCT#INVRECORD#';

function variantInventoryRecordPrefix(variantId: string): string {
  return `VARIANT#${part(variantId)}#INVRECORD#`;
}

function variantInventoryLinkPrefix(variantId: string): string {
  return `VARIANT#${part(variantId)}#INVLINK#`;
}

function inventoryItemRoot(tenantId: string, itemId: string): string {
  return `${tenantRoot(tenantId)}#INVITEM#${part(itemId)}`;
}

function productRoot(tenantId: string, productId: string): string {
  return `${tenantRoot(tenantId)}#PRODUCT#${part(productId)}`;
}
