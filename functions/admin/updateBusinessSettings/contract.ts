import { problemResponses } from '#functions/admin/dialect/errors';
import { SETTINGS_EXAMPLE, SettingsPatchRequest, SettingsResponse } from '#functions/admin/dialect/keysAndSettings';
import type { RouteContract, RouteRequestContract } from '#shared/http/contract';

export const request = {
  body: SettingsPatchRequest,
} satisfies RouteRequestContract;

export const contract = (): RouteContract => ({
  ...request,
  tag: 'Admin',
  summary: 'Change the business settings',
  description:
    'A merge patch of the settings: fields left out stay as they are, null clears the default location or the Stripe account. The default location must exist. Concurrent changes are merged, never lost.',
  bodyExamples: {
    stripe: { summary: 'Connect a Stripe account and require sync', value: { stripe: { accountId: 'acct_1Nv0FG', syncRequired: true } } },
    location: { summary: 'Count initial inventory elsewhere', value: { defaultLocationId: 'wh_def456' } },
  },
  responses: {
    200: { description: 'The settings after the change.', schema: SettingsResponse, example: SETTINGS_EXAMPLE },
    ...problemResponses({
      400: 'The body is missing or not JSON, or the content type is not JSON.',
      401: 'Token missing or not valid.',
      403: 'The token lacks the admin permission.',
      404: 'The tenant has no settings yet (nothing was imported).',
      409: 'The Idempotency-Key is in use by a request still running.',
      413: 'The body is too large.',
      422: 'A field is not valid or names a location that does not exist, or the Idempotency-Key was used for a different request.',
      500: 'Unexpected failure; details are only in the logs.',
      503: 'The database is unavailable, or concurrent changes of the settings kept winning over this one for 10 s; nothing was written: retry after the Retry-After header.',
    }),
  },
});
