import { getRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** GET /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = getRecordHandler(request);
