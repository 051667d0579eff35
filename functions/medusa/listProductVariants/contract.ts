import { medusaError, medusaReadErrors, sampleView } from '#functions/medusa/contracts';
import { productVariant } from '#functions/medusa/dialect/entities';
import { requestedFields, selectionOf } from '#functions/medusa/dialect/fields';
import {
  DEFAULT_VARIANT_FIELDS,
  ProductPath,
  VariantListQuery,
  VariantListResponse,
  variantListResponse,
} from '#functions/medusa/dialect/variantInventory';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

const withQuantity = selectionOf(requestedFields('+inventory_quantity', DEFAULT_VARIANT_FIELDS), productVariant);

export const request = {
  path: ProductPath,
  query: VariantListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "List a product's variants",
  description:
    "The product's variants, Medusa's way: `limit` (default 50, at most 100), `offset`, `count`; `order` by id, title, sku, created_at or updated_at (`-` for descending; default created_at); " +
    "`q` finds text in the title or SKU, ignoring case; `id` and `sku` match exactly, one value or a list matching any (`id[]=a&id[]=b`, or `id[0]=a&id[1]=b` as the js-sdk sends it); `created_at`, `updated_at` and `deleted_at` take Medusa's operators (`created_at[$gte]=2026-01-01`: `$eq`, `$ne`, `$gt`, `$gte`, `$lt`, `$lte`, and `$in`/`$nin` with a list; `null` is null). No variant is soft-deleted: `deleted_at` compared with a date matches none, as in Medusa. `fields` as on the variant; `+inventory_quantity` computes the variants that can be sold: " +
    "for each linked item, the floor of its available quantity over all locations divided by required_quantity; the scarcest item decides; 0 without links (Medusa answers null there). Only the page's variants' stock is read.",
  responses: {
    200: {
      description: 'One page of the variants, with the count of all that match.',
      schema: VariantListResponse,
      example: variantListResponse(
        { variants: [{ ...sampleView, inventoryQuantity: 55 }], count: 1 },
        { ...z.parse(VariantListQuery, {}), fields: withQuantity },
      ),
    },
    ...medusaReadErrors,
    400: medusaError(
      '`limit`, `offset`, `order` or `fields` breaks the contract; the message names the field.',
      'invalid_data',
      "Invalid request: Value for field 'limit' too big, expected at most: '100'",
    ),
    404: medusaError(
      'No such product in the tenant (Medusa answers an empty list).',
      'not_found',
      'Product with id: prod_nowhere was not found',
    ),
  },
});
