import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { inventoryItemResponse, toQuantities, UpdateLocationLevelRequest } from '#functions/medusa/dialect/inventoryLevels';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { updateLocationLevel } from '#shared/domain/locationLevelMoves';
import { locationLevelStore } from '#shared/store/locationLevel';
import { request } from './contract.ts';

/** POST /admin/inventory-items/{id}/location-levels/{location_id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: UpdateLocationLevelRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const respond = (stocked: StockedItem) => ({ statusCode: 200, body: inventoryItemResponse(stocked, query.fields) });
    const request = { itemId: path.id, locationId: path.location_id, ...toQuantities(body) };
    return respond(await updateLocationLevel(locationLevelStore, principal, request, attach(respond)));
  },
});
