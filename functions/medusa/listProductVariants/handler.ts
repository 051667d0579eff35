import { route } from '#functions/commons/route';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { toVariantListQuery, variantListResponse } from '#functions/medusa/dialect/variantInventory';
import { listProductVariants } from '#shared/domain/productVariants';
import { inventoryLinkStore } from '#shared/store/inventoryLink';
import { request } from './contract.ts';

/** GET /admin/products/{id}/variants: Medusa v2 admin. */
export const handler = route({
  request,
  dialect: medusaDialect(),
  permissions: [],
  async handle({ path, query, principal }) {
    const page = await listProductVariants(inventoryLinkStore, principal.tenantId, toVariantListQuery(path, query));
    return { statusCode: 200, body: variantListResponse(page, query) };
  },
});
