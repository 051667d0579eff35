import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  CreateLocationLevelRequest,
  InventoryItemPath,
  InventoryItemQuery,
  InventoryItemResponse,
  inventoryItemResponse,
} from '#functions/medusa/dialect/inventoryLevels';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryItemPath,
  query: InventoryItemQuery,
  body: CreateLocationLevelRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Stock an inventory item at a location',
  description:
    "Creates the item's level at a stock location (stocked and incoming quantities default to 0, reserved is 0). One level per item and location: a second one is a 400, as Medusa's database refuses it. " +
    "The level is the one stock every API shows: for a variant's (or product's) own item, ShopSynch lists it as that variant's record at the location and DayZero counts it. " +
    "Answers with the inventory item in Medusa's default fields, its location levels included.",
  bodyExamples: {
    create: {
      summary: '25 grinders at the satellite store',
      value: { location_id: 'wh_def456', stocked_quantity: 25, incoming_quantity: 5 },
    },
  },
  responses: {
    200: {
      description: 'The level exists; the item as `fields` selects it.',
      schema: InventoryItemResponse,
      example: inventoryItemResponse(sampleStockedItem, z.parse(InventoryItemQuery, {}).fields),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body or the query breaks the contract, or the item already has a level at the location.',
      'invalid_data',
      'Inventory level with inventory_item_id: iitem_medusa_cup, location_id: wh_main, already exists.',
    ),
    404: medusaError(
      'Inventory item or stock location not found in the tenant.',
      'not_found',
      'Stock locations with ids: wh_nowhere was not found',
    ),
  },
});
