import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { admin } from '#functions/admin/dialect/errors';
import { merchantApiKeyResponse } from '#functions/admin/dialect/keysAndSettings';
import { listMerchantApiKeys } from '#shared/domain/merchantApiKey';
import { merchantApiKeyAdminStore } from '#shared/store/merchantApiKeys';
import { request } from './contract.ts';

/** GET /admin/merchant-api-keys */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ principal, query }) {
    const { keys, nextCursor } = await listMerchantApiKeys(merchantApiKeyAdminStore, principal.tenantId, query);
    return { statusCode: 200, body: { items: keys.map(merchantApiKeyResponse), nextCursor } };
  },
});
