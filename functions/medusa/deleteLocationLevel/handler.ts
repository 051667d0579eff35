import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { levelDeletedResponse } from '#functions/medusa/dialect/inventoryLevels';
import { deleteLocationLevel } from '#shared/domain/locationLevelMoves';
import { locationLevelStore } from '#shared/store/locationLevel';
import { request } from './contract.ts';

/** DELETE /admin/inventory-items/{id}/location-levels/{location_id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [config().writeScope],
  async handle({ path, query, principal, attach }) {
    const respond = (result: Parameters<typeof levelDeletedResponse>[0]) => ({
      statusCode: 200,
      body: levelDeletedResponse(result, query.fields),
    });
    return respond(
      await deleteLocationLevel(locationLevelStore, principal, { itemId: path.id, locationId: path.location_id }, attach(respond)),
    );
  },
});
