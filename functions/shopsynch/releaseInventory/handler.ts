import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { stockLevelsResponse, toReservation } from '#functions/shopsynch/dialect/stock';
import type { StockRecord } from '#shared/domain/catalog';
import { moveStock, release } from '#shared/domain/stockMovement';
import { stockStore } from '#shared/store/stock';
import { request } from './contract.ts';

const respond = (record: StockRecord) => ({ statusCode: 200, body: stockLevelsResponse(record) });

/** PATCH /v1/inventory/{id}/release: ShopSynch merchant API ("Reserve & Release Stock"). */
export const handler = route({
  request,
  dialect: shopsynch,
  permissions: [config().writeScope],
  async handle({ path, body, principal, attach }) {
    return respond(await moveStock(stockStore, principal, path.id, release(toReservation(body)), attach(respond)));
  },
});
