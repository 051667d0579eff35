import { problemResponses } from '#functions/admin/dialect/errors';
import { ALREADY_ISSUED, CreatedMerchantApiKeyResponse, IssuedMerchantApiKeyResponse } from '#functions/admin/dialect/keysAndSettings';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'Create a merchant API key',
  description:
    'Creates a random merchant API key (X-MerchantApiKey of the ShopSynch routes) for the tenant. The key is in this answer only: it is stored as its SHA-256 digest. With an Idempotency-Key, a retry creates no second key: it answers 200 with the first key’s ID and masked form, never the key itself (the Idempotency-Key record does not store it).',
  responses: {
    201: {
      description: 'The key, shown this once, with its ID for listing and revoking it.',
      schema: CreatedMerchantApiKeyResponse,
      example: {
        id: '3f1c9a7be0d24e55',
        maskedKey: 'mk_live_…Qx7w',
        key: 'mk_live_b3JkZXItNDI0Mi1zZWNyZXQtdmFsdWVfUx7w',
        active: true,
        createdAt: '2024-11-01T10:00:00Z',
        lastUsedAt: null,
        revokedAt: null,
      },
    },
    200: {
      description:
        'A retry with the Idempotency-Key of a request that created a key: no new key, and not the secret (shown only in the first answer); the same answer after a revocation.',
      schema: IssuedMerchantApiKeyResponse,
      example: { id: '3f1c9a7be0d24e55', maskedKey: 'mk_live_…Qx7w', createdAt: '2024-11-01T10:00:00Z', key: null, detail: ALREADY_ISSUED },
    },
    ...problemResponses({
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      409: 'The Idempotency-Key is in use by a request still running.',
      422: 'The Idempotency-Key was used for a different request.',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable; retry after the Retry-After header.',
    }),
  },
});
