import { route } from '#functions/commons/sealingRoute';
import type { reservationContract } from '#functions/shopsynch/contracts';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import { stockLevelsResponse, toReservation } from '#functions/shopsynch/dialect/stock';
import { config } from '#shared/config';
import type { StockRecord } from '#shared/domain/catalog';
import { moveStock, type release, type reserve } from '#shared/domain/stockMovement';
import { stockStore } from '#shared/store/stock';

const respond = (record: StockRecord) => ({ statusCode: 200, body: stockLevelsResponse(record) });

/**
 * The handler of a reserve or a release (reservationContract documents both): the record's
 * movement by the body's qty, answered with its levels.
 */
export function reservationHandler(request: ReturnType<typeof reservationContract>['request'], movement: typeof reserve | typeof release) {
  return route({
    request,
    dialect: shopsynch,
    permissions: [config().writeScope],
    async handle({ path, body, principal, attach }) {
      return respond(await moveStock(stockStore, principal, path.id, movement(toReservation(body)), attach(respond)));
    },
  });
}
