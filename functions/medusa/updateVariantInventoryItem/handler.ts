import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { selectsStock, toLinkTarget, UpdateVariantInventoryItemRequest, variantResponse } from '#functions/medusa/dialect/variantInventory';
import { updateVariantInventoryItem, type VariantInventory } from '#shared/domain/inventoryLink';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

/** POST /admin/products/{id}/variants/{variant_id}/inventory-items/{inventory_item_id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect({ body: UpdateVariantInventoryItemRequest }),
  permissions: [config().writeScope],
  async handle({ body, path, query, principal, attach }) {
    const respond = (view: VariantInventory) => ({ statusCode: 200, body: variantResponse(view, query.fields) });
    const view = await updateVariantInventoryItem(
      inventoryLinkStore,
      principal.tenantId,
      { ...toLinkTarget(path), requiredQuantity: body.required_quantity },
      {
        withStock: selectsStock(query.fields),
        attach: attach(respond),
      },
    );
    return respond(view);
  },
});
