import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { toVariantChanges, variantResponse } from '#functions/dayzero/dialect/variant';
import type { VariantRecord } from '#shared/domain/variant';
import { updateVariant } from '#shared/domain/variantLifecycle';
import { variantStore } from '#shared/store/variant';
import { request } from './contract.ts';

const respond = (variant: VariantRecord) => ({ statusCode: 200, body: variantResponse(variant) });

/** PUT /api/v1/inventory/products/variants/{id}: DayZero (FastAPI). */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [config().writeScope],
  async handle({ body, path, principal, attach }) {
    return respond(await updateVariant(variantStore, principal.tenantId, path.id, toVariantChanges(body), attach(respond)));
  },
});
