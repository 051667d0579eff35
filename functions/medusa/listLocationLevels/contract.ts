import { medusaError, medusaReadErrors, sampleStockedItem } from '#functions/medusa/contracts';
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
    "The item's stock at each location, by location ID, Medusa's way: `limit` (default 50, at most 100), `offset`, `count`, `location_id` (one or several, comma-separated) and `fields` " +
    "(defaults: the level's own values with available_quantity = stocked − reserved). One query of the item's partition.",
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
    404: medusaError(
      'No such inventory item in the tenant (Medusa answers an empty list).',
      'not_found',
      'Inventory item with id: iitem_nowhere was not found',
    ),
  },
});
