import { route } from '#functions/commons/sealingRoute';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { toVariantListRequest, variantListResponse } from '#functions/dayzero/dialect/variant';
import { listVariants } from '#shared/domain/variantList';
import { variantLists } from '#shared/store/variantList';
import { request } from './contract.ts';

/** GET /api/v1/inventory/products/variants: DayZero (FastAPI). Any token of the business may read. */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [],
  async handle({ query, principal }) {
    return {
      statusCode: 200,
      body: variantListResponse(await listVariants(variantLists, principal.tenantId, toVariantListRequest(query))),
    };
  },
});
