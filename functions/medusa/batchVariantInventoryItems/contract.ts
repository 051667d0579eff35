import { medusaError, medusaWriteErrors, sampleLink, sampleVariant } from '#functions/medusa/contracts';
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
    "Medusa's batch of links for the product's variants: `create` (a pair already linked gets a new link, as the single route gives), `update` (required_quantity of existing links) and `delete`. " +
    'All or nothing, in one transaction; at most 30 links per batch, each pair at most once. Answers `{created, updated, deleted}`, each a list of links.',
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
      example: linkBatchResponse({ created: [{ link: sampleLink, variant: sampleVariant }], updated: [], deleted: [] }),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body breaks the contract, holds more than 30 links, or names a pair twice.',
      'invalid_data',
      "Invalid request: Field 'create, 0, required_quantity' is required",
    ),
    404: medusaError(
      'The product, a variant of it, an item to link, or a link to update or delete does not exist.',
      'not_found',
      'Could not find all existing links from data',
    ),
  },
});
