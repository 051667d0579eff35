import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { reservationResponse } from '#functions/medusa/dialect/reservations';
import { getReservation } from '#shared/domain/reservation';
import { reservationStore } from '#shared/store/reservation';
import { request } from './contract.ts';

/** GET /admin/reservations/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ path, query, principal }) {
    const view = await getReservation(reservationStore, principal.tenantId, path.id);
    return { statusCode: 200, body: reservationResponse(view, query.fields) };
  },
});
