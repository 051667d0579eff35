import * as z from 'zod/mini';
import { medusaReadErrors, sampleStockedItem } from '#functions/medusa/contracts';
import { InventoryItemListQuery, InventoryItemListResponse, inventoryItemListResponse } from '#functions/medusa/dialect/inventoryItems';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  query: InventoryItemListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'List inventory items',
  description:
    "The catalog's inventory items (a variant's or product's own item included), by ID, Medusa's way: `limit` (default 20, at most 100), `offset`, `count`, " +
    '`order` (`id`, `sku`, `title`, `created_at`, `updated_at`; `-field` descending), `q` (SKU, title or description contains it, ignoring case), `id`, `sku`, `title` ' +
    '(one value each, matched exactly), `requires_shipping`, `location_levels[location_id]` (the items with a level at that location, each shown with all its levels; ' +
    '`location_levels[location_id][0]=a&location_levels[location_id][1]=b`, as the js-sdk sends a list, or `[]=a&[]=b`, at most 50; `=a,b` is one ID) ' +
    "and `fields` (defaults: the item's values, its `stocked_quantity` and `reserved_quantity` summed over its levels, and `*location_levels`). " +
    "Unfiltered, in ID order: a Query of the `catalog` index reading only `offset + limit` items beside a BatchGet of the tenant's kept item count; by location, a Query of each location's levels in that index (the matches, never other items), then a BatchGet of the page's items (of every match's with other filters or another order); " +
    "otherwise the index's item section read to its end for the count of matches. " +
    "Then the page's items' partitions side by side, only when the answer shows levels or their totals.",
  responses: {
    200: {
      description: 'One page of the items, with the count of all that match.',
      schema: InventoryItemListResponse,
      example: inventoryItemListResponse({ items: [sampleStockedItem], count: 1 }, z.parse(InventoryItemListQuery, {})),
    },
    ...medusaReadErrors,
  },
});
