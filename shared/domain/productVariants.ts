import type { Variant } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import {
  inventoryQuantity,
  withItems,
  type InventoryLinkStore,
  type StockedItem,
  type VariantInventory,
} from '#shared/domain/inventoryLink';
import { sideBySide } from '#shared/domain/concurrency';

/** Reading a product's variants (Medusa's), each with the inventory items it is linked to. */

/**
 * A variant of the product, with its links (and their items' levels with `withStock`) when `withLinks`;
 * undefined when the product has no such variant (Medusa then answers 200 `{}`).
 */
export async function getProductVariant(
  store: InventoryLinkStore,
  tenantId: string,
  target: { productId: string; variantId: string },
  options: { withLinks: boolean; withStock: boolean },
): Promise<VariantInventory | undefined> {
  const { variant, links } = await store.readVariant(tenantId, target.productId, target.variantId, {
    withLinks: options.withLinks || options.withStock,
  });
  if (!variant) return undefined;
  return { variant, links: await withItems(store, tenantId, links, options.withStock) };
}

export type DateOperator = '$eq' | '$ne' | '$gt' | '$gte' | '$lt' | '$lte' | '$in' | '$nin';
export type DateField = 'created_at' | 'updated_at' | 'deleted_at';

/** A comparison of a timestamp with instants (epoch ms, or null): one for each operator but `$in` and `$nin`. */
export interface DateFilter {
  field: DateField;
  operator: DateOperator;
  at: readonly (number | null)[];
}

type Time = number | null;

/** As SQL compares (Medusa's store): a comparison with null is no match, except `$eq`/`$ne` null, which test for null. */
const COMPARE: Record<DateOperator, (time: Time, at: readonly Time[]) => boolean> = {
  $eq: (time, [at = null]) => (at === null ? time === null : time === at),
  $ne: (time, [at = null]) => (at === null ? time !== null : time !== null && time !== at),
  $gt: (time, [at = null]) => time !== null && at !== null && time > at,
  $gte: (time, [at = null]) => time !== null && at !== null && time >= at,
  $lt: (time, [at = null]) => time !== null && at !== null && time < at,
  $lte: (time, [at = null]) => time !== null && at !== null && time <= at,
  $in: (time, at) => time !== null && at.includes(time),
  $nin: (time, at) => time !== null && !at.includes(null) && !at.includes(time),
};

/** A listed variant is never deleted: Medusa lists none without `with_deleted`, and the catalog deletes for good. */
const TIME: Record<DateField, (variant: Variant) => Time> = {
  created_at: (variant) => Date.parse(variant.createdAt),
  updated_at: (variant) => Date.parse(variant.updatedAt),
  deleted_at: () => null,
};

const datesMatch = (variant: Variant, dates: readonly DateFilter[] = []) =>
  dates.every(({ field, operator, at }) => COMPARE[operator](TIME[field](variant), at));

export type VariantOrderField = 'id' | 'title' | 'sku' | 'created_at' | 'updated_at';

export interface VariantListQuery {
  productId: string;
  limit: number;
  offset: number;
  /** Case-insensitive text found in the title or the SKU. */
  q?: string;
  order?: { field: VariantOrderField; descending: boolean };
  /** Only the variants with one of these IDs, or SKUs. */
  ids?: readonly string[];
  skus?: readonly string[];
  /** A filter on what the catalog does not hold: no variant matches. */
  matchNone?: boolean;
  /** Medusa's operator filters on the timestamps: each keeps the variants whose time compares so with the instant (epoch ms). */
  dates?: readonly DateFilter[];
  /** The answer shows the variants' links (their items too with withStock). */
  withLinks: boolean;
  withStock: boolean;
  withInventoryQuantity: boolean;
}

const ORDER_VALUE: Record<VariantOrderField, (variant: Variant) => string> = {
  id: (variant) => variant.id,
  title: (variant) => variant.name,
  sku: (variant) => variant.sku ?? '',
  created_at: (variant) => variant.createdAt,
  updated_at: (variant) => variant.updatedAt,
};

/**
 * A page of the product's variants, filtered by `q` and sorted by `order` (then by ID),
 * with the count of all that match. Stock is read for the page's variants only: their
 * linked items' levels, when the answer shows stock or `inventory_quantity`.
 */
export async function listProductVariants(
  store: InventoryLinkStore,
  tenantId: string,
  query: VariantListQuery,
): Promise<{ variants: VariantInventory[]; count: number }> {
  if (readsOnlyItsPage(query)) {
    const page = await store.readProductVariantPage(tenantId, query.productId, { offset: query.offset, limit: query.limit });
    if (!page.productExists) throw new NotFoundError('Product', query.productId);
    if (page.count !== undefined) return { variants: page.variants.map((variant) => ({ variant, links: [] })), count: page.count };
  }
  const { productExists, variants } = await store.readProductVariants(tenantId, query.productId);
  if (!productExists) throw new NotFoundError('Product', query.productId);
  const needle = query.q?.toLocaleLowerCase();
  const matching = variants.filter(
    ({ variant }) =>
      !query.matchNone &&
      (query.ids === undefined || query.ids.includes(variant.id)) &&
      (query.skus === undefined || (variant.sku !== null && query.skus.includes(variant.sku))) &&
      datesMatch(variant, query.dates) &&
      (needle === undefined || [variant.name, variant.sku ?? ''].some((text) => text.toLocaleLowerCase().includes(needle))),
  );
  const order = query.order ?? { field: 'created_at', descending: false };
  const sorted = [...matching].sort((a, b) => {
    const byField = ORDER_VALUE[order.field](a.variant).localeCompare(ORDER_VALUE[order.field](b.variant));
    // Ties by ID in code unit order, as the page read alone (readProductVariantPage) finds them.
    return (order.descending ? -byField : byField) || (a.variant.id < b.variant.id ? -1 : a.variant.id > b.variant.id ? 1 : 0);
  });
  const page = sorted.slice(query.offset, query.offset + query.limit);
  const withStock = query.withStock || query.withInventoryQuantity;
  const items = withStock
    ? await store.readInventoryItems(
        tenantId,
        page.flatMap(({ links }) => links.map((link) => link.inventoryItemId)),
      )
    : new Map<string, StockedItem>();
  const views = await sideBySide(
    page.map(async ({ variant, links }) => {
      const linked = await withItems(store, tenantId, links, false, items);
      return { variant, links: linked, ...(query.withInventoryQuantity ? { inventoryQuantity: inventoryQuantity(linked) } : {}) };
    }),
  );
  return { variants: views, count: matching.length };
}

/**
 * Whether the list is the product's variants in created_at order without filter, links or stock:
 * its page is then read alone, with the count the product keeps. Any filter, another order or
 * the links read every variant of the product (see docs/medusa.md for each one's cost).
 */
const readsOnlyItsPage = (query: VariantListQuery): boolean =>
  query.q === undefined &&
  query.ids === undefined &&
  query.skus === undefined &&
  !query.matchNone &&
  (query.dates ?? []).length === 0 &&
  (query.order === undefined || (query.order.field === 'created_at' && !query.order.descending)) &&
  !query.withLinks &&
  !query.withStock &&
  !query.withInventoryQuantity;
