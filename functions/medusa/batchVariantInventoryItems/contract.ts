import { medusaError, medusaWriteErrors, sampleLink } from '#functions/medusa/contracts';
import { LinkBatchRequest, LinkBatchResponse, linkBatchResponse } from '#functions/medusa/dialect/linkBatch';
import { ProductPath } from '#functions/medusa/dialect/variantInventory';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: ProductPath,
  body: LinkBatchRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "Create, update and delete variants' inventory links in one batch",
  description:
    "Medusa's batch of links for the product's variants: `create` (a pair already linked gets a new link, as the single route gives), `update` (required_quantity of existing links, each getting a new `pvitem_` ID as Medusa gives) and `delete` (a pair not linked removes nothing). " +
    'All or nothing, in one transaction; at most 30 links per batch. A pair updated twice is 404, as in Medusa; a created pair named again is 400 (Medusa answers 500). ' +
    'Answers what was asked, as Medusa echoes it: `{created, updated, deleted}`, each entry `{product: {variant_id}, inventory: {inventory_item_id}}` (with `data: {required_quantity}` for created and updated), without link IDs.',
  bodyExamples: {
    batch: {
      summary: 'Relink the Standard kit',
      value: {
        create: [{ variant_id: 'variant_medusa_kit_std', inventory_item_id: 'iitem_medusa_grinder', required_quantity: 1 }],
        update: [{ variant_id: 'variant_medusa_kit_deluxe', inventory_item_id: 'iitem_medusa_cup', required_quantity: 6 }],
        delete: [{ variant_id: 'variant_medusa_kit_deluxe', inventory_item_id: 'iitem_medusa_grinder' }],
      },
    },
  },
  responses: {
    200: {
      description: 'Every change of the batch is written.',
      schema: LinkBatchResponse,
      example: linkBatchResponse({
        create: [
          { variantId: sampleLink.variantId, inventoryItemId: sampleLink.inventoryItemId, requiredQuantity: sampleLink.requiredQuantity },
        ],
        update: [],
        delete: [],
      }),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body breaks the contract, holds more than 30 links, or names a created pair again.',
      'invalid_data',
      "Invalid request: Field 'create, 0, required_quantity' is required",
    ),
    404: medusaError(
      'The product, a variant to link, or an item to link does not exist, or a link to update does not (or is updated twice).',
      'not_found',
      'Could not find all existing links from data',
    ),
  },
});
