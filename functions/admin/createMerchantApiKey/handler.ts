import { route } from '#functions/commons/sealingRoute';
import { config } from '#shared/config';
import { admin } from '#functions/admin/dialect/errors';
import { createdMerchantApiKeyResponse, issuedMerchantApiKeyResponse } from '#functions/admin/dialect/keysAndSettings';
import { nowIso } from '#shared/domain/catalog';
import { createMerchantApiKey, type CreatedMerchantApiKey } from '#shared/domain/merchantApiKey';
import { merchantApiKeyAdminStore } from '#shared/store/merchantApiKeys';
import { request } from './contract.ts';

const respond = (created: CreatedMerchantApiKey) => ({ statusCode: 201, body: createdMerchantApiKeyResponse(created) });
/** What an Idempotency-Key keeps of the answer, committed with the key: never the secret (see IssuedMerchantApiKeyResponse). */
const replay = (created: CreatedMerchantApiKey) => ({ statusCode: 200, body: issuedMerchantApiKeyResponse(created) });

/** POST /admin/merchant-api-keys */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ principal, attach }) {
    return respond(await createMerchantApiKey(merchantApiKeyAdminStore, principal.tenantId, nowIso(), attach(replay)));
  },
});
