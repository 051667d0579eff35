import { randomUUID } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Location, type Product, type StockRecord, type Tenant, type Vendor } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, InvalidCursorError, NotFoundError } from '#shared/domain/errors';
import { creationMovement, newStockRecord, type StockMovement } from '#shared/domain/stock';
import type { StripeChangeTask, StripeSyncTask } from '#shared/domain/stripeSync';

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
   * Writes the variant, its SKU guard, its stock record (with its first movement) and the
   * Stripe outbox entry, all or nothing: a taken SKU is ConflictError(skuPerBusiness).
   */
  insertVariant(
    variant: VariantRecord,
    stock: { record: StockRecord; created: StockMovement } | undefined,
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
 * One page of the business's variants (or one product's), active or archived, in the order
 * asked for. `limit + 1` variants are read in the direction of travel, so `has_next`/`has_prev`
 * say exactly whether more lie that way; the other way, a cursor's page asks the store whether
 * anything lies at or behind the cursor. A prev page is read backwards and handed over in the
 * list's order. Cursors are bound to the tenant, the scope and the order: any other is an
 * InvalidCursorError, never a read elsewhere.
 */
export async function listVariants(store: VariantListStore, tenantId: string, request: VariantListRequest): Promise<VariantPage> {
  const list: VariantList = {
    productId: request.productId,
    archived: request.archived,
    sortBy: request.sortBy,
    descending: request.descending,
  };
  const from = request.cursor === null ? undefined : openCursor(store, tenantId, list, request.cursor);
  const backwards = request.direction === 'prev';
  const [{ run, behind }, total] = await Promise.all([
    store.readVariantList(tenantId, list, { from, backwards, count: request.limit + 1 }),
    request.includeTotal ? store.countVariantList(tenantId, list) : null,
  ]);
  const more = run.length > request.limit;
  const page = run.slice(0, request.limit);
  if (backwards) page.reverse();
  const hasNext = backwards ? behind : more;
  const hasPrev = backwards ? more : behind;
  // An empty page (its variants gone since the cursor was made) keeps the cursor's own position.
  const first = page[0]?.position ?? from;
  const last = page.at(-1)?.position ?? from;
  return {
    items: page.map((entry) => entry.variant),
    total,
    limit: request.limit,
    nextCursor: hasNext && last ? sealCursor(tenantId, list, last) : null,
    prevCursor: hasPrev && first ? sealCursor(tenantId, list, first) : null,
    hasNext,
    hasPrev,
  };
}

/** What a cursor holds: the list it belongs to and a position in it (base64url of this JSON). */
interface CursorContent {
  v: 1;
  tenant: string;
  product_id: string | null;
  archived: boolean;
  sort_by: VariantSort;
  descending: boolean;
  at: VariantListPosition;
}

function sealCursor(tenantId: string, list: VariantList, position: VariantListPosition): string {
  const content: CursorContent = {
    v: 1,
    tenant: tenantId,
    product_id: list.productId,
    archived: list.archived,
    sort_by: list.sortBy,
    descending: list.descending,
    at: position,
  };
  return Buffer.from(JSON.stringify(content)).toString('base64url');
}

const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** The position a cursor holds, if this very list made it; InvalidCursorError otherwise. */
function openCursor(store: VariantListStore, tenantId: string, list: VariantList, cursor: string): VariantListPosition {
  let content: unknown;
  try {
    content = /^[A-Za-z0-9_-]+$/.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    content = undefined;
  }
  if (!isRecord(content)) throw new InvalidCursorError(cursor, 'variants');
  const sameList =
    Object.keys(content).length === 7 &&
    content.v === 1 &&
    content.tenant === tenantId &&
    content.product_id === list.productId &&
    content.archived === list.archived &&
    content.sort_by === list.sortBy &&
    content.descending === list.descending;
  const at = content.at;
  if (!sameList || !isRecord(at) || !Object.values(at).every((value) => typeof value === 'string' && !LONE_SURROGATE.test(value)))
    throw new InvalidCursorError(cursor, 'variants');
  const position = at as VariantListPosition;
  if (!store.isListPosition(tenantId, list, position)) throw new InvalidCursorError(cursor, 'variants');
  return position;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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

/**
 * Creates a variant with its initial stock. The business must be the token's tenant;
 * the product (and vendor, when named) must be the business's. The SKU is unique per
 * business: the store writes the variant, a SKU guard and the stock record in one
 * transaction, so a taken SKU leaves nothing behind. Initial stock is counted at the
 * business's default location; a business without one can only start at 0.
 */
export async function createVariant(
  store: VariantStore,
  actor: { tenantId: string; subject: string },
  input: NewVariant,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  const { tenantId } = actor;
  const context = await store.readVariantContext(tenantId, input.productId, input.defaultVendorId);
  if (!context.tenant) throw new NotFoundError('Tenant', tenantId);
  if (!context.product) throw new NotFoundError('Product', input.productId);
  if (input.defaultVendorId !== null && !context.vendor) throw new NotFoundError('Vendor', input.defaultVendorId);
  const stripe = context.tenant.stripe;
  if (stripe?.syncRequired && !stripe.accountId) {
    throw new BusinessRuleError('stripe-account-required', 'The tenant requires Stripe sync but has no Stripe account connected');
  }
  const locationId = context.tenant.defaultLocationId ?? null;
  if (locationId !== null && !context.defaultLocation) throw new NotFoundError('Location', locationId, { forInitialStock: true });
  if (locationId === null && input.initialQuantity > 0) {
    throw new BusinessRuleError('initial-stock-without-location', 'The tenant has no default location to hold initial stock');
  }

  const now = nowIso();
  const { initialQuantity, initialQuantityDate, ...fields } = input;
  const variant: VariantRecord = {
    ...fields,
    id: randomUUID(),
    tenantId,
    productName: context.product.name,
    stripeProductId: null,
    stripePriceId: null,
    barcode: null,
    attributes: {},
    archived: false,
    createdAt: now,
    updatedAt: now,
    stock: { locationId, onHand: initialQuantity, reserved: 0, countedAt: locationId === null ? null : (initialQuantityDate ?? now) },
  };
  // With a connected account, the same transaction records that the variant must reach Stripe.
  const stripeTask: StripeSyncTask | undefined = stripe?.accountId
    ? {
        tenantId,
        productId: variant.productId,
        productName: variant.productName,
        variantId: variant.id,
        variantName: variant.name,
        unitPriceCents: variant.unitPriceCents,
        currency: context.tenant.currency,
        accountId: stripe.accountId,
        createdAt: now,
      }
    : undefined;
  // The initial inventory is a stock record like any other: ShopSynch's routes read and move it.
  const location = context.defaultLocation;
  const record = location
    ? newStockRecord({
        id: `inv_${variant.id.replaceAll('-', '')}`,
        tenantId,
        productId: variant.productId,
        variantId: variant.id,
        location,
        bin: null,
        onHandQty: initialQuantity,
        reservedQty: 0,
        reorderLevel: null,
        reorderQty: null,
        attributes: {},
        countedAt: variant.stock.countedAt,
        at: now,
      })
    : undefined;
  await store.insertVariant(variant, record && { record, created: creationMovement(record, actor.subject) }, stripeTask, attach?.(variant));
  return variant;
}

/** What a PUT changes: only the fields given; null clears a nullable field. */
export type VariantChanges = Partial<
  Omit<NewVariant, 'initialQuantity' | 'initialQuantityDate'> & { archived: boolean; barcode: string | null }
>;

/** What an update reads first, all of it consistent. */
export interface VariantUpdateContext {
  tenant?: Tenant;
  /** The variant as stored, with the revision its write must still find. */
  current?: { variant: VariantRecord; revision: number };
  /** The product it moves to (when product_id changes) and the vendor named (when one is). */
  product?: Product;
  vendor?: Vendor;
  /** When it moves: its stock records in the old product, which move with it, and whether inventory links hold it there. */
  stockRecords: StockRecord[];
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
   * Replaces the variant (moving it and its stock records when its product changed) if it still
   * has `revision`, releasing its old SKU and claiming the new one, all in one transaction:
   * a taken SKU is ConflictError(skuPerBusiness), a variant changed since it was read a ConcurrentChangeError.
   */
  replaceVariant(
    before: VariantRecord,
    revision: number,
    after: VariantRecord,
    stockRecords: StockRecord[],
    stripeTask: StripeChangeTask | undefined,
    attachment?: Attachment,
  ): Promise<void>;
}

/**
 * Changes the given fields of a variant. A SKU change releases the old SKU and claims the
 * new one in the same transaction as the variant, so a taken SKU changes nothing. A new
 * product_id moves the variant, with its stock records, to that product (refused while
 * inventory links hold it to the old one). Margins follow from the new prices.
 */
export async function updateVariant(
  store: VariantUpdateStore,
  tenantId: string,
  variantId: string,
  changes: VariantChanges,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  return retryOnConcurrentChange(() => updateOnce(store, tenantId, variantId, changes, attach));
}

async function updateOnce(
  store: VariantUpdateStore,
  tenantId: string,
  variantId: string,
  changes: VariantChanges,
  attach?: Attach<VariantRecord>,
): Promise<VariantRecord> {
  const vendorId = changes.defaultVendorId ?? null;
  const context = await store.readVariantUpdate(tenantId, variantId, { productId: changes.productId ?? null, vendorId });
  if (!context.tenant) throw new NotFoundError('Tenant', tenantId);
  if (!context.current) throw new NotFoundError('Variant', variantId);
  const { variant: before, revision } = context.current;
  const moves = changes.productId !== undefined && changes.productId !== before.productId;
  if (moves && !context.product) throw new NotFoundError('Product', changes.productId!);
  if (vendorId !== null && !context.vendor) throw new NotFoundError('Vendor', vendorId);
  if (moves && context.hasLinks)
    throw new BusinessRuleError('linked-variant-cannot-move', 'A variant with inventory item links stays with its product');

  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as VariantChanges;
  const after: VariantRecord = {
    ...before,
    ...defined,
    ...(moves ? { productName: context.product!.name } : {}),
    stock: before.stock,
    updatedAt: nowIso(),
  };
  await store.replaceVariant(
    before,
    revision,
    after,
    moves ? context.stockRecords : [],
    stripeChange(context.tenant, before, after, revision + 1),
    attach?.(after),
  );
  return after;
}

/** Permanently removing a variant. */
export interface VariantDeleteStore extends VariantUpdateStore {
  /** Whether OrderCloud inventory records of the variant exist under its product. */
  hasInventoryRecords(tenantId: string, productId: string, variantId: string): Promise<boolean>;
  /**
   * Deletes the variant if it still has `revision`, with its SKU guard, its (empty, never moved)
   * stock records with their guards and history, and any pending Stripe task, in one transaction; anything changed since it was
   * read is a ConcurrentChangeError.
   */
  deleteVariant(variant: VariantRecord, revision: number, stockRecords: StockRecord[], attachment?: Attachment): Promise<void>;
}

export type VariantRemoval = 'archived' | 'deleted';

/**
 * Without `permanent`, archives the variant (an update of `archived`; it keeps its SKU). With it,
 * deletes the variant and frees its SKU, refused while stock movements or links exist: on-hand or
 * reserved units, any adjustment, Medusa inventory links or OrderCloud inventory records.
 */
export async function removeVariant(
  store: VariantDeleteStore,
  tenantId: string,
  variantId: string,
  permanent: boolean,
  attach?: Attach<VariantRemoval>,
): Promise<VariantRemoval> {
  if (!permanent) {
    await updateVariant(store, tenantId, variantId, { archived: true }, attach ? () => attach('archived') : undefined);
    return 'archived';
  }
  return retryOnConcurrentChange(async (): Promise<VariantRemoval> => {
    const context = await store.readVariantUpdate(tenantId, variantId, { productId: null, vendorId: null });
    if (!context.tenant) throw new NotFoundError('Tenant', tenantId);
    if (!context.current) throw new NotFoundError('Variant', variantId);
    const { variant, revision } = context.current;
    if (context.hasMovements || context.hasLinks || (await store.hasInventoryRecords(tenantId, variant.productId, variant.id))) {
      throw new BusinessRuleError('used-variant-cannot-be-deleted', 'A variant with stock movements or links can be archived, not deleted');
    }
    await store.deleteVariant(variant, revision, context.stockRecords, attach?.('deleted'));
    return 'deleted';
  });
}

/** The outbox entry of a change Stripe must follow (name, price, archived), for a business with a connected account. */
function stripeChange(tenant: Tenant, before: VariantRecord, after: VariantRecord, revision: number): StripeChangeTask | undefined {
  const accountId = tenant.stripe?.accountId;
  const changed = {
    ...(after.name !== before.name ? { renamed: true } : {}),
    ...(after.unitPriceCents !== before.unitPriceCents ? { unitPriceCents: after.unitPriceCents } : {}),
    ...(after.archived !== before.archived ? { archived: after.archived } : {}),
  };
  if (!accountId || Object.keys(changed).length === 0) return undefined;
  return {
    tenantId: after.tenantId,
    productId: after.productId,
    variantId: after.id,
    revision,
    accountId,
    currency: tenant.currency,
    variantName: after.name,
    ...changed,
    createdAt: after.updatedAt,
  };
}
