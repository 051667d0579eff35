import { medusaError, medusaWriteErrors, sampleStockedItem } from '#functions/medusa/contracts';
import { CreateReservationRequest, ReservationQuery, reservationWritten } from '#functions/medusa/dialect/reservations';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = { query: ReservationQuery, body: CreateReservationRequest } satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Medusa',
  summary: 'Reserve units of an inventory item at a location',
  description:
    "A reservation holds `quantity` whole units of the item's level at the location: a reserve of the one stock every API shows (ShopSynch's reservedQty, OrderCloud's QuantityAvailable, DayZero's reserved move with it), " +
    "written in the level's own transaction with the reservation. Refused beyond what the level has available (on hand minus reserved), as Medusa refuses it, and where the item has no level. " +
    'Concurrent reservations of one level are decided one after the other: they never reserve more than it has.',
  bodyExamples: {
    create: {
      summary: 'Two cups for an order line',
      value: {
        inventory_item_id: 'iitem_medusa_cup',
        location_id: 'wh_main',
        quantity: 2,
        line_item_id: 'ordli_01JBRZ5E4Q8M7X2V9K3N6P1T0L',
        description: 'Order #1042',
      },
    },
  },
  responses: {
    200: reservationWritten(sampleStockedItem),
    ...medusaWriteErrors,
    400: medusaError(
      'The body or the query breaks the contract, or the level has not that many units available.',
      'not_allowed',
      'Not enough stock available for item iitem_medusa_cup at location wh_main',
    ),
    404: medusaError(
      'The item has no level at the location (or is not there).',
      'not_found',
      'Item iitem_medusa_cup is not stocked at location wh_nowhere',
    ),
  },
});
