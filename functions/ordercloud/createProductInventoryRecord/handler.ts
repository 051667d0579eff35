import { createRecordHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** POST /products/{productID}/inventoryrecords (also under /v1): OrderCloud. */
export const handler = createRecordHandler(request);
