import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { inventoryRecordResponse, toNewStockRecord } from '#functions/shopsynch/dialect/inventory';
import { createStockRecord, type CreatedStockRecord } from '#shared/domain/stock';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

const respond = ({ record, location }: CreatedStockRecord) => ({ statusCode: 200, body: inventoryRecordResponse(record, location) });

/** POST /v1/inventory: ShopSynch merchant API. */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [config().writeScope],
  async handle({ body, principal, attach }) {
    return respond(await createStockRecord(stockStore, principal, toNewStockRecord(body), attach(respond)));
  },
});
