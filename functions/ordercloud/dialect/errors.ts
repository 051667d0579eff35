import * as z from 'zod/mini';
import { IDENTITY_RULES, wordRule, type ObjectType, type RuleWording } from '#shared/domain/errors';
import type { BoundsRules, InventoryRecordRules, StockMovementRules, StockRecordRules } from '#shared/domain/rules';
import type { FieldIssue, KnownError } from '#shared/http/errors';
import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';

/** One OrderCloud error, as the API and its SDK spell it. */
const ApiError = z.object({ ErrorCode: z.string(), Message: z.string(), Data: z.nullable(z.unknown()) });
type ApiError = z.output<typeof ApiError>;

/**
 * OrderCloud's error body: the list the official SDK reads (`Errors`), plus the first
 * error's fields at top level as the seed documents them.
 */
export const ErrorResponse = z.object({
  Errors: z.array(ApiError),
  StatusCode: z.int(),
  ErrorCode: z.string(),
  Message: z.string(),
  Data: z.nullable(z.unknown()),
});

export const WRITE_ROLES = ['ProductAdmin', 'FullAccess'];

/** What OrderCloud calls each of our objects in NotFound errors. */
const OBJECT_TYPES: Partial<Record<ObjectType, string>> = {
  Location: 'Address',
  Variant: 'Variant',
  Product: 'Product',
  InventoryRecord: 'InventoryRecord',
};

/** One refused field, as OrderCloud names it. */
const refused = (Field: string, Message: string): ApiError => ({
  ErrorCode: 'InvalidRequest',
  Message: `${Field}: ${Message}`,
  Data: { Field },
});

/**
 * The rules OrderCloud's routes can break, in its words. A record is a name of stock that every
 * API of this service shares, which is where these differ from OrderCloud's own rules.
 */
const RULES: RuleWording<
  | keyof Pick<StockRecordRules, 'variant-required' | 'variant-not-allowed'>
  | keyof Pick<StockMovementRules, 'on-hand-above-maximum'>
  | keyof InventoryRecordRules
  | keyof BoundsRules,
  ApiError
> = {
  'stored-field-too-large': ({ field, maximum }) =>
    refused(field, `may hold at most ${maximum} bytes of JSON, as stored (a PATCH's xp counts merged with the record's)`),
  'variant-required': () => ({
    ErrorCode: 'InvalidRequest',
    Message:
      'This product has variants: its inventory is recorded per variant (/products/{productID}/variants/{variantID}/inventoryrecords).',
    Data: null,
  }),
  'variant-not-allowed': ({ productType }) => ({
    ErrorCode: 'InvalidRequest',
    Message: `A ${productType} product has no variant inventory: its inventory is recorded at /products/{productID}/inventoryrecords.`,
    Data: null,
  }),
  'on-hand-above-maximum': ({ maximum }) => refused('QuantityAvailable', `at most ${maximum} units may be held, counting those reserved`),
  'available-below-zero': () =>
    refused(
      'QuantityAvailable',
      'must be at least 0: the units are shared with every API of this service, and stock never goes below zero',
    ),
  'reorder-level-below-zero': () =>
    refused('NotificationPoint', "must be at least 0: it is the stock's reorder level, shared with every API"),
  'record-address-fixed': ({ recordId, addressId }) =>
    refused(
      'AddressID',
      `inventory record ${recordId} holds the stock at ${addressId} and stays there; create a record at the other address`,
    ),
};

function fail(statusCode: number, errors: ApiError[], headers?: Record<string, string>): HttpResponse {
  const first = errors[0]!;
  return { statusCode, body: { Errors: errors, StatusCode: statusCode, ...first }, ...(headers ? { headers } : {}) };
}

/** One entry per failing field: RequiredField when it is missing, InvalidRequest otherwise. */
function fieldErrors(issues: readonly FieldIssue[]): ApiError[] {
  return issues.map((issue) => {
    const field = issue.path.join('.') || 'body';
    return issue.code === 'invalid_type' && issue.input === undefined
      ? { ErrorCode: 'RequiredField', Message: `${field} is required.`, Data: { Field: field } }
      : { ErrorCode: 'InvalidRequest', Message: `${field}: ${issue.message}`, Data: { Field: field } };
  });
}

export const ordercloud: Dialect = {
  errorResponse(error: KnownError): HttpResponse {
    switch (error.kind) {
      case 'unreadable-body':
        return fail(400, [{ ErrorCode: 'InvalidRequest', Message: error.message, Data: null }]);
      case 'validation':
        return fail(400, fieldErrors(error.issues));
      case 'business-rule':
        return fail(400, [wordRule(RULES, error) ?? { ErrorCode: 'InvalidRequest', Message: error.message, Data: null }]);
      case 'unauthenticated':
        return fail(401, [{ ErrorCode: 'InvalidToken', Message: 'Access token is invalid or expired.', Data: null }]);
      case 'forbidden':
        return fail(403, [
          {
            ErrorCode: 'InsufficientRoles',
            Message: 'User does not have role(s) required to perform this action.',
            Data: { SufficientRoles: WRITE_ROLES },
          },
        ]);
      case 'not-found':
        return fail(404, [
          {
            ErrorCode: 'NotFound',
            Message: `${OBJECT_TYPES[error.objectType] ?? error.objectType} not found: ${error.objectId}`,
            Data: { ObjectType: OBJECT_TYPES[error.objectType] ?? error.objectType, ObjectID: error.objectId },
          },
        ]);
      case 'conflict': {
        if (error.is(IDENTITY_RULES.recordPerLevel)) {
          const { recordId, addressId } = error.detail;
          return fail(409, [
            {
              ErrorCode: 'InventoryRecordExists',
              Message: `Inventory record ${recordId} already holds this stock at address ${addressId}; update it instead.`,
              Data: { ObjectType: 'InventoryRecord', ObjectID: recordId, AddressID: addressId },
            },
          ]);
        }
        const message = error.is(IDENTITY_RULES.recordIdPerProduct)
          ? `An inventory record with ID ${error.detail.recordId} already exists.`
          : error.message;
        return fail(409, [{ ErrorCode: 'IdExists', Message: message, Data: null }]);
      }
      case 'idempotency-key':
        return error.reason === 'reused'
          ? fail(422, [{ ErrorCode: 'IdempotencyKeyReused', Message: error.message, Data: null }])
          : fail(409, [{ ErrorCode: 'IdempotencyKeyInUse', Message: error.message, Data: null }]);
      case 'unavailable':
        return fail(503, [{ ErrorCode: 'ServiceUnavailable', Message: 'Service temporarily unavailable, please retry', Data: null }], {
          'retry-after': String(error.retryAfterSeconds),
        });
    }
  },
  unexpectedErrorResponse: () => fail(500, [{ ErrorCode: 'InternalServerError', Message: 'An unexpected error occurred.', Data: null }]),
};

/** A documented error answer: the envelope's schema and an example of it, for a route contract. */
export const errorDoc = (status: number, description: string, ErrorCode: string, Message: string, Data: unknown = null) => ({
  description,
  schema: ErrorResponse,
  example: { Errors: [{ ErrorCode, Message, Data }], StatusCode: status, ErrorCode, Message, Data },
});
