/**
 * Failures the domain raises. Each dialect turns them into its own API's error
 * envelope; request-level failures (token, body, headers) live in shared/http.
 */
export type ObjectType =
  | 'Tenant'
  | 'Product'
  | 'Variant'
  | 'Location'
  | 'Vendor'
  | 'InventoryItem'
  | 'InventoryRecord'
  | 'StockRecord'
  | 'MerchantApiKey'
  | 'VariantInventoryLink'
  | 'LocationLevel';

export abstract class DomainError extends Error {
  abstract readonly kind: 'business-rule' | 'not-found' | 'conflict' | 'unavailable';
}

/** A rule that needs catalog data was broken (e.g. skuId given for a SIMPLE product). */
export class BusinessRuleError extends DomainError {
  readonly kind = 'business-rule';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** An action the object's current state does not allow (e.g. removing stock that is reserved). */
export class NotAllowedError extends BusinessRuleError {}

/**
 * A pagination cursor the list could not have handed out: not decodable, or made for another
 * tenant, another order or other filters. Never read as a position elsewhere.
 */
export class InvalidCursorError extends BusinessRuleError {
  constructor(
    readonly cursor: string,
    message = 'cursor is not valid for this list; use the next_cursor or prev_cursor of one of its pages',
  ) {
    super(message, 'cursor');
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(
    readonly objectType: ObjectType,
    readonly objectId: string,
    message = `${objectType} not found`,
  ) {
    super(message);
  }
}

/**
 * The identity rules the store enforces with conditional writes. A dialect picks its
 * documented answer by rule, never by message.
 */
export const IDENTITY_RULES = {
  /** ShopSynch: one stock record per product (and SKU) per warehouse. */
  stockPerLocation: 'one-stock-record-per-location',
  /** DayZero: a SKU is unique within a business. */
  skuPerBusiness: 'sku-unique-per-business',
  /** OrderCloud: an inventory record ID is unique within its product, across variant-level and product-level records. */
  recordIdPerProduct: 'inventory-record-id-unique-per-product',
  /** A merchant API key's digest names one key. */
  merchantApiKeyUnique: 'merchant-api-key-unique',
  /** Medusa: an inventory item has at most one level per location. */
  levelPerLocation: 'one-level-per-item-location',
} as const;
export type IdentityRule = (typeof IDENTITY_RULES)[keyof typeof IDENTITY_RULES];

/** An identity rule, held by a conditional write, refused the request. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly rule: IdentityRule,
    message: string,
  ) {
    super(message);
  }
}

/** A port could not serve the request now (storage throttling, unreachable, conflicting): safe to retry later. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(readonly retryAfterSeconds: number) {
    super('Service temporarily unavailable');
  }
}

/**
 * What a store port throws when an optimistic write found the item changed since it was
 * read. The command that read it reads again and retries; it never reaches a client.
 */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
}
