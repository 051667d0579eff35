import { patchRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** PATCH /products/{productID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = patchRecordHandler(request);
