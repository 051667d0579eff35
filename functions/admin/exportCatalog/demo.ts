import type { RouteDemo } from '#functions/commons/demo';
import { DEV_ADMIN_SCOPE } from '#scripts/local/devIssuer';

export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/admin/catalog',
    query: 'limit=2',
    scope: DEV_ADMIN_SCOPE,
    note: '200 with the first page of the demo catalog in the fixtures format, and nextCursor for the next page',
    expect: { first: 200, repeat: 200 },
  },
};
