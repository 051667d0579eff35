import { invalidBodyError, orderCloudWriteErrors } from '#functions/ordercloud/contracts';
import { errorDoc } from '#functions/ordercloud/dialect/errors';
import {
  CreateVariantInventoryRecordRequest,
  InventoryRecordResponse,
  ProductInventoryRecordsPath,
  RECORD_EXAMPLE,
} from '#functions/ordercloud/dialect/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: ProductInventoryRecordsPath,
  body: CreateVariantInventoryRecordRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Create a product-level inventory record',
  description:
    'Creates an inventory record of the product itself (not of a variant) at an address. Product-level records are listed apart from variant records; the record ID is unique within the product across both levels. Requires the FullAccess or ProductAdmin role.',
  bodyExamples: {
    minimal: { summary: 'Only the address: ID generated, defaults applied', value: { AddressID: 'wh_main' } },
    full: {
      summary: 'Every field',
      value: {
        ID: 'invrec-tote-main',
        AddressID: 'wh_main',
        AllowAllBuyers: false,
        OrderCanExceed: true,
        QuantityAvailable: 40,
        NotificationPoint: 5,
        xp: { Aisle: '2' },
      },
    },
  },
  responses: {
    201: { description: 'The record was created.', schema: InventoryRecordResponse, example: RECORD_EXAMPLE },
    400: invalidBodyError,
    404: errorDoc(404, 'Product, or address of that owner, not found.', 'NotFound', 'Address not found: wh_nowhere', {
      ObjectType: 'Address',
      ObjectID: 'wh_nowhere',
    }),
    409: errorDoc(
      409,
      'A record with this ID already exists for the product (at either level), or the Idempotency-Key is in use.',
      'IdExists',
      'An inventory record with ID invrec-main-m-blue already exists.',
    ),
    ...orderCloudWriteErrors,
  },
});
