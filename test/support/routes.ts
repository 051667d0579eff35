import { ROUTES } from '#functions/routes';
import type { RouteDefinition } from '#functions/routes';
import { demoFixtures, loadDemos, type LoadedDemo } from '#scripts/demo/index';
import { DEMO_TENANT_ID } from '#functions/commons/demo';
import { matchPath } from '#scripts/local/apiGatewayEvent';
import { invoke, type Reply } from '#test/support/http';
import { bearer, seedTenant, tokenFor, uniqueId } from '#test/support/tenants';

export interface CallOverrides {
  body?: unknown;
  headers?: Record<string, string | undefined>;
  token?: string | undefined;
  query?: string;
  /** Path parameter values replacing the demo's (the path is rebuilt from them). */
  pathParameters?: Record<string, string>;
}

/** One route, ready to call as its demo does, against a private copy of the demo tenant. */
export interface RouteUnderTest extends LoadedDemo {
  tenantId: string;
  /** The API the route follows (its contract's tag), which decides its error envelope. */
  tag: string;
  /** Whether the route takes a JSON body. */
  hasBody: boolean;
  /** Whether the route may write (anything but a GET). */
  writes: boolean;
  /** The demo's path parameters. */
  pathParameters: Record<string, string>;
  /** The demo request for this tenant; every part can be replaced. */
  call(overrides?: CallOverrides): Promise<Reply>;
  /** The demo body with this tenant's IDs. */
  validBody(): Record<string, unknown>;
}

/**
 * Every route (or those `which` selects) with its demo request, each against its own fresh
 * tenant seeded with that route's demo catalog: the generic robustness tests run on all routes without
 * knowing them.
 */
export async function routesUnderTest(which: (route: RouteDefinition) => boolean = () => true): Promise<RouteUnderTest[]> {
  const demos = await loadDemos();
  // ROBUSTNESS_ROUTES=name,name runs the suites on those routes only (a route's own check while it is built).
  const only = process.env.ROBUSTNESS_ROUTES ? process.env.ROBUSTNESS_ROUTES.split(',') : undefined;
  return Promise.all(
    demos
      .filter((loaded) => which(loaded.route) && (only === undefined || only.includes(loaded.route.name)))
      .map(async (loaded) => {
        const tenantId = uniqueId('robust');
        const retarget = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll(DEMO_TENANT_ID, tenantId)) as T;
        // The route's own demo catalog only: its tenant holds what the route reads and nothing else.
        const [tenant] = demoFixtures([loaded]).tenants;
        await seedTenant(retarget({ ...tenant!, id: DEMO_TENANT_ID }));
        const example = retarget(loaded.demo.example);
        const [{ handler }, module] = await Promise.all([loaded.route.handler(), loaded.route.contract()]);
        const contract = module.contract();
        const template = loaded.route.paths.find((path) => matchPath(path, example.path) !== undefined)!;
        const demoParameters = matchPath(template, example.path)!;
        const pathFor = (parameters: Record<string, string>) =>
          template.replace(/\{([^}]+)\}/g, (_, name: string) => escapePathValue(parameters[name] ?? ''));
        return {
          ...loaded,
          tenantId,
          tag: contract.tag,
          hasBody: contract.body !== undefined,
          writes: loaded.route.method !== 'GET',
          pathParameters: demoParameters,
          validBody: () => structuredClone(example.body) as Record<string, unknown>,
          call: (overrides = {}) => {
            const token = 'token' in overrides ? overrides.token : tokenFor(tenantId, example.scope ? { scope: example.scope } : {});
            const pathParameters = overrides.pathParameters ?? demoParameters;
            return invoke(handler, {
              path: overrides.pathParameters ? pathFor(pathParameters) : example.path,
              routeKey: `${loaded.route.method} ${template}`,
              ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
              ...((overrides.query ?? example.query) ? { query: overrides.query ?? example.query! } : {}),
              headers: { ...(token === undefined ? {} : { authorization: bearer(token) }), ...example.headers, ...overrides.headers },
              body: 'body' in overrides ? overrides.body : example.body,
            });
          },
        };
      }),
  );
}

/** The path a client would send; text that cannot be percent-encoded (a lone surrogate) is sent as is. */
function escapePathValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * For a test that calls every route in turn: a time limit that grows with the number of
 * routes (a throttled call alone waits out the SDK's backoff), so it only ever catches a hang.
 */
export const EVERY_ROUTE = { timeout: 6_000 * ROUTES.length };

/**
 * Runs `check` for each route, a few routes at a time: each route has its own tenant, so
 * checks on different routes never see each other's writes, and DynamoDB Local serves
 * several requests at once. Not for checks that inject a fault: a fault reaches every route.
 */
export async function forEachRoute(
  routes: readonly RouteUnderTest[],
  check: (route: RouteUnderTest) => Promise<void>,
  concurrency = 4,
): Promise<void> {
  let next = 0;
  const failures: unknown[] = [];
  // After a failure, the checks under way still finish before it is thrown: none may go on writing into the next test.
  await Promise.all(
    Array.from({ length: Math.min(concurrency, routes.length) }, async () => {
      while (next < routes.length && failures.length === 0) {
        await check(routes[next++]!).catch((failure: unknown) => void failures.push(failure));
      }
    }),
  );
  if (failures.length > 0) throw failures[0];
}
