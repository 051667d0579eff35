import { config } from '#shared/config';
import { dayzero } from '#shared/dialects/dayzero/errors';
import { toNewVariant, VariantCreateRequest, variantResponse } from '#shared/dialects/dayzero/variant';
import { ValidationError } from '#shared/domain/errors';
import { createVariant } from '#shared/domain/variant';
import { route } from '#shared/http/pipeline';

/** POST /api/v1/inventory/products/variants: DayZero (FastAPI). */
export const handler = route({
  dialect: dayzero,
  permissions: [config().writeScope],
  body: VariantCreateRequest,
  async handle({ body, headers, principal }) {
    const businessId = headers['x-business-id'];
    if (!businessId) {
      throw new ValidationError([{ location: 'header', path: ['x-business-id'], code: 'invalid_type', message: 'Field required' }]);
    }
    const variant = await createVariant(principal.tenantId, businessId, toNewVariant(body));
    return { statusCode: 201, body: variantResponse(variant) };
  },
});
