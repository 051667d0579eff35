import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { linkDeletedResponse, selectsStock, toLinkTarget } from '#functions/medusa/dialect/variantInventory';
import { deleteVariantInventoryItem } from '#shared/domain/inventoryLink';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

/** DELETE /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [config().writeScope],
  async handle({ path, query, principal, attach }) {
    const respond = (result: Parameters<typeof linkDeletedResponse>[0]) => ({
      statusCode: 200,
      body: linkDeletedResponse(result, query.fields),
    });
    const result = await deleteVariantInventoryItem(inventoryLinkStore, principal.tenantId, toLinkTarget(path), {
      withStock: selectsStock(query.fields),
      attach: attach(respond),
    });
    return respond(result);
  },
});
