import { demoFixtures, loadDemos, type LoadedDemo } from '#scripts/demo/index';
import { DEMO_TENANT_ID } from '#scripts/demo/types';
import { matchPath } from '#scripts/local/apiGatewayEvent';
import { invoke, type Reply } from '#test/support/http';
import { bearer, seedTenant, tokenFor, uniqueId } from '#test/support/tenants';

/** One route, ready to call as its demo does, against a private copy of the demo tenant. */
export interface RouteUnderTest extends LoadedDemo {
  tenantId: string;
  /** The demo request for this tenant; every part can be replaced. */
  call(overrides?: { body?: unknown; headers?: Record<string, string | undefined>; token?: string | undefined; query?: string }): Promise<Reply>;
  /** The demo body with this tenant's IDs. */
  validBody(): Record<string, unknown>;
}

/**
 * Every route with its demo request, each against its own fresh tenant seeded with the
 * demo catalog: the generic robustness tests run on all routes without knowing them.
 */
export async function routesUnderTest(): Promise<RouteUnderTest[]> {
  const demos = await loadDemos();
  return Promise.all(
    demos.map(async (loaded) => {
      const tenantId = uniqueId('robust');
      const retarget = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(DEMO_TENANT_ID, tenantId)) as T;
      const [tenant] = demoFixtures(demos).tenants;
      await seedTenant(retarget({ ...tenant!, id: DEMO_TENANT_ID }));
      const example = retarget(loaded.demo.example);
      const module = await loaded.route.handler();
      const template = loaded.route.paths.find((path) => matchPath(path, example.path) !== undefined)!;
      const pathParameters = matchPath(template, example.path)!;
      return {
        ...loaded,
        tenantId,
        validBody: () => structuredClone(example.body) as Record<string, unknown>,
        call: (overrides = {}) => {
          const token = 'token' in overrides ? overrides.token : tokenFor(tenantId);
          return invoke(module.handler, {
            path: example.path,
            routeKey: `${loaded.route.method} ${template}`,
            ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
            ...(overrides.query ?? example.query ? { query: overrides.query ?? example.query! } : {}),
            headers: { ...(token === undefined ? {} : { authorization: bearer(token) }), ...example.headers, ...overrides.headers },
            body: 'body' in overrides ? overrides.body : example.body,
          });
        },
      };
    }),
  );
}
