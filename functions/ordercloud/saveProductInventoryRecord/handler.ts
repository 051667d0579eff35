import { saveRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** PUT /products/{productID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = saveRecordHandler(request);
