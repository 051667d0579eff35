import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { inventoryItemResponse } from '#functions/medusa/dialect/inventoryLevels';
import { getInventoryItem } from '#shared/domain/inventoryItem';
import { inventoryItemStore } from '#shared/store/inventoryItem';
import { request } from './contract.ts';

/** GET /admin/inventory-items/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ path, query, principal }) {
    return {
      statusCode: 200,
      body: inventoryItemResponse(await getInventoryItem(inventoryItemStore, principal.tenantId, path.id), query.fields),
    };
  },
});
