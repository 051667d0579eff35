import { reservationHandler } from '#functions/shopsynch/reservationHandler';
import { release } from '#shared/domain/stockMovement';
import { request } from './contract.ts';

/** PATCH /v1/inventory/{id}/release: ShopSynch merchant API ("Reserve & Release Stock"). */
export const handler = reservationHandler(request, release);
