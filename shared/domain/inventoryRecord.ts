import { randomBytes } from 'node:crypto';
import { nowIso, type Location } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import { insertInventoryRecord, readInventoryRecordContext } from '#shared/store/inventoryRecord';

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

/** 22 URL-safe characters, like the IDs OrderCloud generates. */
const generateId = () => randomBytes(16).toString('base64url');

/**
 * Creates a variant's inventory record at an address. Several records may share a
 * product and address; the record ID is unique within the product, which the store's
 * conditional write decides. The caller is the marketplace owner (the tenant), so it
 * may name any owner, and the address must belong to that owner.
 */
export async function createVariantInventoryRecord(tenantId: string, input: NewInventoryRecord): Promise<{ record: InventoryRecord; address: Location }> {
  const context = await readInventoryRecordContext(tenantId, input.productId, input.variantId, input.addressId);
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
  await insertInventoryRecord(record);
  return { record, address };
}
