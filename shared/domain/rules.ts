import type { ProductType } from '#shared/domain/catalog';
import type { InventoryItemRules } from '#shared/domain/inventoryItemRules';

/**
 * The business rules the domain enforces, by name, each with the detail its refusal
 * carries (`undefined`: none). The domain names a rule and its data in its own terms; each
 * dialect words the rules its routes can break in its API's vocabulary (RuleWording in
 * errors.ts). Grouped by what they guard, so that a dialect words whole groups.
 */

/** Creating and listing stock records. */
export interface StockRecordRules {
  /** A stock record of a VARIABLE product names one of its variants. */
  'variant-required': undefined;
  /** Only a VARIABLE product's stock records name a variant. */
  'variant-not-allowed': { productType: ProductType };
  /** Only a VARIABLE product's stock records carry variant attributes. */
  'attributes-not-allowed': undefined;
  /** Attributes given for a stock record are its variant's: none it lacks... */
  'attribute-unknown': { name: string };
  /** ...and none with another value. */
  'attribute-mismatch': { name: string; given: string; actual: string };
  /** A list narrowed to a variant is narrowed to its product too (a variant ID is unique only within its product). */
  'variant-filter-without-product': undefined;
}

/** Moving stock: what a record's quantities may never become. */
export interface StockMovementRules {
  /** Reserving takes only what is available. */
  'reserve-exceeds-available': { requested: number; available: number };
  /** Releasing gives back only what is reserved. */
  'release-exceeds-reserved': { requested: number; reserved: number };
  /** On hand never falls below what is reserved. */
  'on-hand-below-reserved': { change: number; onHand: number; reserved: number };
  /** On hand never exceeds the maximum a record holds. */
  'on-hand-above-maximum': { change: number; maximum: number };
}

/** Creating, moving and deleting variants. */
export interface VariantRules {
  /** A tenant that requires Stripe sync creates variants only with a Stripe account connected. */
  'stripe-account-required': undefined;
  /** Initial stock is held at the tenant's default location: without one, a variant starts at 0. */
  'initial-stock-without-location': undefined;
  /**
   * A variant moves with everything under it (stock records, inventory links, OrderCloud records)
   * in one transaction, of at most `maximum` writes: a move needing `writes` more is refused.
   */
  'variant-move-too-large': { writes: number; maximum: number };
  /** A variant is deleted only if nothing refers to it: no stock movements, links or inventory records. */
  'used-variant-cannot-be-deleted': undefined;
  /** Only a VARIABLE product has variants: a variant is made on, or moved to, no SIMPLE or DIGITAL product. */
  'variant-needs-variable-product': { productId: string; productType: ProductType };
}

/** Adjusting stock, and the report of adjustments. */
export interface AdjustmentRules {
  /** An adjustment names its location, or the tenant has a default one. */
  'adjustment-without-location': undefined;
  /** A removal takes only what is on hand and not reserved. */
  'removal-exceeds-stock': { change: number; onHand: number; reserved: number };
  /** A report's period ends no earlier than it starts... */
  'period-reversed': undefined;
  /** ...and spans at most `maximumDays`. */
  'period-too-long': { maximumDays: number };
}

/** Links between variants and inventory items, and an item's levels at locations. */
export interface InventoryLinkRules {
  /** A batch of link changes is one transaction, of at most `maximum` links. */
  'batch-too-large': { size: number; maximum: number };
  /** A batch names each link (variant and item) once. */
  'batch-repeats-link': { variantId: string; inventoryItemId: string };
  /** A level holding reservations stays. */
  'level-has-reservations': { inventoryItemId: string; locationId: string };
  /** A level with units on their way to it stays (Medusa's rule). */
  /** A level with units on hand stays: Medusa removes one only when forced, and the ledger never drops units. */
  'level-has-stock': { inventoryItemId: string; locationId: string };
  /** A level that OrderCloud's inventory records show stays while they do. */
  'level-has-inventory-records': { inventoryItemId: string; locationId: string; recordIds: string[] };
}

/** Medusa's reservations: each holds units of one level (an item at a location). */
export interface ReservationRules {
  /** A reservation takes only what the level has available (on hand minus reserved). */
  'reservation-exceeds-available': { inventoryItemId: string; locationId: string; requested: number; available: number };
}

/** Importing a catalog and changing a tenant's settings. */
export interface CatalogAdminRules {
  /** Each document of an import is the caller's own tenant (`documentIndex`: its place in the request). */
  'import-of-other-tenant': { documentIndex: number; tenantId: string };
  /** One import holds at most `maximum` entries. */
  'import-too-large': { entries: number; maximum: number };
  /** A tenant's default location is one of its locations. */
  'default-location-unknown': { locationId: string };
  /** An import sets a level's stocked and incoming units, never its reservations (orders hold them): `given` must be the `reserved` stored. */
  'reserved-not-imported': { locationId: string; reserved: number; given: number };
}

/** OrderCloud's inventory records: each is a name of one shared level (stock of a variant, or product, at a location). */
export interface InventoryRecordRules {
  /** What a record shows available (on hand minus reserved) never goes below zero: the units are every API's. */
  'available-below-zero': { available: number };
  /** A record's notification point is its level's reorder level, which is never below zero. */
  'reorder-level-below-zero': { reorderLevel: number };
  /** A record names the level at its address: it stays at that address (`addressId`), which holds its stock. */
  'record-address-fixed': { recordId: string; addressId: string };
}

/** Bounds on free-form JSON a write stores (see bounds.ts). */
export interface BoundsRules {
  /** The field as it would be stored (after a merge) takes `bytes` of JSON, more than `maximum`. */
  'stored-field-too-large': { field: string; bytes: number; maximum: number };
}

/** The lists that hand out cursors. */
export type PagedList = 'variants' | 'stock' | 'catalog-export' | 'merchant-api-keys';

/** Paging. */
export interface PagingRules {
  /** A cursor comes back only to the list (tenant, filters and order) that handed it out. */
  'invalid-cursor': { cursor: string; list: PagedList };
}

export interface RuleDetails
  extends
    StockRecordRules,
    StockMovementRules,
    VariantRules,
    AdjustmentRules,
    InventoryLinkRules,
    CatalogAdminRules,
    PagingRules,
    InventoryRecordRules,
    BoundsRules,
    InventoryItemRules,
    ReservationRules {}

export type Rule = keyof RuleDetails;
