import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  InventoryItemQuery,
  InventoryItemResponse,
  inventoryItemResponse,
  LocationLevelPath,
  UpdateLocationLevelRequest,
} from '#functions/medusa/dialect/inventoryLevels';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: LocationLevelPath,
  query: InventoryItemQuery,
  body: UpdateLocationLevelRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "Change an inventory item's stock at a location",
  description:
    "Sets the stocked and/or incoming quantity of the item's existing level at the location (reserved stock is not changed here). " +
    "The level is the one stock every API shows: a new stocked quantity moves its on-hand units by the difference (an 'adjusted' entry of its history, reason medusa-level-update), never below what is reserved through any API. " +
    "Answers with the inventory item in Medusa's default fields.",
  bodyExamples: { update: { summary: 'A count of the main warehouse', value: { stocked_quantity: 120 } } },
  responses: {
    200: {
      description: 'The level holds these quantities; the item as `fields` selects it.',
      schema: InventoryItemResponse,
      example: inventoryItemResponse(sampleStockedItem, z.parse(InventoryItemQuery, {}).fields),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body or the query breaks the contract (the message names the field), or the stocked quantity is below what is reserved at the location.',
      'invalid_data',
      "Invalid request: Value for field 'stocked_quantity' too small, expected at least: '0'",
    ),
    404: medusaError(
      'No such inventory item in the tenant, or it has no level at the location.',
      'not_found',
      'Inventory Level for Item iitem_medusa_cup at Location wh_nowhere not found',
    ),
  },
});
