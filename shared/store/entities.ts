import * as z from 'zod/mini';
import type { InventoryItem, Level, Location, LocationLevel, Product, StockRecord, Tenant, Variant, Vendor } from '#shared/domain/catalog';
import type { InventoryRecord } from '#shared/domain/inventoryRecord';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { StockMovement } from '#shared/domain/stock';
import type { StripeChangeTask, StripeSyncTask } from '#shared/domain/stripeSync';
import type { VariantRecord } from '#shared/domain/variant';
import type { StockAdjustment } from '#shared/domain/adjustment';

/**
 * The stored shape of each entity, checked on every read (see fromItem). Each schema is
 * typed by the domain's own interface, so changing one without the other fails to compile.
 */
const text = z.string();
const count = z.number();
const nullableText = z.nullable(z.string());
const strings = z.record(z.string(), z.string());

export const TenantItem: z.ZodMiniType<Tenant> = z.object({
  id: text,
  name: text,
  defaultLocationId: z.optional(text),
  currency: text,
  stripe: z.optional(z.object({ accountId: z.optional(text), syncRequired: z.boolean() })),
  createdAt: text,
});

export const MerchantApiKeyItem = z.object({
  tenantId: text,
  keyHash: text,
  /** The key's last four characters, shown in lists (older keys have none). */
  last4: z.optional(text),
  active: z.boolean(),
  createdAt: text,
  lastUsedAt: z.optional(text),
  revokedAt: z.optional(text),
  /** How keyHash was made: `hmac-sha256 v1` (see merchantKeyDigest.ts); absent or `sha256` on a key not used since digests were keyed. */
  digest: z.optional(text),
  /** A key migrated from SHA-256 keeps its ID, held here sealed only. */
  legacyIdSealed: z.optional(text),
});

export const LocationItem: z.ZodMiniType<Location> = z.object({
  id: text,
  tenantId: text,
  name: text,
  ownerId: text,
  address: z.object({
    companyName: text,
    firstName: text,
    lastName: text,
    street1: text,
    street2: text,
    city: text,
    state: text,
    zip: text,
    country: text,
    phone: text,
    addressName: text,
    xp: z.record(z.string(), z.unknown()),
  }),
  createdAt: text,
});

export const VendorItem: z.ZodMiniType<Vendor> = z.object({ id: text, tenantId: text, name: text });

export const ProductItem: z.ZodMiniType<Product> = z.object({
  id: text,
  tenantId: text,
  name: text,
  productType: z.enum(['SIMPLE', 'DIGITAL', 'VARIABLE']),
  inventoryItemId: z.optional(text),
  /** Its variants, counted by every write that makes or removes one (see productCounters); absent on products stored before. */
  variantCount: z.optional(count),
  createdAt: text,
});

export const VariantItem: z.ZodMiniType<Variant> = z.object({
  id: text,
  tenantId: text,
  productId: text,
  name: text,
  sku: nullableText,
  attributes: strings,
  prices: z.optional(
    z.array(
      z.object({
        id: text,
        amount: count,
        currencyCode: text,
        minQuantity: z.nullable(count),
        maxQuantity: z.nullable(count),
        rules: strings,
      }),
    ),
  ),
  options: z.optional(z.array(z.object({ id: text, value: text, rank: count, optionId: text, optionTitle: text }))),
  inventoryItemId: z.optional(text),
  createdAt: text,
  updatedAt: text,
});

const stockRecordShape = {
  id: text,
  tenantId: text,
  inventoryItemId: z.optional(text),
  levelId: z.optional(text),
  productId: text,
  variantId: nullableText,
  locationId: text,
  locationName: text,
  bin: nullableText,
  onHandQty: count,
  reservedQty: count,
  incomingQty: z._default(count, 0),
  orderCloudRecordIds: z._default(z.array(text), []),
  reorderLevel: z.nullable(count),
  reorderQty: z.nullable(count),
  attributes: strings,
  countedAt: nullableText,
  version: count,
  namingVersions: z.optional(count),
  lastAdjustedAt: text,
  createdAt: text,
  updatedAt: text,
};

export const StockRecordItem: z.ZodMiniType<StockRecord> = z.object(stockRecordShape);

/** A ledger level of any item: a stock record, or the level of an item no product owns (productId null). */
export const LevelItem: z.ZodMiniType<Level> = z.object({ ...stockRecordShape, productId: nullableText });

export const InventoryItemItem: z.ZodMiniType<InventoryItem> = z.object({
  id: text,
  tenantId: text,
  sku: nullableText,
  title: nullableText,
  description: nullableText,
  requiresShipping: z.boolean(),
  owner: z.optional(z.object({ productId: text, variantId: nullableText })),
  levelsVersion: z.optional(z.int()),
  counted: z.optional(z.boolean()),
  linkVersion: z.optional(z.int()),
  linksCopied: z.optional(z.boolean()),
  createdAt: text,
  updatedAt: text,
});

export const LocationLevelItem: z.ZodMiniType<LocationLevel> = z.object({
  id: text,
  tenantId: text,
  inventoryItemId: text,
  locationId: text,
  stockedQuantity: count,
  reservedQuantity: count,
  incomingQuantity: count,
  stockRecordId: z.optional(text),
  version: z.optional(count),
  ledger: z.optional(LevelItem),
  createdAt: text,
  updatedAt: text,
});

export const VariantInventoryLinkItem: z.ZodMiniType<VariantInventoryLink> = z.object({
  id: text,
  tenantId: text,
  productId: text,
  variantId: text,
  inventoryItemId: text,
  requiredQuantity: count,
  createdAt: text,
  updatedAt: text,
});

/** `xp` is client JSON kept as text: DynamoDB numbers and maps cannot hold every JSON value. */
export const InventoryRecordItem: z.ZodMiniType<InventoryRecord> = z.object({
  id: text,
  tenantId: text,
  productId: text,
  variantId: nullableText,
  ownerId: text,
  addressId: text,
  allowAllBuyers: z.boolean(),
  orderCanExceed: z.boolean(),
  quantityAvailable: count,
  notificationPoint: z.nullable(count),
  xp: z.pipe(
    text,
    z.transform((raw: string) => JSON.parse(raw) as Record<string, unknown>),
  ),
  lastUpdated: text,
  stockRecordId: z.optional(text),
  version: z.optional(count),
  ledger: z.optional(StockRecordItem),
}) as z.ZodMiniType<InventoryRecord>;

export const StripeSyncTaskItem: z.ZodMiniType<StripeSyncTask> = z.object({
  tenantId: text,
  productId: text,
  productName: text,
  variantId: text,
  variantName: text,
  unitPriceCents: z.nullable(count),
  currency: text,
  accountId: text,
  createdAt: text,
});

/** The identity guard of a stock record (one per product, variant and location): it names the record. */
export const StockGuardItem = z.object({ tenantId: text, recordId: text });

export const StockMovementItem: z.ZodMiniType<StockMovement> = z.object({
  tenantId: text,
  recordId: text,
  version: count,
  kind: z.enum(['created', 'reserved', 'released', 'adjusted']),
  qty: count,
  reason: nullableText,
  reference: nullableText,
  notes: nullableText,
  onHandQty: count,
  reservedQty: count,
  by: text,
  at: text,
});

/**
 * The outbox entry of a crossing into low stock: the record as that movement left it, kept
 * as JSON text so that every stream reader gets it back whole (empty maps included).
 */
export const LowStockEventItem = z.object({
  record: z.pipe(
    text,
    z.transform((raw: string) => JSON.parse(raw) as unknown),
  ),
});
/**
 * A variant as DayZero stores it: its catalog fields, prices and Stripe IDs, the location of
 * its stock and its revision. Variants written before these existed read as active, without
 * a home location, at revision 0.
 */
export const DayZeroVariantItem: z.ZodMiniType<Omit<VariantRecord, 'stock'> & { stockLocationId: string | null; revision: number }> =
  z.object({
    id: text,
    tenantId: text,
    productId: text,
    productName: text,
    name: text,
    sku: nullableText,
    manufacturerSku: nullableText,
    unitPriceCents: z.nullable(count),
    unitCostCents: z.nullable(count),
    unitCostPrecise: z.nullable(count),
    uom: text,
    defaultVendorId: nullableText,
    stripeProductId: nullableText,
    stripePriceId: nullableText,
    barcode: z._default(nullableText, null),
    attributes: z._default(strings, {}),
    archived: z._default(z.boolean(), false),
    /** Its own inventory item: set by its first stock, through whichever API; every DayZero write carries it on. */
    inventoryItemId: z.optional(text),
    /** How many levels its own item has: a permanent delete is conditional on it (see ownItemWrites). */
    levelCount: z.optional(count),
    /** Bumped by every write of one of its inventory links: a move or permanent delete is conditional on it. */
    linkVersion: z.optional(count),
    stockLocationId: z._default(nullableText, null),
    /** Bumped by every update, whose write is conditional on the revision it read. */
    revision: z._default(count, 0),
    createdAt: text,
    updatedAt: text,
  });

export const StockAdjustmentItem: z.ZodMiniType<StockAdjustment> = z.object({
  id: text,
  tenantId: text,
  productId: text,
  variantId: text,
  locationId: text,
  delta: count,
  reason: text,
  reasonCode: nullableText,
  unitCostCents: z.nullable(count),
  createdAt: text,
});

export const StripeChangeTaskItem: z.ZodMiniType<StripeChangeTask> = z.object({
  tenantId: text,
  productId: text,
  variantId: text,
  revision: count,
  accountId: text,
  currency: text,
  variantName: text,
  renamed: z.optional(z.boolean()),
  unitPriceCents: z.optional(z.nullable(count)),
  archived: z.optional(z.boolean()),
  createdAt: text,
});
