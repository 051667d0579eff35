import { saveRecordContract } from '#functions/ordercloud/contracts';

export const { request, contract } = saveRecordContract('product');
