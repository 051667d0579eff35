import { medusaError, medusaWriteErrors, sampleView } from '#functions/medusa/contracts';
import {
  DEFAULT_VARIANT_SELECTION,
  UpdateVariantInventoryItemRequest,
  VariantLinkPath,
  VariantQuery,
  VariantResponse,
  variantResponse,
} from '#functions/medusa/dialect/variantInventory';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: VariantLinkPath,
  query: VariantQuery,
  body: UpdateVariantInventoryItemRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "Change a variant's required quantity of an inventory item",
  description:
    "Sets required_quantity on the existing link of the variant and the inventory item; the link keeps its ID. Answers with the variant as `fields` selects it (Medusa's defaults without it).",
  bodyExamples: { update: { summary: 'Three cups per kit', value: { required_quantity: 3 } } },
  responses: {
    200: {
      description: 'The link has this required_quantity; the variant as `fields` selects it.',
      schema: VariantResponse,
      example: variantResponse(sampleView, DEFAULT_VARIANT_SELECTION),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body or the query breaks the contract; the message names the field.',
      'invalid_data',
      "Invalid request: Field 'required_quantity' is required",
    ),
    404: medusaError(
      'No such variant under this product, or the variant is not linked to this item.',
      'not_found',
      'Could not find all existing links from data',
    ),
  },
});
