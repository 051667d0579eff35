import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { LinkInventoryItemRequest, selectsStock, toLinkRequest, variantResponse } from '#functions/medusa/dialect/variantInventory';
import { linkVariantInventoryItem, type VariantInventory } from '#shared/domain/inventoryLink';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

/** POST /admin/products/{id}/variants/{variant_id}/inventory-items: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: LinkInventoryItemRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const respond = (view: VariantInventory) => ({ statusCode: 200, body: variantResponse(view, query.fields) });
    const view = await linkVariantInventoryItem(inventoryLinkStore, principal.tenantId, toLinkRequest(path, body), {
      // Levels are read only when the answer shows them.
      withStock: selectsStock(query.fields),
      attach: attach(respond),
    });
    return respond(view);
  },
});
