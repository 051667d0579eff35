import { medusaReadErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  ReservationListQuery,
  ReservationListResponse,
  reservationListResponse,
  sampleReservation,
} from '#functions/medusa/dialect/reservations';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = { query: ReservationListQuery } satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: "List the tenant's reservations",
  description:
    "Medusa's reservations, in the order they were made, Medusa's way: `limit` (default 20, at most 100), `offset`, `count`, `order` (a field, `-field` descending), `fields` " +
    '(defaults: the reservation with its inventory item, whose reserved and stocked quantities are sums over its levels), and the filters `inventory_item_id`, `location_id`, `line_item_id`, `description` (one value each, matched exactly) and `q` (in the description, any case). ' +
    "One Query of the tenant's reservations, or of a line item's, item's or location's copies of them when filtered by it (other filters are applied as DynamoDB reads), beside its COUNT; then the page's items side by side.",
  responses: {
    200: {
      description: 'One page of the reservations, with the count of all that match.',
      schema: ReservationListResponse,
      example: reservationListResponse({ views: [sampleReservation(sampleStockedItem)], count: 1 }, z.parse(ReservationListQuery, {})),
    },
    ...medusaReadErrors,
  },
});
