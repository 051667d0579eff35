import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { toItemFields, updateNotFound, UpdateInventoryItemRequest } from '#functions/medusa/dialect/inventoryItems';
import { inventoryItemResponse } from '#functions/medusa/dialect/inventoryLevels';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { updateInventoryItem } from '#shared/domain/inventoryItem';
import { inventoryItemStore } from '#shared/store/inventoryItem';
import { request } from './contract.ts';

/** POST /admin/inventory-items/{id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: UpdateInventoryItemRequest, notFound: updateNotFound }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const respond = (stocked: StockedItem) => ({ statusCode: 200, body: inventoryItemResponse(stocked, query.fields) });
    const request = { itemId: path.id, ...toItemFields(body) };
    return respond(await updateInventoryItem(inventoryItemStore, principal.tenantId, request, attach(respond)));
  },
});
