import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { stockRecordResponse, toAdjustment } from '#functions/shopsynch/dialect/stock';
import type { StockRecord } from '#shared/domain/catalog';
import { adjust, moveStock } from '#shared/domain/stockMovement';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

const respond = (record: StockRecord) => ({ statusCode: 200, body: stockRecordResponse(record) });

/** PATCH /v1/inventory/{id}/adjust: ShopSynch merchant API (ours). */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [config().writeScope],
  async handle({ path, body, principal, attach }) {
    return respond(await moveStock(stockStore, principal, path.id, adjust(toAdjustment(body)), attach(respond)));
  },
});
