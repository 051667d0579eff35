import type { Attachment } from '#shared/domain/attachment';
import type { Location, Product, StockRecord, Tenant, Vendor } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { InventoryRecordView } from '#shared/domain/inventoryRecord';
import type { NewLevel } from '#shared/domain/stock';
import type { StripeChangeTask, StripeSyncTask } from '#shared/domain/stripeSync';

/**
 * A DayZero variant: what it holds, the storage its commands need, and its margin. Its
 * list lives in variantList.ts, its creation, changes and removal in variantLifecycle.ts.
 */

export interface NewVariant {
  productId: string;
  name: string;
  unitPriceCents: number | null;
  unitCostCents: number | null;
  unitCostPrecise: number | null;
  sku: string | null;
  manufacturerSku: string | null;
  uom: string;
  defaultVendorId: string | null;
  initialQuantity: number;
  initialQuantityDate: string | null;
}

/** A variant as DayZero sees it: catalog fields, prices, and its stock at the default location. */
export interface VariantRecord extends Omit<NewVariant, 'initialQuantity' | 'initialQuantityDate'> {
  id: string;
  tenantId: string;
  productName: string;
  stripeProductId: string | null;
  stripePriceId: string | null;
  /** Kept, but not part of DayZero's VariantResponse. */
  barcode: string | null;
  /** Catalog dimensions other APIs show (e.g. {"Color": "Red"}); DayZero creates variants without any. */
  attributes: Record<string, string>;
  archived: boolean;
  /** Its own inventory item (every API's stock of it is that item's levels), once it has stock; every write keeps it. */
  inventoryItemId?: string;
  /** How many levels its own item has, through any API; every write keeps it. */
  levelCount?: number;
  /**
   * Bumped by every write of one of its inventory links (made, replaced or removed, through any
   * API): a move or permanent delete, which decides on the links it read, is conditional on it.
   */
  linkVersion?: number;
  createdAt: string;
  updatedAt: string;
  /** The variant's stock at its home location: the business's default location when it was created (none without one). */
  stock: { locationId: string | null; onHand: number; reserved: number; countedAt: string | null };
}

/** The storage a DayZero variant needs. */
export interface VariantStore {
  /** The business, the product and (when named) the vendor, read together; then the business's default location, if it has one. */
  readVariantContext(
    tenantId: string,
    productId: string,
    vendorId: string | null,
  ): Promise<{ tenant?: Tenant; product?: Product; vendor?: Vendor; defaultLocation?: Location }>;
  /**
   * Writes the variant, its SKU guard, its stock (a level of its new own item, which the variant
   * names) and the Stripe outbox entry, all or nothing: a taken SKU is ConflictError(skuPerBusiness).
   */
  insertVariant(
    variant: VariantRecord,
    stock: NewLevel | undefined,
    stripeTask: StripeSyncTask | undefined,
    attachment?: Attachment,
  ): Promise<void>;
}

/** Reading a DayZero variant by its ID alone. */
export interface VariantReadStore {
  /** The variant with its stock at its home location (0 where nothing is counted yet), or undefined. */
  readVariant(tenantId: string, variantId: string): Promise<VariantRecord | undefined>;
}

/** A variant of the business by its ID: NotFoundError when the business has none with that ID. */
export async function getVariant(store: VariantReadStore, tenantId: string, variantId: string): Promise<VariantRecord> {
  const variant = await store.readVariant(tenantId, variantId);
  if (!variant) throw new NotFoundError('Variant', variantId);
  return variant;
}

/** The orders a variant list comes in: by creation time or by name (each then by ID). */
export type VariantSort = 'created_at' | 'name';

/** Which variants a list holds (the business's or one product's; active or archived) and in which order. */
export interface VariantList {
  productId: string | null;
  archived: boolean;
  sortBy: VariantSort;
  descending: boolean;
}

/** One page of a list: after (`next`) or before (`prev`) the cursor's variant, or from the start (`next`) or the end (`prev`) without one. */
export interface VariantListRequest extends VariantList {
  cursor: string | null;
  direction: 'next' | 'prev';
  limit: number;
  includeTotal: boolean;
}

/** A variant as a list shows it: its own fields, without the stock that lives on its stock records. */
export type ListedVariant = Omit<VariantRecord, 'stock'>;

export interface VariantPage {
  /** In the list's order, whichever way the page was read. */
  items: ListedVariant[];
  /** Every variant of the list, only when asked for. */
  total: number | null;
  limit: number;
  nextCursor: string | null;
  prevCursor: string | null;
  hasNext: boolean;
  hasPrev: boolean;
}

/** Where a variant sits in a list, in the store's terms: opaque here, checked by the store when a cursor brings it back. */
export type VariantListPosition = Readonly<Record<string, string>>;

/** Reading the variant lists. */
export interface VariantListStore {
  /** Whether `position` is one this list could have handed out (the tenant's, this scope's and this order's). */
  isListPosition(tenantId: string, list: VariantList, position: VariantListPosition): boolean;
  /** `content` sealed into an opaque cursor that opens only for this tenant's variant lists. */
  sealCursor(tenantId: string, content: unknown): Promise<string>;
  /** What a cursor sealed by sealCursor for this tenant holds; undefined for any other text. */
  openCursor(tenantId: string, cursor: string): Promise<unknown>;
  /**
   * Up to `count` variants of the list, nearest first: those after `from` in the list's order, or
   * before it when `backwards` (from the start, or the end, without `from`); each with its position.
   * `behind`: whether any variant of the list lies at `from` or beyond it the other way (false without `from`).
   */
  readVariantList(
    tenantId: string,
    list: VariantList,
    read: { from: VariantListPosition | undefined; backwards: boolean; count: number },
  ): Promise<{ run: { variant: ListedVariant; position: VariantListPosition }[]; behind: boolean }>;
  /** How many variants the list holds. */
  countVariantList(tenantId: string, list: VariantList): Promise<number>;
}

/**
 * The margin of a variant: price minus cost in cents (a missing price or cost counts
 * as 0), and that margin as a percentage of the price, to two decimals. A free variant
 * (price 0) has no margin to express: 0, not a division by zero.
 */
export function variantMargin(variant: Pick<NewVariant, 'unitPriceCents' | 'unitCostCents'>): { cents: number; percentage: number } {
  const price = variant.unitPriceCents ?? 0;
  const cents = price - (variant.unitCostCents ?? 0);
  return { cents, percentage: price === 0 ? 0 : Math.round((cents / price) * 10_000) / 100 };
}

/** What a PUT changes: only the fields given; null clears a nullable field. */
export type VariantChanges = Partial<
  Omit<NewVariant, 'initialQuantity' | 'initialQuantityDate'> & { archived: boolean; barcode: string | null }
>;

/**
 * What moves or goes with a variant: its stock records (levels of its own item), the link to that
 * item, its other inventory links and the OrderCloud inventory records under it (a move takes all of them).
 */
export interface VariantHoldings {
  stockRecords: StockRecord[];
  ownLink?: VariantInventoryLink;
  links?: VariantInventoryLink[];
  records?: InventoryRecordView[];
}

/** What an update reads first, all of it consistent. */
export interface VariantUpdateContext extends VariantHoldings {
  tenant?: Tenant;
  /** The variant as stored, with the revision its write must still find. */
  current?: { variant: VariantRecord; revision: number };
  /** The product it moves to (when product_id changes) and the vendor named (when one is). */
  product?: Product;
  vendor?: Vendor;
  /** Whether inventory links other than its own item's name it (they move with it; a permanent delete is refused). */
  hasLinks: boolean;
  /** Whether any of its stock records holds units or has history beyond its creation. */
  hasMovements: boolean;
}

/** The storage a DayZero variant update needs. */
export interface VariantUpdateStore {
  readVariantUpdate(
    tenantId: string,
    variantId: string,
    wanted: { productId: string | null; vendorId: string | null },
  ): Promise<VariantUpdateContext>;
  /**
   * Replaces the variant (moving it with what it holds when its product changed) if it still
   * has `revision`, its own item, level count and link version as read, releasing its old SKU and claiming the new one, all in one
   * transaction: a taken SKU is ConflictError(skuPerBusiness), a record ID the new product already holds
   * ConflictError(recordIdPerProduct), a move of more than one transaction holds BusinessRuleError(variant-move-too-large),
   * a variant changed since it was read (or anything it moves) a ConcurrentChangeError.
   */
  replaceVariant(
    before: VariantRecord,
    revision: number,
    after: VariantRecord,
    moving: VariantHoldings,
    stripeTask: StripeChangeTask | undefined,
    attachment?: Attachment,
  ): Promise<void>;
}

/** Permanently removing a variant. */
export interface VariantDeleteStore extends VariantUpdateStore {
  /**
   * Deletes the variant if it still has `revision`, with its SKU guard, its (empty, never moved)
   * stock records with their guards, history and Medusa levels, its own item and link, and any pending Stripe task, in one
   * transaction; anything changed since it was read is a ConcurrentChangeError.
   */
  deleteVariant(variant: VariantRecord, revision: number, held: VariantHoldings, attachment?: Attachment): Promise<void>;
}

export type VariantRemoval = 'archived' | 'deleted';
