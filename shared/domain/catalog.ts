/**
 * The catalog shared by all four APIs. A location is one concept serving as an
 * OrderCloud address, a ShopSynch warehouse and a Medusa stock location.
 */
export const PRODUCT_TYPES = ['SIMPLE', 'DIGITAL', 'VARIABLE'] as const;
export type ProductType = (typeof PRODUCT_TYPES)[number];

export interface Tenant {
  id: string;
  name: string;
  /** Where stock is counted when an API does not name a location (DayZero's initial inventory). */
  defaultLocationId?: string;
  currency: string;
  /** The business's Stripe connected account, and whether variants may only exist in Stripe too. */
  stripe?: { accountId?: string; syncRequired: boolean };
  createdAt: string;
}

export interface Address {
  companyName: string;
  firstName: string;
  lastName: string;
  street1: string;
  street2: string;
  city: string;
  state: string;
  zip: string;
  country: string;
  phone: string;
  addressName: string;
  xp: Record<string, unknown>;
}

export interface Location {
  id: string;
  tenantId: string;
  name: string;
  /** OrderCloud owner of the address: the marketplace (tenant) or a supplier. */
  ownerId: string;
  address: Address;
  createdAt: string;
}

export interface Product {
  id: string;
  tenantId: string;
  name: string;
  productType: ProductType;
  /** A SIMPLE or DIGITAL product's own inventory item, once it has stock. */
  inventoryItemId?: string;
  /** How many variants it has (only a VARIABLE product has any): a type change away from VARIABLE is conditional on none. */
  variantCount?: number;
  createdAt: string;
}

export interface Variant {
  id: string;
  tenantId: string;
  productId: string;
  name: string;
  sku: string | null;
  /** Variant dimensions, e.g. {"Color": "Red"}. */
  attributes: Record<string, string>;
  /** The variant's prices (Medusa's price set); absent on variants created without any. */
  prices?: VariantPrice[];
  /** The product options' values this variant takes, with their IDs; absent where the catalog gives options no IDs. */
  options?: VariantOptionValue[];
  /** The variant's own inventory item (linked with required quantity 1), once it has stock. */
  inventoryItemId?: string;
  createdAt: string;
  updatedAt: string;
}

/** One price of a variant: an amount in a currency, for a quantity range, under rules (e.g. {"region_id": "reg_eu"}). */
export interface VariantPrice {
  id: string;
  amount: number;
  /** Lower-case ISO 4217 code. */
  currencyCode: string;
  minQuantity: number | null;
  maxQuantity: number | null;
  rules: Record<string, string>;
}

/** The value a variant takes for one of its product's options (e.g. option "Color", value "Red"). */
export interface VariantOptionValue {
  id: string;
  value: string;
  /** Position of the value among its option's values. */
  rank: number;
  optionId: string;
  optionTitle: string;
}

export interface Vendor {
  id: string;
  tenantId: string;
  name: string;
}

export interface InventoryItem {
  id: string;
  tenantId: string;
  sku: string | null;
  title: string | null;
  description: string | null;
  requiresShipping: boolean;
  /** The product (and variant) this is the own item of; absent for an item made on its own (a kit's part). */
  owner?: { productId: string; variantId: string | null };
  /** Counts the levels made of an item no product owns (absent: none yet), so that its delete, over the count read, never leaves one behind. */
  levelsVersion?: number;
  /** Counted in the tenant's item count (absent on items stored before it, until the migration counts them). */
  counted?: boolean;
  /** Bumped by every write that makes a link to the item, so that its delete, over the version read, never leaves a link behind. */
  linkVersion?: number;
  /** Its links all have their copy in its partition (absent on items stored before the copies, until the migration copies them). */
  linksCopied?: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface LocationLevel {
  id: string;
  tenantId: string;
  inventoryItemId: string;
  locationId: string;
  stockedQuantity: number;
  reservedQuantity: number;
  incomingQuantity: number;
  /** The ledger entry (stock record) this level shows, and the version it shows. */
  stockRecordId?: string;
  version?: number;
  /**
   * A copy of that entry as of `version`, written in each of its transactions: a write through
   * Medusa's name reads this one item and moves the entry. Absent on views written before it.
   */
  ledger?: Level;
  createdAt: string;
  updatedAt: string;
}

/**
 * The stock level of one inventory item at one location: the one ledger entry that every API
 * shows under its own name (ShopSynch's record ID `id`, Medusa's level `levelId` at the item and
 * location, OrderCloud's `orderCloudRecordIds`, DayZero's variant at its location). Its history
 * (StockMovement) is append-only, one entry per version.
 */
export interface StockRecord {
  id: string;
  tenantId: string;
  /** The stocked unit. Levels stored before items were shared have none until migrated. */
  inventoryItemId?: string;
  /** Medusa's name for this level (`ilev_…`). */
  levelId?: string;
  /** The product (and variant) whose own item this is; the lists by product and warehouse show it. */
  productId: string;
  variantId: string | null;
  locationId: string;
  /** The location's name when the record was created, kept on it so that one read answers every route. */
  locationName: string;
  /** Shelf or bin inside the location. */
  bin: string | null;
  onHandQty: number;
  reservedQty: number;
  /** Units on their way (Medusa's incoming_quantity): not on hand, not available. */
  incomingQty: number;
  /** OrderCloud inventory records that show this level (each with its own xp), written with it. */
  orderCloudRecordIds: string[];
  reorderLevel: number | null;
  reorderQty: number | null;
  attributes: Record<string, string>;
  countedAt: string | null;
  /** Grows by one with every movement (creation is 1): movements are written only over the version they read. */
  version: number;
  /**
   * Of those versions, how many moved no units: OrderCloud naming the level (a record created on it,
   * renamed or deleted) or changing its reorder level. Not stock movements: a variant whose levels
   * have no other history can still be deleted permanently.
   */
  namingVersions?: number;
  /** When on-hand stock last changed: the creation, or the latest adjustment. */
  lastAdjustedAt: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A ledger level of any inventory item. A StockRecord is the level of an item a product or variant
 * owns; an item made on its own (a kit's part, stocked through Medusa) has levels with no product,
 * which the routes that address stock by product (ShopSynch's, DayZero's) do not show.
 */
export type Level = Omit<StockRecord, 'productId'> & { productId: string | null };

/** UTC timestamp in ISO 8601, to the second, as the vendors' samples show. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}
