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
    "Creates an inventory record of a product without variants (SIMPLE or DIGITAL) at an address: OrderCloud's name of the product's stock there, shared with every API of this service, as a variant record is a variant's. A product with variants keeps its stock by variant: a product-level record of it is a 400. One record per product and address (409 InventoryRecordExists); QuantityAvailable and NotificationPoint are never below zero (400). The record ID is unique within the product. Requires the FullAccess or ProductAdmin role.",
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
    400: {
      ...invalidBodyError,
      description: `${invalidBodyError.description} Also a product with variants, or QuantityAvailable or NotificationPoint below zero.`,
    },
    404: errorDoc(404, 'Product, or address of that owner, not found.', 'NotFound', 'Address not found: wh_nowhere', {
      ObjectType: 'Address',
      ObjectID: 'wh_nowhere',
    }),
    409: errorDoc(
      409,
      'A record with this ID already exists for the product (IdExists), a record already names the product’s stock at this address (InventoryRecordExists), or the Idempotency-Key is in use.',
      'IdExists',
      'An inventory record with ID invrec-main-m-blue already exists.',
    ),
    ...orderCloudWriteErrors,
  },
});
