import { randomBytes } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type InventoryItem, type LocationLevel, type Variant } from '#shared/domain/catalog';
import { ConcurrentChangeError, NotFoundError, UnavailableError } from '#shared/domain/errors';

/** How many units of one inventory item one unit of a variant consumes (Medusa's variant ↔ inventory item link). */
export interface VariantInventoryLink {
  /** `pvitem_` and a ULID, kept for the life of the link. */
  id: string;
  tenantId: string;
  productId: string;
  variantId: string;
  inventoryItemId: string;
  requiredQuantity: number;
  createdAt: string;
  updatedAt: string;
}

export interface StockedItem {
  item: InventoryItem;
  levels: LocationLevel[];
}

export interface LinkedInventory {
  link: VariantInventoryLink;
  /** Null only if the item disappeared after it was linked. */
  item: InventoryItem | null;
  levels: LocationLevel[];
}

/** A variant with every inventory item it is linked to, and how many units of it can be sold. */
export interface VariantInventory {
  variant: Variant;
  links: LinkedInventory[];
  inventoryQuantity: number;
}

export interface LinkRequest {
  productId: string;
  variantId: string;
  inventoryItemId: string;
  requiredQuantity: number;
}

/** The storage links need. */
export interface InventoryLinkStore {
  /** Whether the product exists, the variant with its links, and the item with its levels: one round trip. */
  readLinkTarget(
    tenantId: string,
    target: { productId: string; variantId: string; inventoryItemId: string },
  ): Promise<{ productExists: boolean; variant?: Variant; links: VariantInventoryLink[]; item?: StockedItem }>;
  /** Inventory items with their levels; missing ones are left out. */
  readInventoryItems(tenantId: string, itemIds: readonly string[]): Promise<Map<string, StockedItem>>;
  /**
   * Writes the link if the pair's link still has the ID read (`expectedId`; null: still none),
   * with product, variant and item still there (NotFoundError otherwise). A link changed
   * in between is a ConcurrentChangeError.
   */
  writeLink(link: VariantInventoryLink, expectedId: string | null, attachment?: Attachment): Promise<void>;
}

/** Stocked minus reserved: what a level can still sell. */
export const availableAt = (level: LocationLevel): number => level.stockedQuantity - level.reservedQuantity;

/**
 * Sellable units of a variant: for each linked item, its availability over all locations
 * divided by the units one variant needs, rounded down; the scarcest item decides.
 * Never negative (over-reserved stock sells nothing); 0 for a variant with no links.
 */
export function inventoryQuantity(links: readonly LinkedInventory[]): number {
  if (links.length === 0) return 0;
  const perItem = links.map(({ link, levels }) => {
    const available = levels.reduce((sum, level) => sum + availableAt(level), 0);
    return Math.floor(Math.max(0, available) / link.requiredQuantity);
  });
  return Math.min(...perItem);
}

/** A link that changed under us is read again this many times before the request gives up with a 503. */
const ATTEMPTS = 5;

/**
 * Links an inventory item to a variant, or updates the required quantity of the
 * existing link (same ID). The write is conditional on the link as read, so the answer
 * is exactly what was written; concurrent calls for the same pair leave one link.
 * The product, the variant under it and the item must exist. Returns the variant with
 * all its links as this write left them; `withStock` also reads every linked item's levels.
 */
export async function linkVariantInventoryItem(
  store: InventoryLinkStore,
  tenantId: string,
  request: LinkRequest,
  options: { withStock: boolean; attach?: Attach<VariantInventory> },
): Promise<VariantInventory> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await linkOnce(store, tenantId, request, options);
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      if (attempt >= ATTEMPTS) throw new UnavailableError(1);
    }
  }
}

async function linkOnce(
  store: InventoryLinkStore,
  tenantId: string,
  request: LinkRequest,
  options: { withStock: boolean; attach?: Attach<VariantInventory> },
): Promise<VariantInventory> {
  const { productId, variantId, inventoryItemId } = request;
  const target = await store.readLinkTarget(tenantId, { productId, variantId, inventoryItemId });
  if (!target.productExists) throw new NotFoundError('Product', productId);
  if (!target.variant) throw new NotFoundError('Variant', variantId);
  if (!target.item) throw new NotFoundError('InventoryItem', inventoryItemId);

  const now = nowIso();
  const existing = target.links.find((link) => link.inventoryItemId === inventoryItemId);
  const link: VariantInventoryLink = existing
    ? { ...existing, requiredQuantity: request.requiredQuantity, updatedAt: now }
    : { id: newLinkId(), tenantId, productId, variantId, inventoryItemId, requiredQuantity: request.requiredQuantity, createdAt: now, updatedAt: now };
  const links = existing ? target.links.map((current) => (current === existing ? link : current)) : [...target.links, link];

  const others = links.map((current) => current.inventoryItemId).filter((id) => id !== inventoryItemId);
  const stock = new Map([[inventoryItemId, target.item]]);
  if (options.withStock && others.length > 0) {
    for (const [id, entry] of await store.readInventoryItems(tenantId, others)) stock.set(id, entry);
  }
  const linked = links.map((current) => ({ link: current, item: stock.get(current.inventoryItemId)?.item ?? null, levels: stock.get(current.inventoryItemId)?.levels ?? [] }));
  const view: VariantInventory = { variant: target.variant, links: linked, inventoryQuantity: options.withStock ? inventoryQuantity(linked) : 0 };

  await store.writeLink(link, existing?.id ?? null, options.attach?.(view));
  return view;
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Medusa's ID shape: the entity prefix and a ULID (48-bit time, 80 random bits, Crockford base 32). */
export function newLinkId(now = Date.now()): string {
  let time = '';
  for (let rest = now, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32] + time;
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps the characters uniform.
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `pvitem_${time}${random}`;
}
