import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { admin } from '#functions/admin/dialect/errors';
import { createdMerchantApiKeyResponse } from '#functions/admin/dialect/keysAndSettings';
import { nowIso } from '#shared/domain/catalog';
import { createMerchantApiKey, type CreatedMerchantApiKey } from '#shared/domain/merchantApiKey';
import { merchantApiKeyAdminStore } from '#shared/store/merchantApiKeys';
import { request } from './contract.ts';

const respond = (created: CreatedMerchantApiKey) => ({ statusCode: 201, body: createdMerchantApiKeyResponse(created) });

/** POST /admin/merchant-api-keys */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ principal, attach }) {
    return respond(await createMerchantApiKey(merchantApiKeyAdminStore, principal.tenantId, nowIso(), attach(respond)));
  },
});
