import { problemResponses } from '#functions/admin/dialect/errors';
import { KeyPath, MerchantApiKeyResponse } from '#functions/admin/dialect/keysAndSettings';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  path: KeyPath,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'Revoke a merchant API key',
  description:
    'Revokes the key: every ShopSynch request presenting it afterwards is answered 401 (keys are checked on every request, never cached). The key stays listed as revoked; revoking it again answers the same.',
  responses: {
    200: {
      description: 'The key, now revoked.',
      schema: MerchantApiKeyResponse,
      example: {
        id: '3f1c9a7be0d24e55',
        maskedKey: 'mk_live_…Qx7w',
        active: false,
        createdAt: '2024-11-01T10:00:00Z',
        lastUsedAt: '2024-11-02T08:00:00Z',
        revokedAt: '2024-11-03T09:30:00Z',
      },
    },
    ...problemResponses({
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      404: 'The tenant has no key with this ID.',
      409: 'The Idempotency-Key is in use by a request still running.',
      422: 'The ID is not a key ID, or the Idempotency-Key was used for a different request.',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable; retry after the Retry-After header.',
    }),
  },
});
