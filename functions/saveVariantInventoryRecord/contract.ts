import { errorDoc } from '#shared/dialects/ordercloud/errors';
import { CreateVariantInventoryRecordRequest, InventoryRecordResponse, RECORD_EXAMPLE, VariantInventoryRecordPath } from '#shared/dialects/ordercloud/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: VariantInventoryRecordPath,
  body: CreateVariantInventoryRecordRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Create or replace an inventory record of a variant',
  description:
    'Save (PUT): replaces the record with the body (fields left out take their defaults) or creates it (201). A body ID that differs from the path\'s renames the record, in one transaction that frees the old ID and takes the new one; the record ID is unique within the product across both levels. Address and LastUpdated in the body are ignored (read-only). Requires the FullAccess or ProductAdmin role.',
  bodyExamples: {
    replace: { summary: 'Replace every writable field', value: { AddressID: 'wh_main', QuantityAvailable: 80, NotificationPoint: 10, xp: { Aisle: '5' } } },
    rename: { summary: 'A new ID in the body renames the record', value: { ID: 'invrec-renamed', AddressID: 'wh_main' } },
  },
  responses: {
    200: { description: 'The record was replaced.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
    201: { description: 'The record did not exist and was created.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
    400: errorDoc(400, 'Body missing, not JSON, or a field of the wrong type or format; one entry per field.', 'RequiredField', 'AddressID is required.', { Field: 'AddressID' }),
    401: errorDoc(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
    403: errorDoc(403, 'The token has neither the FullAccess nor the ProductAdmin role.', 'InsufficientRoles', 'User does not have role(s) required to perform this action.', { SufficientRoles: ['ProductAdmin', 'FullAccess'] }),
    404: errorDoc(404, 'Product, variant of that product, or address of that owner not found.', 'NotFound', 'InventoryRecord not found: invrec-nowhere', { ObjectType: 'InventoryRecord', ObjectID: 'invrec-nowhere' }),
    409: errorDoc(409, 'The new ID is taken within the product, or the Idempotency-Key is in use.', 'IdExists', 'An inventory record with ID invrec-main-m-blue already exists.'),
    422: errorDoc(422, 'The Idempotency-Key was used for a different request.', 'IdempotencyKeyReused', 'Idempotency-Key was already used for a different request'),
    500: errorDoc(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
    503: errorDoc(503, 'The database is unavailable; retry after the Retry-After header.', 'ServiceUnavailable', 'Service temporarily unavailable, please retry'),
  },
});
