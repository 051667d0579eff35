import { patchRecordContract } from '#functions/ordercloud/contracts';

export const { request, contract } = patchRecordContract('product');
