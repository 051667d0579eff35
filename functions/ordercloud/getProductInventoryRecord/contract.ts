import { getRecordContract } from '#functions/ordercloud/contracts';

export const { request, contract } = getRecordContract('product');
