import { medusaError, medusaWriteErrors, sampleLevel, sampleStockedItem } from '#functions/medusa/contracts';
import { InventoryItemPath } from '#functions/medusa/dialect/inventoryLevels';
import { ItemLevelBatchRequest, LevelBatchResponse, levelBatchResponse } from '#functions/medusa/dialect/levelBatches';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryItemPath,
  body: ItemLevelBatchRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "Create, update and delete an inventory item's levels",
  description:
    "All or nothing, as Medusa's batch workflow: `create` (a location the item has no level at; each a new ledger level with its history and views), " +
    '`update` (by location: stocked_quantity moves on hand by the difference, a movement over the version read, seen by every API in the next request) and ' +
    '`delete` (level IDs; an ID the item does not have is echoed, as Medusa echoes it). A level with units on hand is removed only with `force: true` (its units go, as in Medusa); ' +
    'one holding reservations or shown by OrderCloud records never. One transaction of at most 100 actions (a level created is 3 to 5 of them, a movement 3 or more, a removal 2, ' +
    "its history apart): a bigger batch is a 400 before anything is written. One Query of the item's partition beside the locations' GetItems, then one TransactWriteItems.",
  bodyExamples: {
    batch: {
      summary: 'Stock the satellite store, recount the main warehouse',
      value: { create: [{ location_id: 'wh_def456', stocked_quantity: 6 }], update: [{ location_id: 'wh_main', stocked_quantity: 20 }] },
    },
  },
  responses: {
    200: {
      description: 'The levels created and updated, and the IDs deleted.',
      schema: LevelBatchResponse,
      example: levelBatchResponse({
        created: [{ level: sampleLevel('iitem_medusa_cup', 'wh_def456', 6, 0, 0), parent: sampleStockedItem }],
        updated: [{ level: sampleLevel('iitem_medusa_cup', 'wh_main', 20, 10, 0), parent: sampleStockedItem }],
        deleted: [],
      }),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body breaks the contract; a level exists already, holds units (without force) or reservations; the batch does not fit one transaction.',
      'not_allowed',
      'Cannot remove Inventory Levels for wh_main because there are stocked items at the locations. Use force flag to delete anyway.',
    ),
    404: medusaError(
      'The item to create levels of, a location to create at, or a level to update (of an unknown item too, as Medusa) is not there.',
      'not_found',
      'Item iitem_medusa_cup is not stocked at location wh_nowhere',
    ),
  },
});
