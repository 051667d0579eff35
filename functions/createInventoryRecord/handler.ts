import { config } from '#shared/config';
import { shopsynch } from '#shared/dialects/shopsynch/errors';
import { CreateInventoryRequest, inventoryRecordResponse, toNewStockRecord } from '#shared/dialects/shopsynch/inventory';
import { createStockRecord } from '#shared/domain/stock';
import { route } from '#shared/http/pipeline';

/** POST /v1/inventory: ShopSynch merchant API. */
export const handler = route({
  dialect: shopsynch,
  permissions: [config().writeScope],
  body: CreateInventoryRequest,
  async handle({ body, headers, principal }) {
    const { record, location } = await createStockRecord(
      principal.tenantId,
      headers['x-merchantapikey'],
      toNewStockRecord(body),
    );
    return { statusCode: 200, body: inventoryRecordResponse(record, location) };
  },
});
