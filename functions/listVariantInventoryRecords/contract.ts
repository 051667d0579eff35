import { listRecordsContract } from '#functions/commons/ordercloud';

export const { request, contract } = listRecordsContract('variant');
