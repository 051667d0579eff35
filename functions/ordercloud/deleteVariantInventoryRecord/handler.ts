import { route } from '#functions/commons/route';
import { ordercloud, WRITE_ROLES } from '#functions/ordercloud/dialect/errors';
import { recordOwner } from '#functions/ordercloud/dialect/inventoryRecord';
import { deleteInventoryRecord } from '#shared/domain/inventoryRecordLedger';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { request } from './contract.ts';

const respond = () => ({ statusCode: 204 });

/** DELETE /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = route({
  request,
  dialect: ordercloud,
  permissions: WRITE_ROLES,
  async handle({ path, principal, attach }) {
    await deleteInventoryRecord(inventoryRecordStore, principal, recordOwner(path), path.inventoryRecordID, attach(respond));
    return respond();
  },
});
