import * as z from 'zod/mini';
import { medusaReadErrors, sampleView } from '#functions/medusa/contracts';
import {
  DEFAULT_VARIANT_SELECTION,
  VariantPath,
  VariantQuery,
  VariantResponse,
  variantResponse,
} from '#functions/medusa/dialect/variantInventory';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: VariantPath,
  query: VariantQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Get a product variant',
  description:
    "The variant of the product in Medusa's default fields (its own values, `prices`, `options`). `fields` shapes it as in Medusa: `*inventory_items` adds its inventory links, " +
    '`*inventory_items.inventory` their items with location levels; unknown entries are dropped. `inventory_quantity` is not computed here, as in Medusa (see the variants list). ' +
    "A variant the product does not have (unknown, or another product's) is 200 `{}`, as Medusa answers it.",
  responses: {
    200: {
      description: 'The variant as `fields` selects it.',
      schema: z.union([VariantResponse, z.strictObject({})]),
      example: variantResponse(sampleView, DEFAULT_VARIANT_SELECTION),
    },
    ...medusaReadErrors,
  },
});
