import { route } from '#functions/commons/route';
import { ordercloud, WRITE_ROLES } from '#functions/ordercloud/dialect/errors';
import { inventoryRecordResponse, recordOwner, toRecordFields } from '#functions/ordercloud/dialect/inventoryRecord';
import { saveInventoryRecord, type SavedInventoryRecord } from '#shared/domain/inventoryRecordLedger';
import { inventoryRecordStore } from '#shared/store/inventoryRecord';
import { request } from './contract.ts';

const respond = (saved: SavedInventoryRecord) => ({ statusCode: saved.created ? 201 : 200, body: inventoryRecordResponse(saved) });

/** PUT /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID} (also under /v1): OrderCloud. */
export const handler = route({
  request,
  dialect: ordercloud,
  permissions: WRITE_ROLES,
  async handle({ body, path, principal, attach }) {
    return respond(
      await saveInventoryRecord(
        inventoryRecordStore,
        principal,
        recordOwner(path),
        path.inventoryRecordID,
        toRecordFields(body),
        attach(respond),
      ),
    );
  },
});
