import type { TenantFixture } from '#shared/store/fixtures';

/** The demo tenant every printed curl runs against. */
export const DEMO_TENANT_ID = 'tenant_demo';
export const DEMO_MERCHANT_API_KEY = 'mk_demo_4f9c2b7e1a';

/** What one route adds to the local demo: catalog it needs and the request `npm start` prints as curl. */
export interface RouteDemo {
  /** Catalog pieces this route's example needs; merged into the demo tenant (arrays concatenated). */
  catalog: Partial<Omit<TenantFixture, 'id' | 'name'>>;
  example: {
    /** Concrete path, e.g. /v1/inventory. */
    path: string;
    query?: string;
    /** The token's permissions, when the route needs others than a writer's (the admin routes). */
    scope?: string;
    /** Headers besides Authorization (always sent) and Content-Type (sent with a body). */
    headers?: Record<string, string>;
    /** The JSON body; none for a GET or a DELETE. */
    body?: unknown;
    /** One line printed above the curl: what answer to expect the first and second time. */
    note: string;
    /** Status of the first run and of a repeat, checked by the dev server test. */
    expect: { first: number; repeat: number };
  };
}
