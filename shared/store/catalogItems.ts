import type { InventoryItem, Location, LocationLevel, Product, Tenant, Variant, Vendor } from '#shared/domain/catalog';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { StoredMerchantApiKey } from '#shared/domain/merchantApiKey';
import type { VariantRecord } from '#shared/domain/variant';
import { toItem } from '#shared/store/items';
import { indexKeys, keys } from '#shared/store/keys';
import { catalogEntry } from '#shared/store/catalogIndexKeys';
import { keyDigestOf, KEYED_DIGEST } from '#shared/store/merchantKeyDigest';
import { ENTITY } from '#shared/store/table';

type Item = Record<string, unknown>;

/**
 * The item of each catalog entity, built in this one place: the catalog import, the fixtures
 * loader and the vendor routes that create an entity all write what these return, so its
 * key, index keys and attributes cannot drift apart between them. Stock records and
 * OrderCloud inventory records have theirs beside their stores (newStockRecordItems,
 * inventoryRecordItems). An optional field left undefined is not stored (the client drops it).
 */
export const catalogItem = {
  tenant: (tenant: Tenant): Item => toItem(ENTITY.Tenant, keys.tenant(tenant.id), tenant),

  /**
   * A key is stored as its keyed digest only (see merchantKeyDigest.ts), under that digest, or,
   * migrated from SHA-256, under the tag of the ID it keeps (`at`), that ID sealed.
   */
  merchantApiKey: (
    tenantId: string,
    { keyHash, last4, active, createdAt, lastUsedAt, revokedAt }: StoredMerchantApiKey,
    migrated?: { at: string; legacyIdSealed: string },
  ): Item =>
    toItem(ENTITY.MerchantApiKey, keys.merchantApiKey(tenantId, migrated?.at ?? keyHash), {
      tenantId,
      keyHash,
      digest: KEYED_DIGEST,
      last4,
      active,
      createdAt,
      lastUsedAt,
      revokedAt,
      ...(migrated ? { legacyIdSealed: migrated.legacyIdSealed } : {}),
    }),

  /** The catalog's roots (locations, vendors, products, inventory items) carry the keys of the `catalog` index, which the export pages through. */
  location: (location: Location): Item =>
    toItem(ENTITY.Location, keys.location(location.tenantId, location.id), {
      ...location,
      ...catalogEntry.location(location.tenantId, location.id),
    }),

  vendor: (vendor: Vendor & { createdAt: string }): Item =>
    toItem(ENTITY.Vendor, keys.vendor(vendor.tenantId, vendor.id), { ...vendor, ...catalogEntry.vendor(vendor.tenantId, vendor.id) }),

  product: (product: Product): Item =>
    toItem(ENTITY.Product, keys.product(product.tenantId, product.id), {
      ...product,
      ...catalogEntry.product(product.tenantId, product.id),
    }),

  /**
   * The variant with the index keys that find it by its ID and place it in DayZero's lists
   * (they follow its name, product and archived state, so every write of it sets them again).
   */
  variant: (variant: StoredVariant): Item =>
    toItem(ENTITY.Variant, keys.variant(variant.tenantId, variant.productId, variant.id), {
      ...variant,
      ...indexKeys.variantById(variant.tenantId, variant.id),
      ...indexKeys.variantList(variant),
    }),

  /** Holds a SKU for one variant of the tenant: its key is the SKU, so a second variant cannot take it. */
  /** Holds a variant's ID for it alone in its tenant; `productId` says which product's variant holds it. */
  variantIdGuard: (variant: { tenantId: string; productId: string; id: string }): Item =>
    toItem(ENTITY.VariantIdGuard, keys.variantIdGuard(variant.tenantId, variant.id), {
      tenantId: variant.tenantId,
      variantId: variant.id,
      productId: variant.productId,
    }),
  skuGuard: (variant: { tenantId: string; productId: string; id: string; sku: string }): Item =>
    toItem(ENTITY.SkuGuard, keys.skuGuard(variant.tenantId, variant.sku), {
      tenantId: variant.tenantId,
      sku: variant.sku,
      productId: variant.productId,
      variantId: variant.id,
    }),

  /** Every writer of a new item counts it in the same write (see itemCounts.ts). */
  inventoryItem: (item: InventoryItem): Item =>
    toItem(ENTITY.InventoryItem, keys.inventoryItem(item.tenantId, item.id), {
      ...item,
      counted: true,
      // A new item's links are all written with their copies (see linkCopies).
      linksCopied: true,
      ...catalogEntry.inventoryItem(item.tenantId, item.id),
    }),

  /** Medusa's view of a level, found by its location too: every writer of a level builds it here (see itemsAtLocation). */
  locationLevel: (level: LocationLevel): Item =>
    toItem(ENTITY.LocationLevel, keys.locationLevel(level.tenantId, level.inventoryItemId, level.locationId), {
      ...level,
      ...catalogEntry.levelAt(level.tenantId, level.locationId, level.inventoryItemId),
    }),

  variantInventoryLink: (link: VariantInventoryLink): Item =>
    toItem(
      ENTITY.VariantInventoryLink,
      keys.variantInventoryLink(link.tenantId, link.productId, link.variantId, link.inventoryItemId),
      link,
    ),
};

/**
 * Everything a variant's item holds: the catalog's fields (Medusa's prices and option values
 * when it has them), DayZero's, the location its stock is counted at, and the revision that
 * DayZero's updates and the import's writes give it (absent until one of them writes).
 */
export type StoredVariant = Variant & Omit<VariantRecord, 'stock'> & { stockLocationId: string | null; revision?: number };

/**
 * A variant that a catalog document (fixtures, an import) creates: DayZero's fields as its
 * create leaves them when they are not given, so DayZero reads, lists and updates it as one of its own.
 */
export function catalogVariant(
  variant: Pick<StoredVariant, 'id' | 'tenantId' | 'productId' | 'productName' | 'name' | 'sku' | 'attributes' | 'stockLocationId'> &
    Partial<Pick<StoredVariant, 'unitPriceCents' | 'unitCostCents' | 'prices' | 'options'>> & { createdAt: string },
): StoredVariant {
  return {
    manufacturerSku: null,
    unitPriceCents: null,
    unitCostCents: null,
    unitCostPrecise: null,
    uom: 'EA',
    defaultVendorId: null,
    stripeProductId: null,
    stripePriceId: null,
    barcode: null,
    archived: false,
    updatedAt: variant.createdAt,
    ...variant,
  };
}

/** A key as a document gives it, in plain text: stored as its keyed digest, active, and shown by its last four characters. */
export const plainMerchantApiKey = async (key: string, createdAt: string): Promise<StoredMerchantApiKey> => ({
  keyHash: await keyDigestOf(key),
  last4: key.slice(-4),
  active: true,
  createdAt,
});
