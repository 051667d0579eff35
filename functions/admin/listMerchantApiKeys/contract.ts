import { problemResponses } from '#functions/admin/dialect/errors';
import { LIST_LIMIT, ListQuery, MerchantApiKeyListResponse } from '#functions/admin/dialect/keysAndSettings';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  query: ListQuery,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'List merchant API keys',
  description: `The tenant's merchant API keys, active and revoked, masked: ID, last four characters, creation, last use (recorded at most hourly) and revocation times. \`limit\` defaults to ${LIST_LIMIT.default} (at most ${LIST_LIMIT.max}); pass \`nextCursor\` back as \`cursor\` until it is null.`,
  responses: {
    200: {
      description: 'One page of keys.',
      schema: MerchantApiKeyListResponse,
      example: {
        items: [
          {
            id: '3f1c9a7be0d24e55',
            maskedKey: 'mk_live_…Qx7w',
            active: true,
            createdAt: '2024-11-01T10:00:00Z',
            lastUsedAt: '2024-11-02T08:00:00Z',
            revokedAt: null,
          },
        ],
        nextCursor: null,
      },
    },
    ...problemResponses({
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      422: 'A query parameter is not valid, or the cursor is not one this list handed out.',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable; retry after the Retry-After header.',
    }),
  },
});
