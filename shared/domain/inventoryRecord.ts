import { randomBytes } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Location, type Product, type Variant } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';

/** OrderCloud's inventory record: stock of one variant at one address. */
export interface InventoryRecord {
  id: string;
  tenantId: string;
  productId: string;
  variantId: string;
  ownerId: string;
  addressId: string;
  allowAllBuyers: boolean;
  orderCanExceed: boolean;
  quantityAvailable: number;
  notificationPoint: number | null;
  xp: Record<string, unknown>;
  lastUpdated: string;
}

export interface NewInventoryRecord {
  productId: string;
  variantId: string;
  id?: string | undefined;
  ownerId?: string | undefined;
  addressId: string;
  allowAllBuyers?: boolean | undefined;
  orderCanExceed?: boolean | undefined;
  quantityAvailable?: number | undefined;
  notificationPoint?: number | null | undefined;
  xp?: Record<string, unknown> | undefined;
}

/** The storage an inventory record needs. */
export interface InventoryRecordStore {
  /** The product, the variant under it and the address, read together. */
  readInventoryRecordContext(tenantId: string, productId: string, variantId: string, addressId: string): Promise<{ product?: Product; variant?: Variant; location?: Location }>;
  /** Writes the record unless its ID is taken within the product: ConflictError(recordIdPerProduct). */
  insertInventoryRecord(record: InventoryRecord, attachment?: Attachment): Promise<void>;
}

export interface CreatedInventoryRecord {
  record: InventoryRecord;
  address: Location;
}

/** 22 URL-safe characters, like the IDs OrderCloud generates. */
const generateId = () => randomBytes(16).toString('base64url');

/**
 * Creates a variant's inventory record at an address. Several records may share a
 * product and address; the record ID is unique within the product, which the store's
 * conditional write decides. The caller is the marketplace owner (the tenant), so it
 * may name any owner, and the address must belong to that owner.
 */
export async function createVariantInventoryRecord(
  store: InventoryRecordStore,
  tenantId: string,
  input: NewInventoryRecord,
  attach?: Attach<CreatedInventoryRecord>,
): Promise<CreatedInventoryRecord> {
  const context = await store.readInventoryRecordContext(tenantId, input.productId, input.variantId, input.addressId);
  if (!context.product) throw new NotFoundError('Product', input.productId);
  if (!context.variant) throw new NotFoundError('Variant', input.variantId);
  const ownerId = input.ownerId ?? tenantId;
  const address = context.location;
  // An address of another owner is not visible to this one: the same answer as none.
  if (!address || address.ownerId !== ownerId) throw new NotFoundError('Location', input.addressId);

  const record: InventoryRecord = {
    id: input.id ?? generateId(),
    tenantId,
    productId: input.productId,
    variantId: input.variantId,
    ownerId,
    addressId: address.id,
    allowAllBuyers: input.allowAllBuyers ?? true,
    orderCanExceed: input.orderCanExceed ?? false,
    quantityAvailable: input.quantityAvailable ?? 0,
    notificationPoint: input.notificationPoint ?? null,
    xp: input.xp ?? {},
    lastUpdated: nowIso(),
  };
  const created = { record, address };
  await store.insertInventoryRecord(record, attach?.(created));
  return created;
}
