import * as z from 'zod/mini';
import { medusaError, medusaReadErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  InventoryItemPath,
  InventoryItemQuery,
  InventoryItemResponse,
  inventoryItemResponse,
} from '#functions/medusa/dialect/inventoryLevels';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryItemPath,
  query: InventoryItemQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Get an inventory item',
  description:
    "The item in Medusa's default fields: its values, `stocked_quantity` and `reserved_quantity` summed over its levels, and its `location_levels` " +
    "(each with Medusa's `raw_*` quantities), or as `fields` selects it. One Query of the item's partition.",
  responses: {
    200: {
      description: 'The item as `fields` selects it.',
      schema: InventoryItemResponse,
      example: inventoryItemResponse(sampleStockedItem, z.parse(InventoryItemQuery, {}).fields),
    },
    ...medusaReadErrors,
    404: medusaError('No such inventory item in the tenant.', 'not_found', 'Inventory item with id: iitem_nowhere was not found'),
  },
});
