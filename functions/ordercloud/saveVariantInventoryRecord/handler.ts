import { saveRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** PUT /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = saveRecordHandler(request);
