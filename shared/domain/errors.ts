import type { PagedList, Rule, RuleDetails } from '#shared/domain/rules';

/**
 * Failures the domain raises, in neutral words with structured detail. Each dialect turns
 * them into its own API's error envelope and wording; request-level failures (token, body,
 * headers) live in shared/http.
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
  | 'LocationLevel'
  | 'Reservation';

export abstract class DomainError extends Error {
  abstract readonly kind: 'business-rule' | 'not-found' | 'conflict' | 'unavailable';
}

/** The arguments a refusal's detail takes: none when its rule has no detail. */
type DetailArgument<Detail> = [Detail] extends [undefined] ? [] : [detail: Detail];

/**
 * A business rule refused the request (e.g. a variant named for a SIMPLE product's stock).
 * The message, for logs, is the domain's; the answer is the dialect's, from rule and detail.
 */
export class BusinessRuleError<R extends Rule = Rule> extends DomainError {
  readonly kind = 'business-rule';
  readonly detail: RuleDetails[R];
  constructor(
    readonly rule: R,
    message: string,
    ...[detail]: DetailArgument<RuleDetails[R]>
  ) {
    super(message);
    this.detail = detail as RuleDetails[R];
  }
}

/** An action the object's current state does not allow (e.g. removing a level that holds reservations). */
export class NotAllowedError<R extends Rule = Rule> extends BusinessRuleError<R> {}

/**
 * A pagination cursor the list could not have handed out: not decodable, or made for another
 * tenant, another order or other filters. Never read as a position elsewhere.
 */
export class InvalidCursorError extends BusinessRuleError<'invalid-cursor'> {
  constructor(cursor: string, list: PagedList) {
    super('invalid-cursor', `The cursor was not handed out by this ${list} list`, { cursor, list });
  }
}

/** How one API words the rules its routes can break: for each, its words from the rule's detail. */
export type RuleWording<Rules extends Rule, Words = string> = { readonly [R in Rules]: (detail: RuleDetails[R]) => Words };

/** The API's words for a broken rule; undefined for a rule its routes never break (its answer then keeps the domain's message). */
export function wordRule<Words>(
  wording: { readonly [R in Rule]?: (detail: RuleDetails[R]) => Words },
  error: BusinessRuleError,
): Words | undefined {
  const words = wording[error.rule] as ((detail: RuleDetails[Rule]) => Words) | undefined;
  return words?.(error.detail);
}

/** Where a missing object was looked for, for the APIs whose answer says more than its type and ID. */
export interface NotFoundDetail {
  /** The product a variant was looked for in. */
  productId?: string;
  /** The location was looked for to hold a new variant's initial stock: the tenant's default. */
  forInitialStock?: true;
  /** The inventory item a location level was looked for under. */
  inventoryItemId?: string;
  /** The level was looked for to hold a reservation (Medusa: "Item X is not stocked at location Y"). */
  forReservation?: true;
  /** The reservation was looked for to change it (Medusa's update answers 400 "Reservation item with id X not found"). */
  forUpdate?: true;
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(
    readonly objectType: ObjectType,
    readonly objectId: string,
    readonly detail: NotFoundDetail = {},
  ) {
    super(`${objectType} ${objectId} not found`);
  }
}

/**
 * The identity rules the store enforces with conditional writes. A dialect picks its
 * documented answer by rule, never by message.
 */
export const IDENTITY_RULES = {
  /** ShopSynch: one stock record per product (and SKU) per warehouse. */
  stockPerLocation: 'one-stock-record-per-location',
  /** A variant ID names one variant in a tenant, whichever product holds it. */
  variantIdPerTenant: 'variant-id-unique-per-tenant',
  /** DayZero: a SKU is unique within a business. */
  skuPerBusiness: 'sku-unique-per-business',
  /** OrderCloud: an inventory record ID is unique within its product, across variant-level and product-level records. */
  recordIdPerProduct: 'inventory-record-id-unique-per-product',
  /** OrderCloud: one inventory record per variant (or product) and address, the OrderCloud name of the level there. */
  recordPerLevel: 'one-inventory-record-per-level',
  /** A merchant API key's digest names one key. */
  merchantApiKeyUnique: 'merchant-api-key-unique',
  /** Medusa: an inventory item has at most one level per location. */
  levelPerLocation: 'one-level-per-item-location',
  /** Medusa: an inventory item's SKU is unique within a tenant (a variant's SKU is its own item's). */
  itemSkuPerTenant: 'inventory-item-sku-unique-per-tenant',
} as const;
export type IdentityRule = (typeof IDENTITY_RULES)[keyof typeof IDENTITY_RULES];

/** What a refusal of each identity rule names of the clash, for the APIs whose answer says it (`undefined`: nothing). */
export interface ConflictDetails {
  [IDENTITY_RULES.stockPerLocation]: undefined;
  [IDENTITY_RULES.variantIdPerTenant]: { variantId: string };
  [IDENTITY_RULES.skuPerBusiness]: undefined;
  [IDENTITY_RULES.recordIdPerProduct]: { recordId: string };
  [IDENTITY_RULES.recordPerLevel]: { recordId: string; addressId: string };
  [IDENTITY_RULES.merchantApiKeyUnique]: undefined;
  [IDENTITY_RULES.levelPerLocation]: { inventoryItemId: string; locationId: string };
  [IDENTITY_RULES.itemSkuPerTenant]: { sku: string };
}

/** An identity rule, held by a conditional write, refused the request. */
export class ConflictError<R extends IdentityRule = IdentityRule> extends DomainError {
  readonly kind = 'conflict';
  readonly detail: ConflictDetails[R];
  constructor(
    readonly rule: R,
    message: string,
    ...[detail]: DetailArgument<ConflictDetails[R]>
  ) {
    super(message);
    this.detail = detail as ConflictDetails[R];
  }

  /** Whether the refusal is of `rule`: then its detail is that rule's. */
  is<T extends IdentityRule>(rule: T): this is ConflictError<T> {
    return (this.rule as IdentityRule) === rule;
  }
}

/** A port could not serve the request now (storage throttling, unreachable, conflicting): safe to retry later. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(readonly retryAfterSeconds: number) {
    super('Service temporarily unavailable');
  }
}

/** A migration step walks a table in minutes: a client retrying after this long finds the item migrated. */
const NOT_MIGRATED_RETRY_AFTER_SECONDS = 30;

/**
 * An item stored in an earlier layout, which the migration has not reached yet (`npm run migrate`,
 * run after a deploy while traffic continues): a 503 the client retries once it has, never a 500.
 */
export class NotMigratedError extends UnavailableError {
  constructor(detail: string) {
    super(NOT_MIGRATED_RETRY_AFTER_SECONDS);
    // Logged with the 503; the client's answer is the dialect's fixed text.
    this.message = `${detail}: not migrated yet (npm run migrate)`;
  }
}

/**
 * What a store port throws when an optimistic write found the item changed since it was
 * read. The command that read it reads again and retries (retryOnConcurrentChange in concurrency.ts).
 */
export class ConcurrentChangeError extends Error {
  override readonly name = 'ConcurrentChangeError';
}
