import { medusaReadErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  InventoryItemPath,
  LocationLevelListQuery,
  LocationLevelListResponse,
  locationLevelListResponse,
} from '#functions/medusa/dialect/inventoryLevels';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryItemPath,
  query: LocationLevelListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "List an inventory item's location levels",
  description:
    "The item's stock at each location, by location ID, Medusa's way: `limit` (default 50, at most 100), `offset`, `count`, `order` (a field, `-field` descending), `location_id` (one ID: Medusa reads `a,b` as one) and `fields` " +
    "(defaults: the level's own values with available_quantity = stocked − reserved). One query of the item's partition. An item that is not there has no levels: an empty list, as Medusa answers.",
  responses: {
    200: {
      description: 'One page of the levels, with the count of all that match.',
      schema: LocationLevelListResponse,
      example: locationLevelListResponse(
        { stocked: sampleStockedItem, levels: sampleStockedItem.levels, count: 2 },
        z.parse(LocationLevelListQuery, {}),
      ),
    },
    ...medusaReadErrors,
  },
});
