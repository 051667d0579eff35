import { route } from '#functions/commons/route';
import { ordercloud, WRITE_ROLES } from '#functions/ordercloud/dialect/errors';
import { inventoryRecordResponse, recordOwner, toRecordPatch } from '#functions/ordercloud/dialect/inventoryRecord';
import type { InventoryRecordView } from '#shared/domain/inventoryRecord';
import { patchInventoryRecord } from '#shared/domain/inventoryRecordLedger';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { request } from './contract.ts';

const respond = (view: InventoryRecordView) => ({ statusCode: 200, body: inventoryRecordResponse(view) });

/** PATCH /products/{productID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = route({
  request,
  dialect: ordercloud,
  permissions: WRITE_ROLES,
  async handle({ body, path, principal, attach }) {
    return respond(
      await patchInventoryRecord(
        inventoryRecordStore,
        principal,
        recordOwner(path),
        path.inventoryRecordID,
        toRecordPatch(body),
        attach(respond),
      ),
    );
  },
});
