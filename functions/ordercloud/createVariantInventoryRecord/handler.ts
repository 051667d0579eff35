import { createRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** POST /products/{productID}/variants/{variantID}/inventoryrecords (also under /v1): OrderCloud. */
export const handler = createRecordHandler(request);
