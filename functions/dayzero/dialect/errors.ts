import * as z from 'zod/mini';
import { IDENTITY_RULES, InvalidCursorError, wordRule, type NotFoundError, type ObjectType, type RuleWording } from '#shared/domain/errors';
import type { AdjustmentRules, PagingRules, VariantRules } from '#shared/domain/rules';
import type { FieldIssue, KnownError } from '#shared/http/errors';
import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';

/** FastAPI's two error bodies: {"detail": "..."} and, for 422, the list of pydantic errors. */
const ValidationEntry = z.object({ type: z.string(), loc: z.array(z.union([z.string(), z.int()])), msg: z.string(), input: z.unknown() });
export const ErrorResponse = z.object({ detail: z.union([z.string(), z.array(ValidationEntry)]) });
type ValidationEntry = z.output<typeof ValidationEntry>;

const detail = (statusCode: number, text: string, headers?: Record<string, string>): HttpResponse => ({
  statusCode,
  body: { detail: text },
  ...(headers ? { headers } : {}),
});

/** pydantic's words for text that is no integer (a query parameter is text); the schemas that parse one use them as their message. */
export const INT_PARSING = 'Input should be a valid integer, unable to parse string as an integer';

/** One zod issue in pydantic v2's words, so clients parsing FastAPI errors keep working. */
function pydanticEntry(issue: FieldIssue): ValidationEntry {
  const loc = [issue.location, ...issue.path];
  const p = issue.params ?? {};
  const input = issue.input ?? null;
  if (issue.code === 'invalid_type' && issue.input === undefined) return { type: 'missing', loc, msg: 'Field required', input };
  if (issue.message === INT_PARSING) return { type: 'int_parsing', loc, msg: INT_PARSING, input };
  switch (issue.code) {
    case 'invalid_type':
      if (p.expected === 'string') return { type: 'string_type', loc, msg: 'Input should be a valid string', input };
      if (p.expected === 'int' && typeof issue.input === 'number')
        return { type: 'int_from_float', loc, msg: 'Input should be a valid integer, got a number with a fractional part', input };
      if (p.expected === 'int') return { type: 'int_type', loc, msg: 'Input should be a valid integer', input };
      if (p.expected === 'number') return { type: 'float_type', loc, msg: 'Input should be a valid number', input };
      if (p.expected === 'object')
        return { type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input };
      return { type: `${p.expected ?? 'value'}_type`, loc, msg: `Input should be a valid ${p.expected ?? 'value'}`, input };
    case 'too_small':
      return p.origin === 'string'
        ? { type: 'string_too_short', loc, msg: `String should have at least ${p.minimum} character${p.minimum === 1 ? '' : 's'}`, input }
        : { type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${p.minimum}`, input };
    case 'too_big':
      return p.origin === 'string'
        ? { type: 'string_too_long', loc, msg: `String should have at most ${p.maximum} characters`, input }
        : { type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${p.maximum}`, input };
    case 'invalid_value':
      return {
        type: 'enum',
        loc,
        msg: `Input should be ${(p.values ?? [])
          .map((value) => `'${String(value)}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}`,
        input,
      };
    case 'invalid_format':
      return { type: 'datetime_from_date_parsing', loc, msg: 'Input should be a valid datetime', input };
    default:
      return { type: 'value_error', loc, msg: issue.message, input };
  }
}

export const SKU_TAKEN = 'Variant with same SKU already exists';

/**
 * The rules DayZero's routes can break, in its words: a tenant is a business. An adjustment
 * moves its stock record as ShopSynch's adjust does: past the most a record holds, it answers
 * in that move's words, as it always has.
 */
const RULES: RuleWording<keyof VariantRules | keyof AdjustmentRules | keyof PagingRules | 'on-hand-above-maximum'> = {
  'stripe-account-required': () => 'Business has no Stripe account connected; connect one before creating variants',
  'initial-stock-without-location': () => 'Business has no default location to hold initial inventory',
  'variant-move-too-large': ({ writes, maximum }) =>
    `Variant has too many stock records, inventory item links and inventory records to move in one transaction (${writes} writes, at most ${maximum}); remove some before moving it to another product`,
  'used-variant-cannot-be-deleted': () => 'Variant has stock movements or links; archive it instead of deleting it permanently',
  'variant-needs-variable-product': ({ productType }) =>
    `Product is ${productType}: only a VARIABLE product has variants; its stock is held on the product itself`,
  'adjustment-without-location': () => 'Business has no default location; name a location_id',
  'removal-exceeds-stock': ({ change, onHand, reserved }) =>
    reserved === 0
      ? `Cannot remove ${-change} units: only ${Math.max(0, onHand)} on hand`
      : `Cannot remove ${-change} units: only ${Math.max(0, onHand)} on hand, ${reserved} of them reserved`,
  'period-reversed': () => 'since must not be after until',
  'period-too-long': ({ maximumDays }) => `The period may span at most ${maximumDays} days`,
  'invalid-cursor': () => 'cursor is not valid for this list; use the next_cursor or prev_cursor of one of its pages',
  'on-hand-above-maximum': ({ change, maximum }) => `Cannot adjust by ${change}. onHandQty would exceed ${maximum}.`,
};

/** What DayZero's routes can find missing, in its words. */
const NOT_FOUND: Partial<Record<ObjectType, (error: NotFoundError) => string>> = {
  Tenant: () => 'Business not found',
  Product: () => 'Product not found',
  Variant: () => 'Variant not found',
  Vendor: () => 'Vendor not found',
  Location: ({ detail }) => (detail.forInitialStock ? 'Default location not found' : 'Location not found'),
  // An adjustment whose stock record was deleted (with its variant) while it ran.
  StockRecord: ({ objectId }) => `Inventory record '${objectId}' not found`,
};

export const dayzero: Dialect = {
  errorResponse(error: KnownError): HttpResponse {
    switch (error.kind) {
      case 'unreadable-body':
        return error.reason === 'missing'
          ? { statusCode: 422, body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] } }
          : {
              statusCode: 422,
              body: {
                detail: [
                  {
                    type: 'json_invalid',
                    loc: ['body', 0],
                    msg: error.reason === 'malformed' ? 'JSON decode error' : error.message,
                    input: {},
                  },
                ],
              },
            };
      case 'validation':
        return { statusCode: 422, body: { detail: error.issues.map(pydanticEntry) } };
      case 'business-rule':
        // A cursor is a query parameter: FastAPI answers a bad one as a validation error of it.
        if (error instanceof InvalidCursorError)
          return {
            statusCode: 422,
            body: {
              detail: [
                {
                  type: 'value_error',
                  loc: ['query', 'cursor'],
                  msg: `Value error, ${RULES['invalid-cursor'](error.detail)}`,
                  input: error.detail.cursor,
                },
              ],
            },
          };
        return detail(400, wordRule(RULES, error) ?? error.message);
      case 'unauthenticated':
        return detail(401, 'Not authenticated');
      case 'forbidden':
        return detail(403, 'Not enough permissions');
      case 'not-found':
        return detail(404, NOT_FOUND[error.objectType]?.(error) ?? error.message);
      case 'conflict':
        if (error.rule === IDENTITY_RULES.variantIdPerTenant) return detail(409, 'Variant with same ID already exists');
        // A move whose OrderCloud record has an ID the new product already holds.
        if (error.is(IDENTITY_RULES.recordIdPerProduct))
          return detail(409, `Inventory record '${error.detail.recordId}' already exists under the target product`);
        return detail(409, SKU_TAKEN);
      case 'idempotency-key':
        return detail(error.reason === 'reused' ? 422 : 409, error.message);
      case 'unavailable':
        return detail(503, 'Service temporarily unavailable, please retry', { 'retry-after': String(error.retryAfterSeconds) });
    }
  },
  unexpectedErrorResponse: () => detail(500, 'Internal Server Error'),
};
