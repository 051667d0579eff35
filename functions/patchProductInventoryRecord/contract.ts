import { errorDoc } from '#shared/dialects/ordercloud/errors';
import { InventoryRecordResponse, PatchInventoryRecordRequest, ProductInventoryRecordPath, RECORD_EXAMPLE } from '#shared/dialects/ordercloud/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: ProductInventoryRecordPath,
  body: PatchInventoryRecordRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Update part of an inventory record of a product (product-level records)',
  description:
    'Patch: only the fields in the body change; xp is deep-merged as OrderCloud merges it (objects key by key, anything else replaced; xp: null clears it). A new ID renames the record (unique within the product, across both levels). Address and LastUpdated in the body are ignored (read-only). Requires the FullAccess or ProductAdmin role.',
  bodyExamples: {
    quantity: { summary: 'Change the quantity only', value: { QuantityAvailable: 75 } },
    xp: { summary: 'Merge into xp', value: { xp: { Bin: { Row: 3 } } } },
  },
  responses: {
    200: { description: 'The record as patched.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
    400: errorDoc(400, 'Body missing, not JSON, or a field of the wrong type or format; one entry per field.', 'InvalidRequest', 'QuantityAvailable: must be an integer', { Field: 'QuantityAvailable' }),
    401: errorDoc(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
    403: errorDoc(403, 'The token has neither the FullAccess nor the ProductAdmin role.', 'InsufficientRoles', 'User does not have role(s) required to perform this action.', { SufficientRoles: ['ProductAdmin', 'FullAccess'] }),
    404: errorDoc(404, 'Product, record at this level, or address of that owner not found.', 'NotFound', 'InventoryRecord not found: invrec-nowhere', { ObjectType: 'InventoryRecord', ObjectID: 'invrec-nowhere' }),
    409: errorDoc(409, 'The new ID is taken within the product, or the Idempotency-Key is in use.', 'IdExists', 'An inventory record with ID invrec-main-m-blue already exists.'),
    422: errorDoc(422, 'The Idempotency-Key was used for a different request.', 'IdempotencyKeyReused', 'Idempotency-Key was already used for a different request'),
    500: errorDoc(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
    503: errorDoc(503, 'The database is unavailable; retry after the Retry-After header.', 'ServiceUnavailable', 'Service temporarily unavailable, please retry'),
  },
});
