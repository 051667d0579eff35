import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';
import { IDENTITY_RULES, wordRule, type NotFoundError, type ObjectType, type RuleWording } from '#shared/domain/errors';
import type { PagingRules, StockMovementRules, StockRecordRules } from '#shared/domain/rules';
import type { KnownError } from '#shared/http/errors';

/** ShopSynch answers every error as {"status": false, "message": "..."}. */
const fail = (statusCode: number, message: string, headers?: Record<string, string>): HttpResponse => ({
  statusCode,
  body: { status: false, message },
  ...(headers ? { headers } : {}),
});

export const DUPLICATE_RECORD_MESSAGE = 'An inventory record for this product already exists in the specified warehouse.';

const units = (count: number) => `${count} ${Math.abs(count) === 1 ? 'unit' : 'units'}`;
const unitsAre = (count: number) => `${units(count)} ${count === 1 ? 'is' : 'are'}`;

/** The rules ShopSynch's routes can break, in its words: a variant is a SKU, a location a warehouse. */
const RULES: RuleWording<keyof StockRecordRules | keyof StockMovementRules | keyof PagingRules> = {
  'variant-required': () => 'skuId is required for VARIABLE products',
  'variant-not-allowed': ({ productType }) => `skuId must be omitted for ${productType} products`,
  'attributes-not-allowed': () => 'variantAttributes apply only to VARIABLE products',
  'attribute-unknown': ({ name }) => `variantAttributes.${name} is not an attribute of this SKU`,
  'attribute-mismatch': ({ name, given, actual }) => `variantAttributes.${name} is '${given}' but the SKU's ${name} is '${actual}'`,
  'variant-filter-without-product': () => 'skuId can only be filtered on together with productId',
  'reserve-exceeds-available': ({ requested, available }) =>
    `Cannot reserve ${units(requested)}. Only ${unitsAre(available)} currently available.`,
  'release-exceeds-reserved': ({ requested, reserved }) =>
    `Cannot release ${units(requested)}. Only ${unitsAre(reserved)} currently reserved.`,
  'on-hand-below-reserved': ({ change, onHand, reserved }) =>
    `Cannot adjust by ${change}. onHandQty would be ${onHand}, below the ${units(reserved)} reserved.`,
  'on-hand-above-maximum': ({ change, maximum }) => `Cannot adjust by ${change}. onHandQty would exceed ${maximum}.`,
  'invalid-cursor': () => 'cursor is not valid; use the nextCursor of a previous page of this list',
};

/** What ShopSynch's routes can find missing, in its words. */
const NOT_FOUND: Partial<Record<ObjectType, (error: NotFoundError) => string>> = {
  Product: ({ objectId }) => `Product '${objectId}' not found`,
  Variant: ({ objectId, detail }) => `SKU '${objectId}' not found for product '${detail.productId}'`,
  Location: ({ objectId }) => `Warehouse '${objectId}' not found`,
  StockRecord: ({ objectId }) => `Inventory record '${objectId}' not found`,
};

export const shopsynch: Dialect = {
  errorResponse(error: KnownError): HttpResponse {
    switch (error.kind) {
      case 'unreadable-body':
      case 'validation':
        return fail(400, error.message);
      case 'business-rule':
        return fail(400, wordRule(RULES, error) ?? error.message);
      case 'unauthenticated':
        return fail(401, error.message);
      case 'forbidden':
        return fail(403, error.message);
      case 'not-found':
        return fail(404, NOT_FOUND[error.objectType]?.(error) ?? error.message);
      case 'conflict':
        return fail(409, error.rule === IDENTITY_RULES.stockPerLocation ? DUPLICATE_RECORD_MESSAGE : error.message);
      case 'idempotency-key':
        return fail(error.reason === 'reused' ? 422 : 409, error.message);
      case 'unavailable':
        return fail(503, 'Service temporarily unavailable, please retry', {
          'retry-after': String(error.retryAfterSeconds),
        });
    }
  },
  unexpectedErrorResponse: () => fail(500, 'Internal server error'),
};
