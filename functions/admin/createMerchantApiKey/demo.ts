import type { RouteDemo } from '#functions/commons/demo';
import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';

export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/merchant-api-keys',
    scope: DEV_ADMIN_SCOPE,
    note: '201 with a new key, shown this once; each run creates another',
    expect: { first: 201, repeat: 201 },
  },
};
