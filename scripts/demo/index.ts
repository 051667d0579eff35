import type { Fixtures, TenantFixture } from '#shared/store/fixtures';
import { ROUTES, type RouteDefinition } from '#functions/routes';
import { baseCatalog } from '#scripts/demo/base';
import type { RouteDemo } from '#functions/commons/demo';

export interface LoadedDemo {
  route: RouteDefinition;
  demo: RouteDemo;
}

/** The routes with their demos (each kept in its route's folder), in the registry's order (the order `npm start` prints them). */
export async function loadDemos(routes: readonly RouteDefinition[] = ROUTES): Promise<LoadedDemo[]> {
  return Promise.all(routes.map(async (route) => ({ route, demo: (await route.demo()).demo })));
}

/**
 * The demo tenant: the shared base plus what the given routes' examples need, arrays concatenated. Demos that share a
 * piece (the stock lifecycle demos share one record) each declare it, so that each stands
 * alone; the shared piece is loaded once (same ID, or same value for keys).
 */
export function demoFixtures(demos: LoadedDemo[]): Fixtures {
  const tenant: Record<string, unknown> = { ...baseCatalog };
  for (const { demo } of demos) {
    for (const [field, value] of Object.entries(demo.catalog)) {
      const current = tenant[field];
      tenant[field] =
        Array.isArray(current) && Array.isArray(value)
          ? [...current, ...value.filter((entry) => !current.some((held) => sameEntry(held, entry)))]
          : value;
    }
  }
  return { tenants: [tenant as TenantFixture] };
}

/**
 * One pasteable command: POSIX shell quoting, status printed on the last line. The token is
 * read from a shell variable (double quotes, so the shell expands it), printed once by `npm start`.
 */
export function curlCommand(
  baseUrl: string,
  tokenVariable: string,
  method: RouteDefinition['method'],
  example: RouteDemo['example'],
): string {
  const url = `${baseUrl}${example.path}${example.query ? `?${example.query}` : ''}`;
  const hasBody = example.body !== undefined;
  const headers = { ...(hasBody ? { 'Content-Type': 'application/json' } : {}), ...example.headers };
  return [
    `curl -sS -w '\\nHTTP %{http_code}\\n' -X ${method} ${shellQuote(url)}`,
    `-H "Authorization: Bearer $${tokenVariable}"`,
    ...Object.entries(headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    ...(hasBody ? [`-d ${shellQuote(JSON.stringify(example.body))}`] : []),
  ].join(' \\\n  ');
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

const sameEntry = (held: unknown, entry: unknown): boolean =>
  held === entry ||
  (typeof held === 'object' &&
    typeof entry === 'object' &&
    held !== null &&
    entry !== null &&
    'id' in held &&
    'id' in entry &&
    held.id === entry.id);
