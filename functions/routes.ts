import { adminRoutes } from '#functions/admin/routes';
import { dayzeroRoutes } from '#functions/dayzero/routes';
import { medusaRoutes } from '#functions/medusa/routes';
import { ordercloudRoutes } from '#functions/ordercloud/routes';
import { shopsynchRoutes } from '#functions/shopsynch/routes';
import type { RouteDefinition } from '#functions/commons/registry';

export { grantedActions, handlerEntry, IDEMPOTENCY_ACTIONS, routeKey } from '#functions/commons/registry';
export type { DynamoAction, HttpMethod, LambdaHandler, RouteDefinition, Vendor } from '#functions/commons/registry';

/**
 * The product's routes, joined from each vendor's slice (functions/<vendor>/routes.ts): one
 * Lambda per route. The CDK stack, the local server, the OpenAPI generator, the demo, the
 * tests and the benchmarks all read this list. Order: the four seed routes' APIs first, as
 * `npm start` prints them.
 */
const DEFINITIONS = [...shopsynchRoutes, ...medusaRoutes, ...ordercloudRoutes, ...dayzeroRoutes, ...adminRoutes] as const;

export type RouteName = (typeof DEFINITIONS)[number]['name'];
export const ROUTES: readonly (RouteDefinition & { name: RouteName })[] = DEFINITIONS;
