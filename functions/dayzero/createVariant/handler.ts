import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { toNewVariant, variantResponse } from '#functions/dayzero/dialect/variant';
import type { VariantRecord } from '#shared/domain/variant';
import { createVariant } from '#shared/domain/variantLifecycle';
import { variantStore } from '#shared/store/variant';
import { request } from './contract.ts';

const respond = (variant: VariantRecord) => ({ statusCode: 201, body: variantResponse(variant) });

/** POST /api/v1/inventory/products/variants: DayZero (FastAPI). The pipeline has checked x-business-id is the token's tenant. */
export const handler = route({
  request,
  dialect: dayzero,
  permissions: [config().writeScope],
  async handle({ body, principal, attach }) {
    return respond(await createVariant(variantStore, principal, toNewVariant(body), attach(respond)));
  },
});
