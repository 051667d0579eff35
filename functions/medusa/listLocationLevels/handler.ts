import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { locationLevelListResponse, toLevelListQuery } from '#functions/medusa/dialect/inventoryLevels';
import { listLocationLevels } from '#shared/domain/locationLevel';
import { locationLevelStore } from '#shared/store/locationLevel';
import { request } from './contract.ts';

/** GET /admin/inventory-items/{id}/location-levels: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ path, query, principal }) {
    const page = await listLocationLevels(locationLevelStore, principal.tenantId, toLevelListQuery(path, query));
    return { statusCode: 200, body: locationLevelListResponse(page, query) };
  },
});
