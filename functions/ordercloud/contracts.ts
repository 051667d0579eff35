import { errorDoc } from '#functions/ordercloud/dialect/errors';
import {
  CreateVariantInventoryRecordRequest,
  InventoryRecordListResponse,
  InventoryRecordPath,
  InventoryRecordResponse,
  LIST_EXAMPLE,
  PatchInventoryRecordRequest,
  ProductInventoryRecordPath,
  ProductInventoryRecordsPath,
  RECORD_EXAMPLE,
  VariantInventoryRecordPath,
} from '#functions/ordercloud/dialect/inventoryRecord';
import { RecordListQueryParameters } from '#functions/ordercloud/dialect/listOptions';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

/**
 * What the OrderCloud inventory record routes' contracts share: the error answers every route
 * can give, and the contract of each operation on a record, at variant or at product level
 * (the two levels differ only in their paths and in the owners a 404 may name).
 */

export const orderCloudReadErrors = {
  401: errorDoc(401, 'Token missing, expired or not valid.', 'InvalidToken', 'Access token is invalid or expired.'),
  500: errorDoc(500, 'Unexpected failure; details are only in the logs.', 'InternalServerError', 'An unexpected error occurred.'),
  503: errorDoc(
    503,
    'The database is unavailable; retry after the Retry-After header.',
    'ServiceUnavailable',
    'Service temporarily unavailable, please retry',
  ),
};

export const orderCloudWriteErrors = {
  ...orderCloudReadErrors,
  403: errorDoc(
    403,
    'The token has neither the FullAccess nor the ProductAdmin role.',
    'InsufficientRoles',
    'User does not have role(s) required to perform this action.',
    { SufficientRoles: ['ProductAdmin', 'FullAccess'] },
  ),
  422: errorDoc(
    422,
    'The Idempotency-Key was used for a different request.',
    'IdempotencyKeyReused',
    'Idempotency-Key was already used for a different request',
  ),
};

export const invalidBodyError = errorDoc(
  400,
  'Body missing, not JSON, or a field of the wrong type or format; one entry per field.',
  'RequiredField',
  'AddressID is required.',
  { Field: 'AddressID' },
);

const invalidRecordIdError = (description: string) =>
  errorDoc(400, description, 'InvalidRequest', 'inventoryRecordID: must be 1 to 100 letters, digits, - or _', {
    Field: 'inventoryRecordID',
  });

const recordNotFound = (description: string) =>
  errorDoc(404, description, 'NotFound', 'InventoryRecord not found: invrec-nowhere', {
    ObjectType: 'InventoryRecord',
    ObjectID: 'invrec-nowhere',
  });

const idTakenError = errorDoc(
  409,
  'The new ID is taken within the product, or the Idempotency-Key is in use.',
  'IdExists',
  'An inventory record with ID invrec-main-m-blue already exists.',
);

const LEVELS = {
  variant: {
    records: InventoryRecordPath,
    record: VariantInventoryRecordPath,
    of: 'a variant',
    owners: 'Product, variant of that product',
  },
  product: {
    records: ProductInventoryRecordsPath,
    record: ProductInventoryRecordPath,
    of: 'a product (product-level records)',
    owners: 'Product',
  },
} as const;

type RecordLevel = keyof typeof LEVELS;

const ROLES = 'Requires the FullAccess or ProductAdmin role.';

export function listRecordsContract<Level extends RecordLevel>(level: Level) {
  const { records, of, owners } = LEVELS[level];
  const request = { path: records as (typeof LEVELS)[Level]['records'], query: RecordListQueryParameters } satisfies RouteRequestContract;
  const contract = (): RouteContract => ({
    ...request,
    tag: 'OrderCloud',
    summary: `List the inventory records of ${of}`,
    description:
      "An OrderCloud ListPage of the records. Without filter or search, sorted by ID or !ID, it reads only as far as its page (a Query in key order beside the owner and its kept count of records, which gives TotalCount); any other list reads every record of the level with one Query and filters, searches, sorts and pages them in memory. TotalCount is exact either way. page (from 1), pageSize (1 to 100, default 20), search with searchOn (ID, AddressID), sortBy (ID, AddressID, !ID, !AddressID), includeAddress, and filters as parameters on ID, AddressID, QuantityAvailable, OrderCanExceed, AllowAllBuyers and xp.* with OrderCloud's operators (* wildcard, ! not, <, >, <=, >=, | or, !* no value). Any other parameter is a 400 naming it. Any token of the tenant may read.",
    responses: {
      200: {
        description: 'One page of records; Address is null unless includeAddress=true.',
        schema: InventoryRecordListResponse,
        example: LIST_EXAMPLE,
      },
      400: errorDoc(
        400,
        'A list option or filter is not valid, or not a known parameter; the error names it.',
        'InvalidRequest',
        'pageSize: must be an integer from 1 to 100',
        { Field: 'pageSize' },
      ),
      404: errorDoc(404, `${owners} not found.`, 'NotFound', 'Product not found: prod_nowhere', {
        ObjectType: 'Product',
        ObjectID: 'prod_nowhere',
      }),
      ...orderCloudReadErrors,
    },
  });
  return { request, contract };
}

export function getRecordContract<Level extends RecordLevel>(level: Level) {
  const { record, of, owners } = LEVELS[level];
  const request = { path: record as (typeof LEVELS)[Level]['record'] } satisfies RouteRequestContract;
  const contract = (): RouteContract => ({
    ...request,
    tag: 'OrderCloud',
    summary: `Get an inventory record of ${of}`,
    description: `The record with its Address, read in one round trip (a BatchGet of the product${level === 'variant' ? ', the variant' : ''} and the record, which carries a copy of its address and of the stock it names: QuantityAvailable is on hand minus reserved as of the stock's last movement through any API). Any token of the tenant may read.`,
    responses: {
      200: { description: 'The record.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
      400: invalidRecordIdError('A path parameter is not a valid ID.'),
      404: recordNotFound(`${owners}, or record at this level not found.`),
      ...orderCloudReadErrors,
    },
  });
  return { request, contract };
}

export function saveRecordContract<Level extends RecordLevel>(level: Level) {
  const { record, of, owners } = LEVELS[level];
  const request = {
    path: record as (typeof LEVELS)[Level]['record'],
    body: CreateVariantInventoryRecordRequest,
  } satisfies RouteRequestContract;
  const contract = (): RouteContract => ({
    ...request,
    tag: 'OrderCloud',
    summary: `Create or replace an inventory record of ${of}`,
    description: `Save (PUT): replaces the record with the body or creates it (201, as a Create does). The record's own fields left out take their defaults; QuantityAvailable and NotificationPoint are the shared stock's, so left out they stay as they are. A QuantityAvailable that differs is a movement of on hand (history reason ordercloud-save) in the same transaction as the record; below zero is a 400. A record stays at its address (a different AddressID is a 400). A body ID that differs from the path's renames the record, in one transaction that frees the old ID and takes the new one; the record ID is unique within the product. Address and LastUpdated in the body are ignored (read-only). ${ROLES}`,
    bodyExamples: {
      replace: {
        summary: 'Replace every writable field',
        value: { AddressID: 'wh_main', QuantityAvailable: 80, NotificationPoint: 10, xp: { Aisle: '5' } },
      },
      rename: { summary: 'A new ID in the body renames the record', value: { ID: 'invrec-renamed', AddressID: 'wh_main' } },
    },
    responses: {
      200: { description: 'The record was replaced.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
      201: { description: 'The record did not exist and was created.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
      400: {
        ...invalidBodyError,
        description: `${invalidBodyError.description} Also QuantityAvailable or NotificationPoint below zero, another AddressID than the record's${level === 'product' ? ', or a product with variants' : ''}.`,
      },
      404: recordNotFound(`${owners}, or address of that owner not found.`),
      409: idTakenError,
      ...orderCloudWriteErrors,
    },
  });
  return { request, contract };
}

export function patchRecordContract<Level extends RecordLevel>(level: Level) {
  const { record, of, owners } = LEVELS[level];
  const request = { path: record as (typeof LEVELS)[Level]['record'], body: PatchInventoryRecordRequest } satisfies RouteRequestContract;
  const contract = (): RouteContract => ({
    ...request,
    tag: 'OrderCloud',
    summary: `Update part of an inventory record of ${of}`,
    description: `Patch: only the fields in the body change; xp is deep-merged as OrderCloud merges it (objects key by key, anything else replaced; xp: null clears it). A QuantityAvailable that differs is a movement of the shared stock's on hand (history reason ordercloud-patch) in the same transaction as the record; below zero is a 400. A record stays at its address (another AddressID is a 400). A new ID renames the record (unique within the product). Address and LastUpdated in the body are ignored (read-only). ${ROLES}`,
    bodyExamples: {
      quantity: { summary: 'Change the quantity only', value: { QuantityAvailable: 75 } },
      xp: { summary: 'Merge into xp', value: { xp: { Bin: { Row: 3 } } } },
    },
    responses: {
      200: { description: 'The record as patched.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
      400: errorDoc(
        400,
        'Body missing, not JSON, or a field of the wrong type or format (one entry per field); QuantityAvailable or NotificationPoint below zero, or another AddressID than the record’s.',
        'InvalidRequest',
        'QuantityAvailable: must be an integer',
        { Field: 'QuantityAvailable' },
      ),
      404: recordNotFound(`${owners}, record at this level, or address of that owner not found.`),
      409: idTakenError,
      ...orderCloudWriteErrors,
    },
  });
  return { request, contract };
}

export function deleteRecordContract<Level extends RecordLevel>(level: Level) {
  const { record, of, owners } = LEVELS[level];
  const request = { path: record as (typeof LEVELS)[Level]['record'] } satisfies RouteRequestContract;
  const contract = (): RouteContract => ({
    ...request,
    tag: 'OrderCloud',
    summary: `Delete an inventory record of ${of}`,
    description: `Deletes the record and frees its ID within the product, in one transaction: OrderCloud's name of the stock goes, the stock stays, for the other APIs of this service (a new record at the address names it again). 204 with no body. ${ROLES}`,
    responses: {
      204: { description: 'The record was deleted.' },
      400: invalidRecordIdError('A path parameter is not a valid ID, or the Idempotency-Key is malformed.'),
      404: recordNotFound(`${owners}, or record at this level not found.`),
      409: errorDoc(
        409,
        'The Idempotency-Key is in use by a request still running.',
        'IdempotencyKeyInUse',
        'A request with this Idempotency-Key is still being processed; retry later',
      ),
      ...orderCloudWriteErrors,
    },
  });
  return { request, contract };
}
