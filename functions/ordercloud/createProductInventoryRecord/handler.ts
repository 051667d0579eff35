import { route } from '#functions/commons/route';
import { ordercloud, WRITE_ROLES } from '#functions/ordercloud/dialect/errors';
import { inventoryRecordResponse, toNewInventoryRecord } from '#functions/ordercloud/dialect/inventoryRecord';
import type { InventoryRecordView } from '#shared/domain/inventoryRecord';
import { createInventoryRecord } from '#shared/domain/inventoryRecordLedger';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { request } from './contract.ts';

const respond = (view: InventoryRecordView) => ({ statusCode: 201, body: inventoryRecordResponse(view) });

/** POST /products/{productID}/inventoryrecords (also under /v1): OrderCloud. */
export const handler = route({
  request,
  dialect: ordercloud,
  permissions: WRITE_ROLES,
  async handle({ body, path, principal, attach }) {
    return respond(await createInventoryRecord(inventoryRecordStore, principal, toNewInventoryRecord(path, body), attach(respond)));
  },
});
