import type { RouteDemo } from '#functions/commons/demo';
import { DEMO_TENANT_ID } from '#functions/commons/demo';

/** The last 30 days of adjustments per reason (the adjustment demo's write-offs among them). */
export const demo: RouteDemo = {
  catalog: {},
  example: {
    path: '/api/v1/inventory/reports/adjustment-reasons',
    headers: { 'x-business-id': DEMO_TENANT_ID },
    note: '200 with the adjustments of the last 30 days per reason',
    expect: { first: 200, repeat: 200 },
  },
};
