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
  createdAt: string;
  updatedAt: string;
}

/** On-hand stock of a product, or one of its variants, at one location. */
export interface StockRecord {
  id: string;
  tenantId: string;
  productId: string;
  variantId: string | null;
  locationId: string;
  /** The location's name when the record was created, kept on it so that one read answers every route. */
  locationName: string;
  /** Shelf or bin inside the location. */
  bin: string | null;
  onHandQty: number;
  reservedQty: number;
  reorderLevel: number | null;
  reorderQty: number | null;
  attributes: Record<string, string>;
  countedAt: string | null;
  /** Grows by one with every movement (creation is 1): movements are written only over the version they read. */
  version: number;
  /** When on-hand stock last changed: the creation, or the latest adjustment. */
  lastAdjustedAt: string;
  createdAt: string;
  updatedAt: string;
}

/** UTC timestamp in ISO 8601, to the second, as the vendors' samples show. */
export function nowIso(clock: () => Date = () => new Date()): string {
  return clock()
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z');
}
