import { randomBytes } from 'node:crypto';
import type { Attachment } from '#shared/domain/attachment';
import type { Location, Product, StockRecord, Variant } from '#shared/domain/catalog';
import { ConflictError, IDENTITY_RULES, NotFoundError } from '#shared/domain/errors';
import type { OwnItem } from '#shared/domain/ownItem';
import type { StockMovement } from '#shared/domain/stock';

/**
 * OrderCloud's inventory record: OrderCloud's name of one level of the stock ledger, the stock
 * of a variant (or of a SIMPLE/DIGITAL product) at one address. The record keeps its own fields
 * (OwnerID, AllowAllBuyers, OrderCanExceed, xp) and a copy of the level's numbers, written in
 * the level's own transactions: QuantityAvailable is on hand minus reserved, NotificationPoint
 * the level's reorder level.
 */
export interface InventoryRecord {
  id: string;
  tenantId: string;
  productId: string;
  /** Null for a product-level record. */
  variantId: string | null;
  ownerId: string;
  addressId: string;
  allowAllBuyers: boolean;
  orderCanExceed: boolean;
  quantityAvailable: number;
  notificationPoint: number | null;
  xp: Record<string, unknown>;
  lastUpdated: string;
  /** The level (stock record) this record names; absent on a record stored before the ledger, until it is migrated. */
  stockRecordId?: string;
  /** The level's version whose numbers the record shows. */
  version?: number;
  /** A copy of the level as of `version`, written in each of its transactions (absent on records written before it). */
  ledger?: StockRecord;
}

/** Where a record lives: a product, and a variant of it unless the record is product-level. */
export interface RecordOwner {
  productId: string;
  variantId: string | null;
}

/** The writable fields of a record, as a Create or a Save gives them (defaults fill the rest). */
export interface InventoryRecordFields {
  id?: string | undefined;
  ownerId?: string | undefined;
  addressId: string;
  allowAllBuyers?: boolean | undefined;
  orderCanExceed?: boolean | undefined;
  quantityAvailable?: number | undefined;
  notificationPoint?: number | null | undefined;
  xp?: Record<string, unknown> | undefined;
}

export interface NewInventoryRecord extends InventoryRecordFields, RecordOwner {}

/** A Patch: only the fields it names change; `xp` is deep-merged. */
export type InventoryRecordPatch = Partial<Omit<InventoryRecordFields, 'xp'>> & { xp?: Record<string, unknown> | null | undefined };

/** A record with the address it names, as every answer shows it. */
export interface InventoryRecordView {
  record: InventoryRecord;
  address: Location;
}

/** The product and variant a request names, as found (absent when they do not exist). */
export interface RecordContext {
  product?: Product | undefined;
  variant?: Variant | undefined;
}

/**
 * A change of a level made through OrderCloud: the level's next version and its history entry
 * (written as every movement is, with the copies of its other names), with the record's own
 * change in the same transaction: `previous` (as read) replaced by `next` (same or new ID),
 * `next` alone attached, or `previous` alone removed.
 */
export interface RecordLevelChange {
  level: StockRecord;
  movement: StockMovement;
  enteredLowStock: boolean;
  previous?: InventoryRecord;
  next?: InventoryRecordView;
}

/** The storage inventory records need. */
export interface InventoryRecordStore {
  /** The product, the variant (when named), the address (when named) and the record at this level (when named), in one read. */
  readInventoryRecordContext(
    tenantId: string,
    owner: RecordOwner,
    addressId: string | undefined,
    recordId?: string,
  ): Promise<RecordContext & { location?: Location | undefined; existing?: InventoryRecordView | undefined }>;
  /**
   * Writes a new level named by the record, as every first stock is written (its first movement,
   * Medusa's name of it and, for a new own item, the item), with the record and its ID guard, in
   * one transaction. A taken record ID is ConflictError(recordIdPerProduct); a level already at
   * the owner's item and address answers false, with nothing written.
   */
  insertRecordLevel(
    view: InventoryRecordView,
    level: StockRecord,
    created: StockMovement,
    own: OwnItem,
    attachment?: Attachment,
  ): Promise<boolean>;
  /** The level of the owner's stock (in `itemId`, when it has one) at the location, read consistently. */
  readLevelAt(tenantId: string, owner: RecordOwner, itemId: string | undefined, locationId: string): Promise<StockRecord | undefined>;
  /** The level with this ID, read consistently. */
  readLevel(tenantId: string, levelId: string): Promise<StockRecord | undefined>;
  /**
   * Writes the change over the level's version read (`level.version - 1`) and, for `previous`,
   * over the record as read: either changed is a ConcurrentChangeError. A taken new ID is
   * ConflictError(recordIdPerProduct).
   */
  writeLevelChange(change: RecordLevelChange, attachment?: Attachment): Promise<void>;
  /** Replaces the record's own fields, its copy of the level unchanged (or ConcurrentChangeError). */
  replaceRecordFields(previous: InventoryRecord, next: InventoryRecordView, attachment?: Attachment): Promise<void>;
  /** Every record at this level, with the product or variant (absent: it does not exist). */
  listInventoryRecords(tenantId: string, owner: RecordOwner): Promise<RecordContext & { records: InventoryRecordView[] }>;
  /** The product and variant alone, to name the right object in a 404. */
  readOwners(tenantId: string, owner: RecordOwner): Promise<RecordContext>;
  /**
   * The first `limit` records at this level in ID order (descending: from the last), with the
   * product or variant and the level's kept count of records: `count` is absent while the level's
   * records are not counted yet (stored before the count was kept), and the page is then empty.
   */
  readRecordPage(tenantId: string, owner: RecordOwner, order: { descending: boolean; limit: number }): Promise<RecordPageRead>;
}

/** One read of a page in ID order: the owner, the kept count (when exact) and the records. */
export interface RecordPageRead extends RecordContext {
  count?: number;
  records: InventoryRecordView[];
}

/** 22 URL-safe characters, like the IDs OrderCloud generates. */
export const generateRecordId = () => randomBytes(16).toString('base64url');

/** The record ID is unique within the product: a second record of the product under it is refused. */
export const recordIdTaken = (recordId: string) =>
  new ConflictError(IDENTITY_RULES.recordIdPerProduct, `Inventory record ID ${recordId} is taken within its product`, { recordId });

/** The 404 a missing product or variant answers, if one is missing. */
export function requireOwners(context: RecordContext, owner: RecordOwner): void {
  if (!context.product) throw new NotFoundError('Product', owner.productId);
  if (owner.variantId !== null && !context.variant) throw new NotFoundError('Variant', owner.variantId);
}

/** The caller is the marketplace owner (the tenant), so it may name any owner; the address must belong to that owner. */
export function requireAddress(location: Location | undefined, addressId: string, ownerId: string): Location {
  // An address of another owner is not visible to this one: the same answer as none.
  if (!location || location.ownerId !== ownerId) throw new NotFoundError('Location', addressId);
  return location;
}

export async function getInventoryRecord(
  store: InventoryRecordStore,
  tenantId: string,
  owner: RecordOwner,
  recordId: string,
): Promise<InventoryRecordView> {
  const context = await store.readInventoryRecordContext(tenantId, owner, undefined, recordId);
  requireOwners(context, owner);
  if (!context.existing) throw new NotFoundError('InventoryRecord', recordId);
  return context.existing;
}

/**
 * OrderCloud's PATCH of xp: objects merge key by key at every depth; any other value
 * (arrays, scalars, null) replaces what was there.
 */
export function mergeXp(target: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...target };
  for (const [key, value] of Object.entries(patch)) {
    const current = Object.hasOwn(merged, key) ? merged[key] : undefined;
    // defineProperty: a key such as "__proto__" stays a plain key, never a prototype.
    Object.defineProperty(merged, key, {
      value: isPlainObject(value) && isPlainObject(current) ? mergeXp(current, value) : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return merged;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
