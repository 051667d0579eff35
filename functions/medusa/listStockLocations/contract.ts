import * as z from 'zod/mini';
import { medusaReadErrors } from '#functions/medusa/contracts';
import { sampleLocation } from '#functions/medusa/dialect/stockLocationSamples';
import { StockLocationListQuery, StockLocationListResponse, stockLocationListResponse } from '#functions/medusa/dialect/stockLocations';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  query: StockLocationListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'List stock locations',
  description:
    "The catalog's locations as Medusa's stock locations, by ID: `limit` (default 20, at most 100), `offset`, `count`, `order` (`id`, `name`, `created_at`, `updated_at`; `-field` descending), " +
    "`q` (ID or name contains it, ignoring case), `id` and `name` (one value each, matched exactly) and `fields` (defaults: id, name, metadata, created_at, updated_at and the address's " +
    'id, address_1, address_2, city, country_code, phone, province, postal_code, metadata; `*address` adds company and its timestamps). ' +
    "One Query of the tenant's locations on the `catalog` index, read to its end for the count.",
  responses: {
    200: {
      description: 'One page of the locations, with the count of all that match.',
      schema: StockLocationListResponse,
      example: stockLocationListResponse({ locations: [sampleLocation], count: 1 }, z.parse(StockLocationListQuery, {})),
    },
    ...medusaReadErrors,
  },
});
