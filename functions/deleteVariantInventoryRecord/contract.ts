import { errorDoc } from '#shared/dialects/ordercloud/errors';
import { VariantInventoryRecordPath } from '#shared/dialects/ordercloud/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: VariantInventoryRecordPath,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Delete an inventory record of a variant',
  description:
    'Deletes the record and frees its ID within the product, in one transaction. 204 with no body. Requires the FullAccess or ProductAdmin role.',
  responses: {
    204: { description: 'The record was deleted.' },
    400: errorDoc(400, 'A path parameter is not a valid ID, or the Idempotency-Key is malformed.', 'InvalidRequest', 'inventoryRecordID: must be 1 to 100 letters, digits, - or _', { Field: 'inventoryRecordID' }),
    401: errorDoc(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
    403: errorDoc(403, 'The token has neither the FullAccess nor the ProductAdmin role.', 'InsufficientRoles', 'User does not have role(s) required to perform this action.', { SufficientRoles: ['ProductAdmin', 'FullAccess'] }),
    404: errorDoc(404, 'Product, variant of that product, or record at this level not found.', 'NotFound', 'InventoryRecord not found: invrec-nowhere', { ObjectType: 'InventoryRecord', ObjectID: 'invrec-nowhere' }),
    409: errorDoc(409, 'The Idempotency-Key is in use by a request still running.', 'IdempotencyKeyInUse', 'A request with this Idempotency-Key is still being processed; retry later'),
    422: errorDoc(422, 'The Idempotency-Key was used for a different request.', 'IdempotencyKeyReused', 'Idempotency-Key was already used for a different request'),
    500: errorDoc(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
    503: errorDoc(503, 'The database is unavailable; retry after the Retry-After header.', 'ServiceUnavailable', 'Service temporarily unavailable, please retry'),
  },
});
