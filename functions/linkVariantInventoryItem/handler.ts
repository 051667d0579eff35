import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#shared/dialects/medusa/errors';
import { LinkInventoryItemRequest, selectsStock, toLinkRequest, variantResponse } from '#shared/dialects/medusa/variantInventory';
import { linkVariantInventoryItem } from '#shared/domain/inventoryLink';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

/** POST /admin/products/{id}/variants/{variant_id}/inventory-items: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: LinkInventoryItemRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const selection = query.fields;
    const respond = (view: Parameters<typeof variantResponse>[0]) => ({ statusCode: 200, body: variantResponse(view, selection) });
    const view = await linkVariantInventoryItem(inventoryLinkStore, principal.tenantId, toLinkRequest(path, body), {
      // Levels are read only when the answer shows them.
      withStock: selectsStock(selection),
      attach: attach(respond),
    });
    return respond(view);
  },
});
