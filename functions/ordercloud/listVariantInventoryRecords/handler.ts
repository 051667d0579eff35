import { route } from '#functions/commons/route';
import { ordercloud } from '#functions/ordercloud/dialect/errors';
import { inventoryRecordListResponse, recordOwner } from '#functions/ordercloud/dialect/inventoryRecord';
import { listInventoryRecords } from '#shared/domain/inventoryRecordList';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { request } from './contract.ts';

/** GET /products/{productID}/variants/{variantID}/inventoryrecords (also under /v1): OrderCloud. */
export const handler = route({
  request,
  dialect: ordercloud,
  permissions: [],
  async handle({ path, query, principal }) {
    const page = await listInventoryRecords(inventoryRecordStore, principal.tenantId, recordOwner(path), query.query);
    return { statusCode: 200, body: inventoryRecordListResponse(page, query.includeAddress) };
  },
});
