import * as z from 'zod/mini';
import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import { CreateInventoryItemRequest, MAX_CREATE_LEVELS } from '#functions/medusa/dialect/inventoryItems';
import { InventoryItemQuery, InventoryItemResponse, inventoryItemResponse } from '#functions/medusa/dialect/inventoryLevels';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  query: InventoryItemQuery,
  body: CreateInventoryItemRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Create an inventory item',
  description:
    'A new item of no product (such as a kit part a variant is then linked to), with an `iitem_` ID: `sku`, `title`, `description`, `requires_shipping` (default true) and, ' +
    `if given, its first \`location_levels\` (at most ${MAX_CREATE_LEVELS}; each a level of the one ledger with its first history entry), all in one transaction. ` +
    "Medusa's other item fields (customs, sizes, thumbnail, metadata) are not kept by this catalog: taken only as null. " +
    "Answers with the item in Medusa's default fields, its levels included.",
  bodyExamples: {
    create: {
      summary: 'A milk jug stocked at the main warehouse',
      value: { sku: 'JUG-350', title: 'Milk jug', location_levels: [{ location_id: 'wh_main', stocked_quantity: 12 }] },
    },
  },
  responses: {
    200: {
      description: 'The item exists; as `fields` selects it.',
      schema: InventoryItemResponse,
      example: inventoryItemResponse(sampleStockedItem, z.parse(InventoryItemQuery, {}).fields),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body or the query breaks the contract, a location appears twice, or another item has the SKU (`Inventory item with sku: <sku>, already exists.`, as Medusa).',
      'invalid_data',
      "Invalid request: Value for field 'location_levels, 0, stocked_quantity' too small, expected at least: '0'",
    ),
    404: medusaError(
      'A level names a location the tenant does not have.',
      'not_found',
      'Stock locations with ids: wh_nowhere was not found',
    ),
  },
});
