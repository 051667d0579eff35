import { deleteRecordContract } from '#functions/commons/ordercloud';

export const { request, contract } = deleteRecordContract('variant');
