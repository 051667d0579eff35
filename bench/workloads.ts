import { adminWorkloads } from '#functions/admin/workloads';
import { dayzeroWorkloads } from '#functions/dayzero/workloads';
import { medusaWorkloads } from '#functions/medusa/workloads';
import { ordercloudWorkloads } from '#functions/ordercloud/workloads';
import { shopsynchWorkloads } from '#functions/shopsynch/workloads';
import type { RouteName } from '#functions/routes';
import type { Workload } from './workload.ts';

/**
 * Every route's benchmark workload, joined from each vendor's slice (functions/<vendor>/workloads.ts),
 * as functions/routes.ts joins their routes: a route without a workload does not compile.
 */
export const WORKLOADS: Record<RouteName, Workload> = {
  ...shopsynchWorkloads,
  ...medusaWorkloads,
  ...ordercloudWorkloads,
  ...dayzeroWorkloads,
  ...adminWorkloads,
};
