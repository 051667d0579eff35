import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { selectsLinks, selectsStock, variantResponse } from '#functions/medusa/dialect/variantInventory';
import { getProductVariant } from '#shared/domain/productVariants';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

/** GET /admin/products/{id}/variants/{variant_id}: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ path, query, principal }) {
    const view = await getProductVariant(
      inventoryLinkStore,
      principal.tenantId,
      { productId: path.id, variantId: path.variant_id },
      {
        // The default answer is the variant item alone (one GetItem); links and stock only when selected.
        withLinks: selectsLinks(query.fields),
        withStock: selectsStock(query.fields),
      },
    );
    // Medusa serialises `{variant: undefined}`: an unknown variant, or another product's, is 200 `{}`.
    return { statusCode: 200, body: view ? variantResponse(view, query.fields) : {} };
  },
});
