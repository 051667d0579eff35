import { reservationHandler } from '#functions/shopsynch/reservationHandler';
import { reserve } from '#shared/domain/stockMovement';
import { request } from './contract.ts';

/** PATCH /v1/inventory/{id}/reserve: ShopSynch merchant API ("Reserve & Release Stock"). */
export const handler = reservationHandler(request, reserve);
