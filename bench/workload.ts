import type { TenantFixture } from '#shared/store/fixtures';

/** A stream of distinct successful requests for one route, and the catalog they need. */
export interface Workload {
  /** Catalog the requests refer to, loaded into each benchmark tenant. */
  catalog: Omit<TenantFixture, 'id' | 'name'>;
  /** How many distinct successful requests the catalog allows. */
  capacity: number;
  /** The i-th request (0 ≤ i < capacity) for a tenant. */
  request(i: number, tenantId: string): { path: string; query?: string; headers: Record<string, string>; body: unknown };
  /** The status of a success. */
  status: number;
  /** The token's permissions, when the route needs others than a writer's (the admin routes). */
  scope?: string;
  /** Concurrent clients in the load test, when fewer than the default make sense (an operator's import). */
  loadConnections?: number;
}

/** `count` values, the i-th made by `make(i)`: catalogs and fixtures are built from these. */
export const range = <T>(count: number, make: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => make(i));
