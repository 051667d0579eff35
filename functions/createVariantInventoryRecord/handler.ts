import { ordercloud, WRITE_ROLES } from '#shared/dialects/ordercloud/errors';
import { CreateVariantInventoryRecordRequest, InventoryRecordPath, inventoryRecordResponse, toNewInventoryRecord } from '#shared/dialects/ordercloud/inventoryRecord';
import { createVariantInventoryRecord } from '#shared/domain/inventoryRecord';
import { route } from '#shared/http/pipeline';

/** POST /products/{productID}/variants/{variantID}/inventoryrecords (also under /v1): OrderCloud. */
export const handler = route({
  dialect: ordercloud,
  permissions: WRITE_ROLES,
  body: CreateVariantInventoryRecordRequest,
  path: InventoryRecordPath,
  async handle({ body, path, principal }) {
    const { record, address } = await createVariantInventoryRecord(principal.tenantId, toNewInventoryRecord(path, body));
    return { statusCode: 201, body: inventoryRecordResponse(record, address) };
  },
});
