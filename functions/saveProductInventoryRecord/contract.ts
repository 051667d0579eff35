import { saveRecordContract } from '#functions/commons/ordercloud';

export const { request, contract } = saveRecordContract('product');
