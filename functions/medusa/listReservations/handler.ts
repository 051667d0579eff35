import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { reservationListResponse, toReservationListQuery } from '#functions/medusa/dialect/reservations';
import { listReservations } from '#shared/domain/reservation';
import { reservationStore } from '#shared/store/reservation';
import { request } from './contract.ts';

/** GET /admin/reservations: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ query, principal }) {
    const page = await listReservations(reservationStore, principal.tenantId, toReservationListQuery(query));
    return { statusCode: 200, body: reservationListResponse(page, query) };
  },
});
