import { medusaWriteErrors } from '#functions/medusa/contracts';
import { ReservationDeletedResponse, reservationDeletedResponse, ReservationPath } from '#functions/medusa/dialect/reservations';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = { path: ReservationPath } satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Delete a reservation',
  description:
    'Removes the reservation and gives its units back to its level, in one transaction. A reservation that is not there is deleted already: 200, as Medusa answers, and nothing is written.',
  responses: {
    200: {
      description: 'The reservation is gone.',
      schema: ReservationDeletedResponse,
      example: reservationDeletedResponse('resitem_01JBRZ5E4Q8M7X2V9K3N6P1T0R'),
    },
    ...medusaWriteErrors,
  },
});
