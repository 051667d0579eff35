import { ErrorResponse } from '#shared/dialects/ordercloud/errors';
import { CreateVariantInventoryRecordRequest, InventoryRecordPath, InventoryRecordResponse } from '#shared/dialects/ordercloud/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

const error = (status: number, description: string, ErrorCode: string, Message: string, Data: unknown = null) => ({
  description,
  schema: ErrorResponse,
  example: { Errors: [{ ErrorCode, Message, Data }], StatusCode: status, ErrorCode, Message, Data },
});

export const request = {
  path: InventoryRecordPath,
  body: CreateVariantInventoryRecordRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Create a variant inventory record',
  description:
    'Creates an inventory record of a variant at an address. Several records may share a product and address; the record ID is unique within the product. Requires the FullAccess or ProductAdmin role.',
  bodyExamples: {
    minimal: { summary: 'Only the address: ID generated, defaults applied', value: { AddressID: 'wh_main' } },
    full: {
      summary: 'Every field',
      value: { ID: 'invrec-main-m-blue', OwnerID: 'tenant_demo', AddressID: 'wh_main', AllowAllBuyers: false, OrderCanExceed: true, QuantityAvailable: 120, NotificationPoint: 20, xp: { Aisle: '4' } },
    },
  },
  responses: {
    201: {
      description: 'The record was created.',
      schema: InventoryRecordResponse,
      example: {
        ID: 'invrec-main-m-blue', OwnerID: 'tenant_demo', AllowAllBuyers: true,
        Address: { ID: 'wh_main', DateCreated: '2026-01-01T00:00:00Z', CompanyName: 'Demo Commerce Ltd', FirstName: '', LastName: '', Street1: '1 Dock Road', Street2: '', City: 'Lagos', State: 'LA', Zip: '100001', Country: 'NG', Phone: '', AddressName: 'Main Warehouse', xp: {} },
        AddressID: 'wh_main', OrderCanExceed: false, QuantityAvailable: 120, NotificationPoint: 20, LastUpdated: '2026-01-01T00:00:00Z', xp: { Aisle: '4' },
      },
    },
    400: error(400, 'Body missing, not JSON, or a field of the wrong type or format; one entry per field.', 'RequiredField', 'AddressID is required.', { Field: 'AddressID' }),
    401: error(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
    403: error(403, 'The token has neither the FullAccess nor the ProductAdmin role.', 'InsufficientRoles', 'User does not have role(s) required to perform this action.', { SufficientRoles: ['ProductAdmin', 'FullAccess'] }),
    404: error(404, 'Product, variant of that product, or address of that owner not found.', 'NotFound', 'Address not found: wh_nowhere', { ObjectType: 'Address', ObjectID: 'wh_nowhere' }),
    409: error(409, 'A record with this ID already exists for the product, or the Idempotency-Key is in use.', 'IdExists', 'An inventory record with ID invrec-main-m-blue already exists.'),
    422: error(422, 'The Idempotency-Key was used for a different request.', 'IdempotencyKeyReused', 'Idempotency-Key was already used for a different request'),
    500: error(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
    503: error(503, 'The database is unavailable; retry after the Retry-After header.', 'ServiceUnavailable', 'Service temporarily unavailable, please retry'),
  },
});
