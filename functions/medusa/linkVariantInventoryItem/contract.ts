import { medusaError, medusaWriteErrors, sampleView } from '#functions/medusa/contracts';
import {
  DEFAULT_VARIANT_SELECTION,
  LinkInventoryItemRequest,
  VariantPath,
  VariantQuery,
  VariantResponse,
  variantResponse,
} from '#functions/medusa/dialect/variantInventory';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: VariantPath,
  query: VariantQuery,
  body: LinkInventoryItemRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Link a variant to an inventory item',
  description:
    'Links an inventory item to a product variant with the units one variant needs (required_quantity). Posting the same pair again replaces its link with a new one (a new `pvitem_` ID), as Medusa does. ' +
    "Answers with the variant in Medusa's default fields (its own values, `prices`, `options`); `*inventory_items` adds the links, `*inventory_items.inventory` their items with location levels. " +
    '`fields` shapes the variant as in Medusa: `+x` adds, `-x` removes, a list without prefixes replaces the defaults, unknown entries are dropped; `id` is always there.',
  bodyExamples: {
    link: { summary: 'Two cups per kit', value: { inventory_item_id: 'iitem_medusa_cup', required_quantity: 2 } },
  },
  responses: {
    200: {
      description: 'The link exists with this required_quantity; the variant as `fields` selects it.',
      schema: VariantResponse,
      example: variantResponse(sampleView, DEFAULT_VARIANT_SELECTION),
    },
    ...medusaWriteErrors,
    400: medusaError(
      'The body, `fields` or another query parameter breaks the contract; the message names the field.',
      'invalid_data',
      "Invalid request: Field 'required_quantity' is required",
    ),
    404: medusaError(
      'Product, variant (of that product) or inventory item not found in the tenant.',
      'not_found',
      'Inventory item with id: iitem_nowhere was not found',
    ),
  },
});
