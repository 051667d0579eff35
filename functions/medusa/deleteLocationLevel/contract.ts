import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  InventoryItemQuery,
  LevelDeletedResponse,
  levelDeletedResponse,
  LocationLevelPath,
} from '#functions/medusa/dialect/inventoryLevels';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: LocationLevelPath,
  query: InventoryItemQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "Remove an inventory item's level at a location",
  description:
    "Removes a level that holds nothing, with its history: one with units reserved, incoming or on hand stays (400 not_allowed, Medusa's words, as Medusa answers without its force flag). " +
    'Answers `{id, object: "inventory-level", deleted: true, parent}` with the item as `fields` selects it.',
  responses: {
    200: {
      description: 'The level is gone.',
      schema: LevelDeletedResponse,
      example: levelDeletedResponse(
        { level: sampleStockedItem.levels[0]!, parent: { item: sampleStockedItem.item, levels: sampleStockedItem.levels.slice(1) } },
        z.parse(InventoryItemQuery, {}).fields,
      ),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'Units are reserved, incoming or on hand at the location, or the query breaks the contract.',
      'not_allowed',
      'Cannot remove Inventory Level iitem_medusa_cup at Location wh_main because there are reservations at location',
    ),
    404: medusaError(
      'No such inventory item in the tenant, or it has no level at the location.',
      'not_found',
      'Inventory Level for Item iitem_medusa_cup at Location wh_nowhere not found',
    ),
  },
});
