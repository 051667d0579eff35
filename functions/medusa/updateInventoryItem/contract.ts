import * as z from 'zod/mini';
import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import { UpdateInventoryItemRequest } from '#functions/medusa/dialect/inventoryItems';
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
  body: UpdateInventoryItemRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Update an inventory item',
  description:
    "Sets the item's `sku`, `title`, `description` or `requires_shipping` (those given); its levels change through the level routes. " +
    "One Query of its partition, then an Update conditional on the item as read. Answers with the item in Medusa's default fields.",
  bodyExamples: { rename: { summary: 'A new title', value: { title: 'Burr grinder, 64 mm' } } },
  responses: {
    200: {
      description: 'The item as `fields` selects it.',
      schema: InventoryItemResponse,
      example: inventoryItemResponse(sampleStockedItem, z.parse(InventoryItemQuery, {}).fields),
    },
    ...medusaWriteErrors,
    404: medusaError('No such inventory item in the tenant.', 'not_found', 'InventoryItem with id "iitem_nowhere" not found'),
  },
});
