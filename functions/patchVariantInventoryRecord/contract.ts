import { patchRecordContract } from '#functions/commons/ordercloud';

export const { request, contract } = patchRecordContract('variant');
