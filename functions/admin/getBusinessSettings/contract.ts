import { problemResponses } from '#functions/admin/dialect/errors';
import { SETTINGS_EXAMPLE, SettingsResponse } from '#functions/admin/dialect/keysAndSettings';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'Read the business settings',
  description:
    'The tenant’s name, currency, default location (where DayZero counts initial inventory) and Stripe settings (the connected account, and whether variants must reach Stripe).',
  responses: {
    200: { description: 'The settings.', schema: SettingsResponse, example: SETTINGS_EXAMPLE },
    ...problemResponses({
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      404: 'The tenant has no settings yet (nothing was imported).',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable; retry after the Retry-After header.',
    }),
  },
});
