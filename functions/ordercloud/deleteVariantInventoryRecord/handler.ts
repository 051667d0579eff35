import { deleteRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** DELETE /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = deleteRecordHandler(request);
