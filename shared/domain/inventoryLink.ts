import { randomBytes } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type InventoryItem, type LocationLevel, type Variant } from '#shared/domain/catalog';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { NotFoundError } from '#shared/domain/errors';

/** How many units of one inventory item one unit of a variant consumes (Medusa's variant ↔ inventory item link). */
export interface VariantInventoryLink {
  /** `pvitem_` and a ULID: a new one on every update, as Medusa gives (the timestamps stay). */
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
  /** The variants linked to it, as its partition's copies of their links name them (read with it, for its delete). */
  linkedVariants?: LinkedVariant[];
}

/** A variant that links to an inventory item. */
export interface LinkedVariant {
  productId: string;
  variantId: string;
}

export interface LinkedInventory {
  link: VariantInventoryLink;
  /** Null only if the item disappeared after it was linked. */
  item: InventoryItem | null;
  levels: LocationLevel[];
}

/** A variant with every inventory item it is linked to, and, where asked, how many units of it can be sold. */
export interface VariantInventory {
  variant: Variant;
  links: LinkedInventory[];
  /** Computed only where Medusa computes it: the variants list, when asked (null without links). */
  inventoryQuantity?: number | null;
}

export interface LinkRequest {
  productId: string;
  variantId: string;
  inventoryItemId: string;
  requiredQuantity: number;
}

/** One link of a variant of the product in the path, named by its pair. */
export interface LinkTarget {
  productId: string;
  variantId: string;
  inventoryItemId: string;
}

/** The storage links need. */
export interface InventoryLinkStore {
  /** Whether the product exists, the variant with its links, and the item with its levels: one round trip. */
  readLinkTarget(
    tenantId: string,
    target: LinkTarget,
  ): Promise<{ productExists: boolean; variant?: Variant; links: VariantInventoryLink[]; formerLinks?: FormerLinks; item?: StockedItem }>;
  /** The variant (with its links when `withLinks`), read by its key in the product's partition: one round trip. */
  readVariant(
    tenantId: string,
    productId: string,
    variantId: string,
    options: { withLinks: boolean },
  ): Promise<{ variant?: Variant; links: VariantInventoryLink[] }>;
  /** Whether the product exists, and each of its variants with its links: one round trip. */
  readProductVariants(
    tenantId: string,
    productId: string,
  ): Promise<{ productExists: boolean; variants: { variant: Variant; links: VariantInventoryLink[] }[] }>;
  /**
   * Whether the product exists, its `count` of variants and those of offset to offset + limit in
   * created_at order (then ID), without links: one round trip, reading the page rather than the
   * product. `count` is undefined while the product's count cannot be trusted yet (then the caller
   * reads every variant with readProductVariants).
   */
  readProductVariantPage(
    tenantId: string,
    productId: string,
    page: { offset: number; limit: number },
  ): Promise<{ productExists: boolean; count?: number; variants: Variant[] }>;
  /** Inventory items with their levels; missing ones are left out. */
  readInventoryItems(tenantId: string, itemIds: readonly string[]): Promise<Map<string, StockedItem>>;
  /**
   * Writes the link over whatever link the pair had (the key holds one per pair), with
   * product, variant and item still there (NotFoundError otherwise).
   */
  writeLink(link: VariantInventoryLink, attachment?: Attachment): Promise<void>;
  /**
   * Gives the link its new ID and required quantity if it is still the link read: the same `createdAt`
   * (ConcurrentChangeError otherwise; concurrent updates of it simply follow each other).
   */
  updateLink(link: VariantInventoryLink, attachment?: Attachment): Promise<void>;
  /** Deletes the link if it still has the ID read (ConcurrentChangeError otherwise). */
  deleteLink(link: VariantInventoryLink, attachment?: Attachment): Promise<void>;
  /** Whether the product exists, the named variants with their links, and which of the named items exist: one round trip. */
  readBatchTargets(
    tenantId: string,
    productId: string,
    variantIds: readonly string[],
    itemIds: readonly string[],
  ): Promise<{
    productExists: boolean;
    variants: Map<string, { variant: Variant; links: VariantInventoryLink[]; formerLinks?: FormerLinks }>;
    itemIds: Set<string>;
  }>;
  /**
   * All or nothing, in one transaction: puts the new links (product, variants and items still
   * there, NotFoundError otherwise), updates the existing ones if they are still the links read (same
   * `createdAt`) and deletes them if they still have the IDs read (ConcurrentChangeError otherwise).
   */
  writeLinkBatch(
    writes: { put: VariantInventoryLink[]; update: VariantInventoryLink[]; remove: VariantInventoryLink[] },
    attachment?: Attachment,
  ): Promise<void>;
}

/**
 * The `created_at` of a variant's deleted links, by item: Medusa's link table keeps a deleted link
 * (soft-deleted), and a link made again for the pair takes its row back with the first `created_at`.
 */
export type FormerLinks = Readonly<Record<string, string>>;

/**
 * A pair's new link's timestamps, as Medusa gives them: a pair linked now keeps both (its row is
 * written anew); one linked before and deleted keeps its first `created_at`, updated now.
 */
export function linkTimes(
  inventoryItemId: string,
  links: readonly VariantInventoryLink[],
  former: FormerLinks | undefined,
  now: string,
): Pick<VariantInventoryLink, 'createdAt' | 'updatedAt'> {
  const live = links.find((link) => link.inventoryItemId === inventoryItemId);
  if (live) return { createdAt: live.createdAt, updatedAt: live.updatedAt };
  return { createdAt: former?.[inventoryItemId] ?? now, updatedAt: now };
}

/** Stocked minus reserved: what a level can still sell. */
export const availableAt = (level: LocationLevel): number => level.stockedQuantity - level.reservedQuantity;

/**
 * Sellable units of a variant, as Medusa computes them: for each linked item, its availability
 * over all locations divided by the units one variant needs, rounded down; the scarcest item
 * decides. Null for a variant with no links. Medusa lets it go below 0 where reservations exceed
 * stock; the one ledger keeps reserved within on hand at every level, so here it does not.
 */
export function inventoryQuantity(links: readonly LinkedInventory[]): number | null {
  if (links.length === 0) return null;
  const perItem = links.map(({ link, levels }) => {
    const available = levels.reduce((sum, level) => sum + availableAt(level), 0);
    return Math.floor(available / link.requiredQuantity);
  });
  return Math.min(...perItem);
}

/** The linked items with their levels: read only when the answer shows stock (`withStock`), else items unknown and levels empty. */
export async function withItems(
  store: InventoryLinkStore,
  tenantId: string,
  links: readonly VariantInventoryLink[],
  withStock: boolean,
  known: Map<string, StockedItem> = new Map(),
): Promise<LinkedInventory[]> {
  const stock = new Map(known);
  const missing = links.map((link) => link.inventoryItemId).filter((id) => !stock.has(id));
  if (withStock && missing.length > 0) {
    for (const [id, entry] of await store.readInventoryItems(tenantId, missing)) stock.set(id, entry);
  }
  return links.map((link) => ({
    link,
    item: stock.get(link.inventoryItemId)?.item ?? null,
    levels: stock.get(link.inventoryItemId)?.levels ?? [],
  }));
}

/**
 * Links an inventory item to a variant, or replaces the pair's link with a new one (a new
 * `pvitem_` ID, as Medusa gives): the key holds one link per pair, so concurrent calls for
 * the same pair leave one. The product, the variant under it and the item must exist.
 * Returns the variant with all its links as this write left them; `withStock` also reads
 * every linked item's levels.
 */
export async function linkVariantInventoryItem(
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
  const link: VariantInventoryLink = {
    id: newLinkId(),
    tenantId,
    productId,
    variantId,
    inventoryItemId,
    requiredQuantity: request.requiredQuantity,
    ...linkTimes(inventoryItemId, target.links, target.formerLinks, now),
  };
  const links = [...target.links.filter((current) => current.inventoryItemId !== inventoryItemId), link];
  const view: VariantInventory = {
    variant: target.variant,
    links: await withItems(store, tenantId, links, options.withStock, new Map([[inventoryItemId, target.item]])),
  };

  await store.writeLink(link, options.attach?.(view));
  return view;
}

/** The existing link of a pair, with its variant: NotFoundError for the link (named by its item), as Medusa finds no link without a variant either. */
async function readExistingLink(store: InventoryLinkStore, tenantId: string, target: LinkTarget) {
  const { variant, links } = await store.readVariant(tenantId, target.productId, target.variantId, { withLinks: true });
  const link = links.find((current) => current.inventoryItemId === target.inventoryItemId);
  if (!variant || !link) throw new NotFoundError('VariantInventoryLink', target.inventoryItemId);
  return { variant, links, link };
}

/**
 * Sets the required quantity of an existing link. Medusa writes the link anew: it gets a new
 * `pvitem_` ID and keeps its `created_at` and `updated_at`. Returns the variant as the write left it.
 */
export async function updateVariantInventoryItem(
  store: InventoryLinkStore,
  tenantId: string,
  request: LinkRequest,
  options: { withStock: boolean; attach?: Attach<VariantInventory> },
): Promise<VariantInventory> {
  return retryOnConcurrentChange(async () => {
    const { variant, links, link: existing } = await readExistingLink(store, tenantId, request);
    const link = { ...existing, id: newLinkId(), requiredQuantity: request.requiredQuantity };
    const updated = links.map((current) => (current === existing ? link : current));
    const view: VariantInventory = { variant, links: await withItems(store, tenantId, updated, options.withStock) };
    await store.updateLink(link, options.attach?.(view));
    return view;
  });
}

/** What a delete answers: the pair, the link it removed (null if there was none) and the variant as it is now (null if none). */
export interface LinkRemoval {
  target: LinkTarget;
  link: VariantInventoryLink | null;
  parent: VariantInventory | null;
}

/**
 * Removes a link. A pair that is not linked, or a variant that is not there, removes nothing and
 * still answers, as Medusa's dismiss does. Returns the removed link and the variant as the write left it.
 */
export async function deleteVariantInventoryItem(
  store: InventoryLinkStore,
  tenantId: string,
  target: LinkTarget,
  options: { withStock: boolean; attach?: Attach<LinkRemoval> },
): Promise<LinkRemoval> {
  return retryOnConcurrentChange(async () => {
    const { variant, links } = await store.readVariant(tenantId, target.productId, target.variantId, { withLinks: true });
    if (!variant) return { target, link: null, parent: null };
    const link = links.find((current) => current.inventoryItemId === target.inventoryItemId) ?? null;
    const remaining = links.filter((current) => current !== link);
    const result = { target, link, parent: { variant, links: await withItems(store, tenantId, remaining, options.withStock) } };
    if (link) await store.deleteLink(link, options.attach?.(result));
    return result;
  });
}

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new link's ID. */
export const newLinkId = (now = Date.now()) => newMedusaId('pvitem', now);

/** Medusa's ID shape: the entity prefix and a ULID (48-bit time, 80 random bits, Crockford base 32). */
export function newMedusaId(prefix: string, now = Date.now()): string {
  let time = '';
  for (let rest = now, i = 0; i < 10; i++, rest = Math.floor(rest / 32)) time = CROCKFORD[rest % 32] + time;
  // 256 is a multiple of 32, so taking each byte modulo 32 keeps the characters uniform.
  const random = [...randomBytes(16)].map((byte) => CROCKFORD[byte % 32]).join('');
  return `${prefix}_${time}${random}`;
}
