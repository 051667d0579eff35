import type { RouteDemo } from '#functions/commons/demo';
import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';

export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/settings',
    scope: DEV_ADMIN_SCOPE,
    // The demo's own values, so that the other demos (Stripe sync among them) keep working.
    body: { currency: 'usd', defaultLocationId: 'wh_main', stripe: { syncRequired: false } },
    note: '200 with the settings after the change',
    expect: { first: 200, repeat: 200 },
  },
};
