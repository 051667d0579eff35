import { config } from '#shared/config';
import { medusaDialect } from '#shared/dialects/medusa/errors';
import { LinkInventoryItemRequest, toLinkRequest, VariantPath, VariantQuery, variantResponse } from '#shared/dialects/medusa/variantInventory';
import { linkVariantInventoryItem } from '#shared/domain/inventoryLink';
import { route } from '#shared/http/pipeline';

/** POST /admin/products/{id}/variants/{variant_id}/inventory-items: Medusa v2 admin. */
export const handler = route({
  dialect: medusaDialect({ body: LinkInventoryItemRequest }),
  permissions: [config().writeScope],
  body: LinkInventoryItemRequest,
  path: VariantPath,
  query: VariantQuery,
  async handle({ body, path, query, principal }) {
    const variant = await linkVariantInventoryItem(principal.tenantId, toLinkRequest(path, body));
    return { statusCode: 200, body: variantResponse(variant, query.fields) };
  },
});
