import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { IDENTITY_RULES, NotAllowedError, type NotFoundDetail, wordRule, type ObjectType, type RuleWording } from '#shared/domain/errors';
import type { InventoryItemRules } from '#shared/domain/inventoryItemRules';
import type { InventoryLinkRules, ReservationRules } from '#shared/domain/rules';
import type { FieldIssue, KnownError } from '#shared/http/errors';
import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';

/** Every Medusa error: {type, message, code?}, as Medusa's error handler writes it. */
export const ErrorResponse = z.object({
  type: z.string(),
  message: z.string(),
  code: z.optional(z.string()),
});
type ErrorBody = z.output<typeof ErrorResponse>;

/** Medusa's 401, whatever the cause: its auth middleware answers with a bare message. */
export const UnauthorizedResponse = z.object({ message: z.literal('Unauthorized') });

const fail = (
  statusCode: number,
  body: ErrorBody | z.output<typeof UnauthorizedResponse>,
  headers?: Record<string, string>,
): HttpResponse => ({
  statusCode,
  body,
  ...(headers ? { headers } : {}),
});

/** Medusa's fixed message for a 409, whatever caused it. */
export const CONFLICT_MESSAGE = 'The request conflicted with another request. You may retry the request with the provided Idempotency-Key.';

/** What Medusa calls each of our objects in "<Entity> with id: <id> was not found". */
const ENTITY_NAMES: Partial<Record<ObjectType, string>> = {
  Tenant: 'Store',
  Product: 'Product',
  Variant: 'Product variant',
  // Medusa's routes here look locations up in bulk ("Stock locations with ids: a, b was not found").
  Location: 'Stock locations',
  Vendor: 'Vendor',
  InventoryItem: 'Inventory item',
  LocationLevel: 'Inventory level',
  Reservation: 'Reservation',
};

/** Medusa's link step says this when a link to update is missing; we say it for any missing link. */
export const MISSING_LINK_MESSAGE = 'Could not find all existing links from data';

export const notFoundMessage = (objectType: ObjectType, objectId: string, detail: NotFoundDetail = {}) => {
  if (objectType === 'VariantInventoryLink') return MISSING_LINK_MESSAGE;
  // Medusa's reservation workflow looks the level up itself, and words a missing one (or item) so.
  if (objectType === 'LocationLevel' && detail.forReservation)
    return `Item ${detail.inventoryItemId ?? ''} is not stocked at location ${objectId}`;
  if (objectType === 'LocationLevel') return `Inventory Level for Item ${detail.inventoryItemId ?? ''} at Location ${objectId} not found`;
  const name = ENTITY_NAMES[objectType] ?? objectType;
  return `${name} with ${objectType === 'Location' ? 'ids' : 'id'}: ${objectId} was not found`;
};

/** The rules Medusa's routes can break, in its words (or ours, where Medusa has none). */
const RULES: RuleWording<
  | keyof InventoryLinkRules
  | keyof InventoryItemRules
  | keyof ReservationRules
  | 'on-hand-below-reserved'
  | 'on-hand-above-maximum'
  | 'stored-field-too-large'
> = {
  'reservation-exceeds-available': ({ inventoryItemId, locationId }) =>
    `Not enough stock available for item ${inventoryItemId} at location ${locationId}`,
  // Medusa bounds no metadata: ours.
  'stored-field-too-large': ({ field, maximum }) => `${field} may take at most ${maximum} bytes of JSON`,
  'batch-too-large': ({ size, maximum }) => `A batch may hold at most ${maximum} links; this one holds ${size}`,
  'batch-repeats-link': ({ variantId, inventoryItemId }) =>
    `The link of variant ${variantId} and inventory item ${inventoryItemId} appears more than once in the batch`,
  'level-has-reservations': ({ inventoryItemId, locationId }) =>
    `Cannot remove Inventory Level ${inventoryItemId} at Location ${locationId} because there are reservations at location`,
  'level-has-stock': ({ locationId }) =>
    `Cannot remove Inventory Levels for ${locationId} because there are stocked items at the locations. Use force flag to delete anyway.`,
  'level-has-inventory-records': ({ inventoryItemId, locationId, recordIds }) =>
    `Cannot remove Inventory Level ${inventoryItemId} at Location ${locationId} because inventory records ${recordIds.join(', ')} show it`,
  // The stock is shared with the other APIs, whose floors Medusa's levels keep: ours, Medusa has none.
  'on-hand-below-reserved': ({ onHand, reserved }) =>
    `stocked_quantity ${onHand} is less than the ${reserved} units reserved at the location`,
  'on-hand-above-maximum': ({ maximum }) => `stocked_quantity may be at most ${maximum}`,
  'item-has-reservations': ({ inventoryItemId }) =>
    `Cannot remove following inventory item(s) since they have reservations: [${inventoryItemId}].`,
  // Ours: Medusa removes a variant's own item with its links; here every API's stock of the variant is its levels.
  'own-item-cannot-be-deleted': ({ inventoryItemId, variantId, productId }) =>
    `Cannot remove inventory item ${inventoryItemId}: it holds the stock of ${variantId ? `variant ${variantId}` : `product ${productId}`}`,
  'batch-repeats-level': ({ inventoryItemId, locationId }) =>
    `The level of inventory item ${inventoryItemId} at location ${locationId} appears more than once in the batch`,
  'level-not-in-batch-items': ({ levelId }) =>
    `Level ${levelId} is not a level of the items this batch creates or updates levels of: remove it through its item's batch`,
  'too-many-writes': ({ writes, maximum }) => `The request would make ${writes} writes in one transaction; at most ${maximum} fit`,
};

/**
 * Medusa validates the body, then the query, each with a strict zod schema, and reports
 * the first failing part's first three issues: "Invalid request: <issue>; <issue>".
 * The schemas spell each issue as Medusa does; this only picks and joins them.
 */
export function invalidRequestMessage(issues: readonly FieldIssue[]): string {
  const part = (['body', 'query', 'path', 'header'] as const).find((location) => issues.some((issue) => issue.location === location));
  const messages = [...new Set(issues.filter((issue) => issue.location === part).map(withFullPath))];
  return `Invalid request: ${messages.slice(0, 3).join('; ')}`;
}

/**
 * The schemas name a field by its own name; Medusa names a nested one by its whole path (`create, 0, variant_id`).
 * Medusa looks the value of a wrong type up in the body without entering arrays, so below an array
 * it finds none and calls a value of the wrong type missing: `Field 'update, 0, stocked_quantity' is required`.
 * Our own refusal of a fraction (`Expected type: 'integer'`, where Medusa takes any number) keeps its words.
 */
function withFullPath(issue: FieldIssue): string {
  if (issue.path.some((key) => typeof key === 'number') && /^Expected type: '(?!integer')/.test(issue.message))
    return `Field '${issue.path.join(', ')}' is required`;
  const last = issue.path.at(-1);
  if (issue.path.length < 2 || typeof last !== 'string') return issue.message;
  return issue.message.replace(`'${last}'`, `'${issue.path.join(', ')}'`);
}

/**
 * Medusa's envelope for a route. Medusa reads an absent body as {}, so with the route's
 * body schema a missing body gets the same answer as an empty object.
 */
export function medusaDialect(
  options: {
    body?: $ZodType;
    /** A route whose Medusa words an absence its own way (undefined: the common wording). */
    notFound?: (objectType: ObjectType, objectId: string, detail: NotFoundDetail) => string | undefined;
  } = {},
): Dialect {
  const emptyBody = options.body ? z.safeParse(options.body, {}) : undefined;
  const missingBody = emptyBody?.error
    ? invalidRequestMessage(
        emptyBody.error.issues.map((issue) => ({ location: 'body', path: [], message: issue.message, code: issue.code })),
      )
    : 'Invalid request: the request body is required';

  return {
    errorResponse(error: KnownError): HttpResponse {
      switch (error.kind) {
        case 'unreadable-body':
          // Medusa parses only JSON bodies: any other content type reaches validation as no body.
          return fail(400, {
            type: 'invalid_data',
            message: error.reason === 'missing' || error.reason === 'content-type' ? missingBody : error.message,
          });
        case 'validation':
          return fail(400, { type: 'invalid_data', message: invalidRequestMessage(error.issues) });
        case 'business-rule':
          return fail(400, {
            type: error instanceof NotAllowedError ? 'not_allowed' : 'invalid_data',
            message: wordRule(RULES, error) ?? error.message,
          });
        case 'unauthenticated':
          return fail(401, { message: 'Unauthorized' });
        case 'forbidden':
          return fail(403, { type: 'not_allowed', message: error.message });
        case 'not-found':
          // Medusa's reservation update finds no reservation in its workflow, which calls that invalid data.
          if (error.objectType === 'Reservation' && error.detail.forUpdate)
            return fail(400, { type: 'invalid_data', message: `Reservation item with id ${error.objectId} not found` });
          return fail(404, {
            type: 'not_found',
            message:
              options.notFound?.(error.objectType, error.objectId, error.detail) ??
              notFoundMessage(error.objectType, error.objectId, error.detail),
          });
        case 'conflict':
          // Medusa's database answers a second level at a location as invalid data.
          if (error.is(IDENTITY_RULES.levelPerLocation)) {
            const { inventoryItemId, locationId } = error.detail;
            return fail(400, {
              type: 'invalid_data',
              message: `Inventory level with inventory_item_id: ${inventoryItemId}, location_id: ${locationId}, already exists.`,
            });
          }
          // Medusa's database answers a second item with a SKU as invalid data too.
          if (error.is(IDENTITY_RULES.itemSkuPerTenant))
            return fail(400, { type: 'invalid_data', message: `Inventory item with sku: ${error.detail.sku}, already exists.` });
          return fail(409, { type: 'conflict', code: 'invalid_state_error', message: CONFLICT_MESSAGE });
        case 'idempotency-key':
          return error.reason === 'reused'
            ? fail(422, { type: 'duplicate_error', code: 'invalid_request_error', message: error.message })
            : fail(409, { type: 'conflict', code: 'invalid_state_error', message: CONFLICT_MESSAGE });
        case 'unavailable':
          return fail(
            503,
            { type: 'database_error', code: 'api_error', message: 'Service temporarily unavailable, please retry' },
            { 'retry-after': String(error.retryAfterSeconds) },
          );
      }
    },
    unexpectedErrorResponse: () => fail(500, { type: 'unknown_error', code: 'unknown_error', message: 'An unknown error occurred.' }),
  };
}
