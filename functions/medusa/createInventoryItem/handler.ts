import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { CreateInventoryItemRequest, toItemFields, toLevelsToCreate } from '#functions/medusa/dialect/inventoryItems';
import { inventoryItemResponse } from '#functions/medusa/dialect/inventoryLevels';
import type { StockedItem } from '#shared/domain/inventoryLink';
import { createInventoryItem } from '#shared/domain/inventoryItemWrites';
import { inventoryItemStore } from '#shared/store/inventoryItem';
import { request } from './contract.ts';

/** POST /admin/inventory-items: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: CreateInventoryItemRequest }),
  permissions: [config().writeScope],
  async handle({ body, query, principal, attach }) {
    const respond = (stocked: StockedItem) => ({ statusCode: 200, body: inventoryItemResponse(stocked, query.fields) });
    const request = { ...toItemFields(body), levels: toLevelsToCreate(body) };
    return respond(await createInventoryItem(inventoryItemStore, principal, request, attach(respond)));
  },
});
