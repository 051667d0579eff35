import { route } from '#functions/commons/route';
import { ordercloud } from '#functions/ordercloud/dialect/errors';
import { inventoryRecordResponse, recordOwner } from '#functions/ordercloud/dialect/inventoryRecord';
import { getInventoryRecord } from '#shared/domain/inventoryRecord';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { request } from './contract.ts';

/** GET /products/{productID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = route({
  request,
  dialect: ordercloud,
  permissions: [],
  async handle({ path, principal }) {
    return {
      statusCode: 200,
      body: inventoryRecordResponse(
        await getInventoryRecord(inventoryRecordStore, principal.tenantId, recordOwner(path), path.inventoryRecordID),
      ),
    };
  },
});
