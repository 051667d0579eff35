import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { inventoryItemListResponse, toItemListQuery } from '#functions/medusa/dialect/inventoryItems';
import { listInventoryItems } from '#shared/domain/inventoryItemList';
import { inventoryItemStore } from '#shared/store/inventoryItem';
import { request } from './contract.ts';

/** GET /admin/inventory-items: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ query, principal }) {
    const page = await listInventoryItems(inventoryItemStore, principal.tenantId, toItemListQuery(query));
    return { statusCode: 200, body: inventoryItemListResponse(page, query) };
  },
});
