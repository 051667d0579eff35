import { deleteRecordContract } from '#functions/ordercloud/contracts';

export const { request, contract } = deleteRecordContract('variant');
