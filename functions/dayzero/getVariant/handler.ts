import { route } from '#functions/commons/route';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { variantResponse } from '#functions/dayzero/dialect/variant';
import { getVariant } from '#shared/domain/variant';
import { variantStore } from '#shared/store/variant';
import { request } from './contract.ts';

/** GET /api/v1/inventory/products/variants/{id}: DayZero (FastAPI). Any token of the business may read. */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [],
  async handle({ path, principal }) {
    return { statusCode: 200, body: variantResponse(await getVariant(variantStore, principal.tenantId, path.id)) };
  },
});
