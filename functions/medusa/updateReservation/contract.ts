import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import { ReservationPath, ReservationQuery, reservationWritten, UpdateReservationRequest } from '#functions/medusa/dialect/reservations';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = { path: ReservationPath, query: ReservationQuery, body: UpdateReservationRequest } satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Change a reservation',
  description:
    "A new `quantity` moves the level's reserved units by the difference; a new `location_id` gives the units back at the old level and reserves them at the new one, in one transaction " +
    '(refused where the new level has not that many available: Medusa moves them without looking, and leaves them reserved at the old one too). `description` and `metadata` move nothing.',
  bodyExamples: { update: { summary: 'Three cups instead of two', value: { quantity: 3 } } },
  responses: {
    200: reservationWritten(sampleStockedItem),
    ...medusaWriteErrors,
    400: medusaError(
      'The body or the query breaks the contract, the level has not that many units available, or no reservation has this ID (Medusa answers that as invalid data).',
      'invalid_data',
      'Reservation item with id resitem_01JBRZ5E4Q8M7X2V9K3N6P1T0Z not found',
    ),
    404: medusaError(
      'The item has no level at the new location.',
      'not_found',
      'Item iitem_medusa_cup is not stocked at location wh_nowhere',
    ),
  },
});
