import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { admin } from '#functions/admin/dialect/errors';
import { settingsResponse } from '#functions/admin/dialect/keysAndSettings';
import { readSettings } from '#shared/domain/settings';
import { settingsStore } from '#shared/store/settings';
import { request } from './contract.ts';

/** GET /admin/settings */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ principal }) {
    return { statusCode: 200, body: settingsResponse(await readSettings(settingsStore, principal.tenantId)) };
  },
});
