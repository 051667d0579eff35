import { randomBytes } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Location, type Product, type Variant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { NotFoundError } from '#shared/domain/errors';

/** OrderCloud's inventory record: stock of a product, or of one of its variants, at one address. */
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

/** The storage inventory records need. */
export interface InventoryRecordStore {
  /** The product, the variant (when named), the address (when named) and the record at this level (when named), in one read. */
  readInventoryRecordContext(
    tenantId: string,
    owner: RecordOwner,
    addressId: string | undefined,
    recordId?: string,
  ): Promise<RecordContext & { location?: Location | undefined; existing?: InventoryRecordView | undefined }>;
  /** Writes a new record unless its ID is taken within the product: ConflictError(recordIdPerProduct). */
  insertInventoryRecord(view: InventoryRecordView, attachment?: Attachment): Promise<void>;
  /**
   * Replaces `previous` (unchanged since it was read, or ConcurrentChangeError) by `next`. A new ID
   * moves the record and its ID guard in the same transaction; a taken ID is ConflictError(recordIdPerProduct).
   */
  replaceInventoryRecord(previous: InventoryRecord, next: InventoryRecordView, attachment?: Attachment): Promise<void>;
  /** Deletes the record and frees its ID; false when there was no such record at this level. */
  deleteInventoryRecord(tenantId: string, owner: RecordOwner, recordId: string, attachment?: Attachment): Promise<boolean>;
  /** Every record at this level, with the product or variant (absent: it does not exist). */
  listInventoryRecords(tenantId: string, owner: RecordOwner): Promise<RecordContext & { records: InventoryRecordView[] }>;
  /** The product and variant alone, to name the right object in a 404. */
  readOwners(tenantId: string, owner: RecordOwner): Promise<RecordContext>;
}

/** 22 URL-safe characters, like the IDs OrderCloud generates. */
const generateId = () => randomBytes(16).toString('base64url');

/** The 404 a missing product or variant answers, if one is missing. */
export function requireOwners(context: RecordContext, owner: RecordOwner): void {
  if (!context.product) throw new NotFoundError('Product', owner.productId);
  if (owner.variantId !== null && !context.variant) throw new NotFoundError('Variant', owner.variantId);
}

/** The caller is the marketplace owner (the tenant), so it may name any owner; the address must belong to that owner. */
function requireAddress(location: Location | undefined, addressId: string, ownerId: string): Location {
  // An address of another owner is not visible to this one: the same answer as none.
  if (!location || location.ownerId !== ownerId) throw new NotFoundError('Location', addressId);
  return location;
}

function buildRecord(
  tenantId: string,
  owner: RecordOwner,
  id: string,
  fields: InventoryRecordFields,
  address: Location,
  ownerId: string,
): InventoryRecord {
  return {
    id,
    tenantId,
    productId: owner.productId,
    variantId: owner.variantId,
    ownerId,
    addressId: address.id,
    allowAllBuyers: fields.allowAllBuyers ?? true,
    orderCanExceed: fields.orderCanExceed ?? false,
    quantityAvailable: fields.quantityAvailable ?? 0,
    notificationPoint: fields.notificationPoint ?? null,
    xp: fields.xp ?? {},
    lastUpdated: nowIso(),
  };
}

/**
 * Creates an inventory record of a product or of one of its variants at an address.
 * Several records may share a product and address; the record ID is unique within the
 * product (both levels), which the store's conditional write decides.
 */
export async function createInventoryRecord(
  store: InventoryRecordStore,
  tenantId: string,
  input: NewInventoryRecord,
  attach?: Attach<InventoryRecordView>,
): Promise<InventoryRecordView> {
  const context = await store.readInventoryRecordContext(tenantId, input, input.addressId);
  requireOwners(context, input);
  const ownerId = input.ownerId ?? tenantId;
  const address = requireAddress(context.location, input.addressId, ownerId);
  const view = { record: buildRecord(tenantId, input, input.id ?? generateId(), input, address, ownerId), address };
  await store.insertInventoryRecord(view, attach?.(view));
  return view;
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
 * Save (PUT): replaces the record named in the path with the body, or creates it. The
 * body's ID, when it differs from the path's, renames the record (OrderCloud lets a
 * Save change an ID); a new record takes the body's ID, else the path's.
 */
export async function saveInventoryRecord(
  store: InventoryRecordStore,
  tenantId: string,
  owner: RecordOwner,
  pathId: string,
  fields: InventoryRecordFields,
  attach?: Attach<SavedInventoryRecord>,
): Promise<SavedInventoryRecord> {
  return retryOnConcurrentChange(async () => {
    const context = await store.readInventoryRecordContext(tenantId, owner, fields.addressId, pathId);
    requireOwners(context, owner);
    const ownerId = fields.ownerId ?? tenantId;
    const address = requireAddress(context.location, fields.addressId, ownerId);
    const view = { record: buildRecord(tenantId, owner, fields.id ?? pathId, fields, address, ownerId), address };
    const previous = context.existing?.record;
    const saved = { ...view, created: !previous };
    if (previous) await store.replaceInventoryRecord(previous, view, attach?.(saved));
    else await store.insertInventoryRecord(view, attach?.(saved));
    return saved;
  });
}

export interface SavedInventoryRecord extends InventoryRecordView {
  /** True when the Save created the record (201), false when it replaced one (200). */
  created: boolean;
}

/** Patch: the named fields change, `xp` is deep-merged, a new ID renames the record. */
export async function patchInventoryRecord(
  store: InventoryRecordStore,
  tenantId: string,
  owner: RecordOwner,
  recordId: string,
  patch: InventoryRecordPatch,
  attach?: Attach<InventoryRecordView>,
): Promise<InventoryRecordView> {
  return retryOnConcurrentChange(async () => {
    const context = await store.readInventoryRecordContext(tenantId, owner, patch.addressId, recordId);
    requireOwners(context, owner);
    if (!context.existing) throw new NotFoundError('InventoryRecord', recordId);
    const { record: previous, address: previousAddress } = context.existing;
    const ownerId = patch.ownerId ?? previous.ownerId;
    const addressId = patch.addressId ?? previous.addressId;
    const address = requireAddress(patch.addressId === undefined ? previousAddress : context.location, addressId, ownerId);
    const record: InventoryRecord = {
      ...previous,
      id: patch.id ?? previous.id,
      ownerId,
      addressId: address.id,
      allowAllBuyers: patch.allowAllBuyers ?? previous.allowAllBuyers,
      orderCanExceed: patch.orderCanExceed ?? previous.orderCanExceed,
      quantityAvailable: patch.quantityAvailable ?? previous.quantityAvailable,
      notificationPoint: patch.notificationPoint === undefined ? previous.notificationPoint : patch.notificationPoint,
      xp: patch.xp === undefined ? previous.xp : patch.xp === null ? {} : mergeXp(previous.xp, patch.xp),
      lastUpdated: nowIso(),
    };
    const view = { record, address };
    await store.replaceInventoryRecord(previous, view, attach?.(view));
    return view;
  });
}

export async function deleteInventoryRecord(
  store: InventoryRecordStore,
  tenantId: string,
  owner: RecordOwner,
  recordId: string,
  attach?: Attach<null>,
): Promise<void> {
  if (await store.deleteInventoryRecord(tenantId, owner, recordId, attach?.(null))) return;
  // Only a refused delete reads, to name what is missing.
  requireOwners(await store.readOwners(tenantId, owner), owner);
  throw new NotFoundError('InventoryRecord', recordId);
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
