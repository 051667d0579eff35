import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { admin } from '#functions/admin/dialect/errors';
import { merchantApiKeyResponse } from '#functions/admin/dialect/keysAndSettings';
import { nowIso } from '#shared/domain/catalog';
import { revokeMerchantApiKey, type MerchantApiKeyView } from '#shared/domain/merchantApiKey';
import { merchantApiKeyAdminStore } from '#shared/store/merchantApiKeys';
import { request } from './contract.ts';

const respond = (view: MerchantApiKeyView) => ({ statusCode: 200, body: merchantApiKeyResponse(view) });

/** DELETE /admin/merchant-api-keys/{id} */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ principal, path, attach }) {
    return respond(await revokeMerchantApiKey(merchantApiKeyAdminStore, principal.tenantId, path.id, nowIso(), attach(respond)));
  },
});
