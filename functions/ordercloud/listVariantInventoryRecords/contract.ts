import { listRecordsContract } from '#functions/ordercloud/contracts';

export const { request, contract } = listRecordsContract('variant');
