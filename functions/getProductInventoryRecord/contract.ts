import { getRecordContract } from '#functions/commons/ordercloud';

export const { request, contract } = getRecordContract('product');
