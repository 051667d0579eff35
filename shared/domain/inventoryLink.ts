import { randomBytes } from 'node:crypto';
import { nowIso, type InventoryItem, type LocationLevel, type Variant } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import { readInventoryItems, readVariantWithLinks, upsertVariantInventoryLink } from '#shared/store/inventoryLink';

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

/**
 * Links an inventory item to a variant, or updates the required quantity of the
 * existing link (same ID): one conditional transaction, so concurrent calls for the
 * same pair leave one link. The product, the variant under it and the item must exist.
 * Returns the variant with all its links as they are after the write.
 */
export async function linkVariantInventoryItem(tenantId: string, request: LinkRequest): Promise<VariantInventory> {
  const { productId, variantId, inventoryItemId } = request;
  // Round trip 1: the write, and beside it the reads that do not depend on it
  // (the linked item's stock, and which other items the variant already uses).
  const [, before, posted] = await allSettledInOrder([
    upsertVariantInventoryLink({
      tenantId,
      productId,
      variantId,
      inventoryItemId,
      requiredQuantity: request.requiredQuantity,
      newId: newLinkId(),
      now: nowIso(),
    }),
    readVariantWithLinks(tenantId, productId, variantId),
    readInventoryItems(tenantId, [inventoryItemId]),
  ]);

  // Round trip 2: the links as written (the link ID may be an older one), and the other items' stock.
  const others = before.links.map((link) => link.inventoryItemId).filter((id) => id !== inventoryItemId);
  const [after, otherItems] = await Promise.all([readVariantWithLinks(tenantId, productId, variantId), readInventoryItems(tenantId, others)]);
  if (!after.variant) throw new NotFoundError('Variant', variantId);

  const stock = new Map([...posted, ...otherItems]);
  // Only if another request linked a new item in between: read its stock too.
  const read = new Set([inventoryItemId, ...others]);
  const unseen = after.links.map((link) => link.inventoryItemId).filter((id) => !read.has(id));
  for (const [id, entry] of await readInventoryItems(tenantId, unseen)) stock.set(id, entry);

  const links = after.links.map((link) => ({
    link,
    item: stock.get(link.inventoryItemId)?.item ?? null,
    levels: stock.get(link.inventoryItemId)?.levels ?? [],
  }));
  return { variant: after.variant, links, inventoryQuantity: inventoryQuantity(links) };
}

/**
 * Like Promise.all, but waits for every promise before failing, then fails with the first
 * rejection in order: the write's outcome wins over the reads', and no write is still
 * running (and could still land) once the caller has answered.
 */
async function allSettledInOrder<T extends readonly unknown[]>(promises: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(promises);
  for (const result of results) if (result.status === 'rejected') throw result.reason;
  return results.map((result) => (result as PromiseFulfilledResult<unknown>).value) as unknown as T;
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
