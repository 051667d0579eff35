import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { CreateReservationRequest, reservationResponse, toNewReservation } from '#functions/medusa/dialect/reservations';
import { createReservation, type ReservationView } from '#shared/domain/reservation';
import { reservationStore } from '#shared/store/reservation';
import { request } from './contract.ts';

/** POST /admin/reservations: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: CreateReservationRequest }),
  permissions: [config().writeScope],
  async handle({ body, query, principal, attach }) {
    const respond = (view: ReservationView) => ({ statusCode: 200, body: reservationResponse(view, query.fields) });
    return respond(await createReservation(reservationStore, principal, toNewReservation(body), attach(respond)));
  },
});
