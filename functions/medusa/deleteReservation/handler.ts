import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { reservationDeletedResponse } from '#functions/medusa/dialect/reservations';
import { deleteReservation } from '#shared/domain/reservation';
import { reservationStore } from '#shared/store/reservation';
import { request } from './contract.ts';

/** DELETE /admin/reservations/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [config().writeScope],
  async handle({ path, principal, attach }) {
    const respond = ({ id }: { id: string }) => ({ statusCode: 200, body: reservationDeletedResponse(id) });
    return respond(await deleteReservation(reservationStore, principal, path.id, attach(respond)));
  },
});
