import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { reservationResponse, toReservationChange, UpdateReservationRequest } from '#functions/medusa/dialect/reservations';
import { updateReservation, type ReservationView } from '#shared/domain/reservation';
import { reservationStore } from '#shared/store/reservation';
import { request } from './contract.ts';

/** POST /admin/reservations/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: UpdateReservationRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const respond = (view: ReservationView) => ({ statusCode: 200, body: reservationResponse(view, query.fields) });
    return respond(await updateReservation(reservationStore, principal, path.id, toReservationChange(body), attach(respond)));
  },
});
