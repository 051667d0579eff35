import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { CreateLocationLevelRequest, inventoryItemResponse, toQuantities } from '#functions/medusa/dialect/inventoryLevels';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { createLocationLevel } from '#shared/domain/locationLevel';
import { locationLevelStore } from '#shared/store/locationLevel';
import { request } from './contract.ts';

/** POST /admin/inventory-items/{id}/location-levels: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: CreateLocationLevelRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const respond = (stocked: StockedItem) => ({ statusCode: 200, body: inventoryItemResponse(stocked, query.fields) });
    const request = { itemId: path.id, locationId: body.location_id, ...toQuantities(body) };
    return respond(await createLocationLevel(locationLevelStore, principal, request, attach(respond)));
  },
});
