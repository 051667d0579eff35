import { medusaError, medusaReadErrors, sampleStockedItem } from '#functions/medusa/contracts';
import {
  ReservationPath,
  ReservationQuery,
  ReservationResponse,
  reservationResponse,
  sampleReservation,
} from '#functions/medusa/dialect/reservations';
import * as z from 'zod/mini';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = { path: ReservationPath, query: ReservationQuery } satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Get a reservation',
  description:
    'One reservation with `fields` (defaults: the reservation with its inventory item, whose reserved and stocked quantities are sums over its levels). ' +
    "The reservation (GetItem), then its item's partition (Query) when its item is shown.",
  responses: {
    200: {
      description: 'The reservation as `fields` selects it.',
      schema: ReservationResponse,
      example: reservationResponse(sampleReservation(sampleStockedItem), z.parse(ReservationQuery, {}).fields),
    },
    ...medusaReadErrors,
    404: medusaError(
      'No reservation with this ID in the tenant.',
      'not_found',
      'Reservation with id: resitem_01JBRZ5E4Q8M7X2V9K3N6P1T0Z was not found',
    ),
  },
});
