import { invalidBodyError, orderCloudWriteErrors } from '#functions/ordercloud/contracts';
import { errorDoc } from '#functions/ordercloud/dialect/errors';
import {
  CreateVariantInventoryRecordRequest,
  InventoryRecordPath,
  InventoryRecordResponse,
  RECORD_EXAMPLE,
} from '#functions/ordercloud/dialect/inventoryRecord';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: InventoryRecordPath,
  body: CreateVariantInventoryRecordRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'OrderCloud',
  summary: 'Create a variant inventory record',
  description:
    "Creates an inventory record of a variant at an address: OrderCloud's name of the variant's stock there, which every API of this service shares (ShopSynch's record, Medusa's level, DayZero's stock). Where another API already stocks the variant at the address, the record names that stock (QuantityAvailable, if given, moves it there); otherwise the stock starts with QuantityAvailable on hand. Unlike OrderCloud: one record per variant and address (409 InventoryRecordExists naming it), and QuantityAvailable and NotificationPoint are never below zero (400), since the units are shared. The record ID is unique within the product. Requires the FullAccess or ProductAdmin role.",
  bodyExamples: {
    minimal: { summary: 'Only the address: ID generated, defaults applied', value: { AddressID: 'wh_main' } },
    full: {
      summary: 'Every field',
      value: {
        ID: 'invrec-main-m-blue',
        OwnerID: 'tenant_demo',
        AddressID: 'wh_main',
        AllowAllBuyers: false,
        OrderCanExceed: true,
        QuantityAvailable: 120,
        NotificationPoint: 20,
        xp: { Aisle: '4' },
      },
    },
  },
  responses: {
    201: {
      description: 'The record was created.',
      schema: InventoryRecordResponse,
      example: RECORD_EXAMPLE,
    },
    400: { ...invalidBodyError, description: `${invalidBodyError.description} Also QuantityAvailable or NotificationPoint below zero.` },
    404: errorDoc(
      404,
      'Product, variant of that product, or address of that owner not found.',
      'NotFound',
      'Address not found: wh_nowhere',
      { ObjectType: 'Address', ObjectID: 'wh_nowhere' },
    ),
    409: errorDoc(
      409,
      'A record with this ID already exists for the product (IdExists), a record already names the variant’s stock at this address (InventoryRecordExists, with Data naming it), or the Idempotency-Key is in use.',
      'IdExists',
      'An inventory record with ID invrec-main-m-blue already exists.',
    ),
    ...orderCloudWriteErrors,
  },
});
