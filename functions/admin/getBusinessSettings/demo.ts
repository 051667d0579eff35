import type { RouteDemo } from '#functions/commons/demo';
import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';

export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/settings',
    scope: DEV_ADMIN_SCOPE,
    note: '200 with the demo business settings',
    expect: { first: 200, repeat: 200 },
  },
};
