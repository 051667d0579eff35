import { medusaError, medusaWriteErrors, sampleLevel, sampleStockedItem } from '#functions/medusa/contracts';
import { BulkLevelBatchRequest, LevelBatchResponse, levelBatchResponse } from '#functions/medusa/dialect/levelBatches';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  body: BulkLevelBatchRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Create, update and delete levels of many inventory items',
  description:
    "As the item's batch, for levels of many items (`inventory_item_id` on each create and update), all or nothing in one transaction of at most 100 actions. " +
    '`delete` names level IDs, found among the levels of the items the batch creates or updates levels of: a level is reached through its item, so any other ID is a 400 ' +
    "(Medusa finds any level by its ID; remove it through its item's batch). `deleted` is left out of the answer when the request gives no `delete`, as Medusa does.",
  bodyExamples: {
    batch: {
      summary: 'Two items recounted at the main warehouse',
      value: {
        update: [
          { inventory_item_id: 'iitem_medusa_grinder', location_id: 'wh_main', stocked_quantity: 38 },
          { inventory_item_id: 'iitem_medusa_cup', location_id: 'wh_main', stocked_quantity: 88 },
        ],
      },
    },
  },
  responses: {
    200: {
      description: 'The levels created and updated, and the IDs deleted.',
      schema: LevelBatchResponse,
      example: levelBatchResponse(
        {
          created: [],
          updated: [{ level: sampleLevel('iitem_medusa_cup', 'wh_main', 88, 10, 0), parent: sampleStockedItem }],
          deleted: [],
        },
        false,
      ),
    },
    ...medusaWriteErrors,
    400: medusaError(
      "The body breaks the contract; a level exists already, holds units (without force) or reservations, or is not among the batch's items; the batch does not fit one transaction.",
      'invalid_data',
      'Inventory level with inventory_item_id: iitem_medusa_cup, location_id: wh_main, already exists.',
    ),
    404: medusaError(
      'An item to create levels of, a location to create at, or a level to update (of an unknown item too, as Medusa) is not there.',
      'not_found',
      'You tried to set relationship inventory_item_id: iitem_nowhere, but such entity does not exist',
    ),
  },
});
