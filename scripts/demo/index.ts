import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Fixtures, TenantFixture } from '#shared/store/fixtures';
import { ROUTES, type RouteDefinition } from '#infra/routes';
import { baseCatalog } from '#scripts/demo/base';
import type { RouteDemo } from '#scripts/demo/types';

export interface LoadedDemo {
  route: RouteDefinition;
  demo: RouteDemo;
}

/** Each route's demo lives in scripts/demo/<route name>.ts; a route without one is an error. */
export async function loadDemos(routes: RouteDefinition[] = ROUTES): Promise<LoadedDemo[]> {
  return Promise.all(
    routes.map(async (route) => {
      const file = pathToFileURL(resolve(`scripts/demo/${route.name}.ts`)).href;
      const module = (await import(/* @vite-ignore */ file)) as { demo: RouteDemo };
      return { route, demo: module.demo };
    }),
  );
}

/** The demo tenant: the shared base plus what every route's example needs. */
export function demoFixtures(demos: LoadedDemo[]): Fixtures {
  const tenant: Record<string, unknown> = { ...baseCatalog };
  for (const { demo } of demos) {
    for (const [field, value] of Object.entries(demo.catalog)) {
      const current = tenant[field];
      tenant[field] = Array.isArray(current) && Array.isArray(value) ? [...current, ...value] : value;
    }
  }
  return { tenants: [tenant as TenantFixture] };
}

/** One pasteable command: POSIX shell quoting, status printed on the last line. */
export function curlCommand(baseUrl: string, token: string, example: RouteDemo['example']): string {
  const url = `${baseUrl}${example.path}${example.query ? `?${example.query}` : ''}`;
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', ...example.headers };
  return [
    `curl -sS -w '\\nHTTP %{http_code}\\n' -X POST ${shellQuote(url)}`,
    ...Object.entries(headers).map(([name, value]) => `-H ${shellQuote(`${name}: ${value}`)}`),
    `-d ${shellQuote(JSON.stringify(example.body))}`,
  ].join(' \\\n  ');
}

function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}
