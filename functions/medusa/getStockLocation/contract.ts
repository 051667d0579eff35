import * as z from 'zod/mini';
import { medusaError, medusaReadErrors } from '#functions/medusa/contracts';
import { sampleLocation } from '#functions/medusa/dialect/stockLocationSamples';
import {
  StockLocationPath,
  StockLocationQuery,
  StockLocationResponse,
  stockLocationResponse,
} from '#functions/medusa/dialect/stockLocations';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: StockLocationPath,
  query: StockLocationQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Get a stock location',
  description:
    "One of the catalog's locations as Medusa's stock location, in its default fields (see the list) or as `fields` selects it. `address` is null for a location without one. One GetItem.",
  responses: {
    200: {
      description: 'The location as `fields` selects it.',
      schema: StockLocationResponse,
      example: stockLocationResponse(sampleLocation, z.parse(StockLocationQuery, {}).fields),
    },
    ...medusaReadErrors,
    404: medusaError('No such location in the tenant.', 'not_found', 'Stock location with id: wh_nowhere was not found'),
  },
});
