import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { deleteResponse } from '#functions/dayzero/dialect/variant';
import type { VariantRemoval } from '#shared/domain/variant';
import { removeVariant } from '#shared/domain/variantLifecycle';
import { variantStore } from '#shared/store/variant';
import { request } from './contract.ts';

const respond = (removal: VariantRemoval) => ({ statusCode: 200, body: deleteResponse(removal) });

/** DELETE /api/v1/inventory/products/variants/{id}: DayZero (FastAPI). */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [config().writeScope],
  async handle({ path, query, principal, attach }) {
    return respond(await removeVariant(variantStore, principal.tenantId, path.id, query.permanent ?? false, attach(respond)));
  },
});
