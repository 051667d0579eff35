import { listRecordsHandler } from '#functions/ordercloud/recordHandlers';
import { request } from './contract.ts';

/** GET /products/{productID}/inventoryrecords (also under /v1): OrderCloud. */
export const handler = listRecordsHandler(request);
