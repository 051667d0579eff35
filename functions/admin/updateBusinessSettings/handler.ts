import { route } from '#functions/commons/route';
import { config } from '#shared/config';
import { admin } from '#functions/admin/dialect/errors';
import { settingsResponse, toSettingsPatch } from '#functions/admin/dialect/keysAndSettings';
import { updateSettings, type BusinessSettings } from '#shared/domain/settings';
import { settingsStore } from '#shared/store/settings';
import { request } from './contract.ts';

const respond = (settings: BusinessSettings) => ({ statusCode: 200, body: settingsResponse(settings) });

/** PATCH /admin/settings */
export const handler = route({
  request,
  dialect: admin,
  permissions: [config().adminScope],
  async handle({ principal, body, attach }) {
    return respond(await updateSettings(settingsStore, principal.tenantId, toSettingsPatch(body), attach(respond)));
  },
});
