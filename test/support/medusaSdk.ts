import Medusa from '@medusajs/js-sdk';
import { afterAll, beforeAll } from 'vitest';
import { startLocalApi } from '#test/support/localApi';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

/** What an SDK test talks through: the client, its tenant and the headers carrying that tenant's token. */
export interface MedusaSdkTenant {
  sdk: Medusa;
  tenantId: string;
  headers: Record<string, string>;
}

/**
 * The official Medusa JS SDK, unchanged, against the local API (every route, real handlers), with one
 * tenant seeded from `fixture`. Call it in a describe block: it starts the API before the block's tests
 * and closes it after them; the returned fields are set once the block's tests run.
 */
export function medusaSdk(fixture: Parameters<typeof seedTenant>[0]): MedusaSdkTenant {
  const tenant = {} as MedusaSdkTenant;
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  beforeAll(async () => {
    api = await startLocalApi();
    tenant.sdk = new Medusa({ baseUrl: api.baseUrl, auth: { type: 'jwt' } });
    tenant.tenantId = await seedTenant(fixture);
    tenant.headers = { authorization: bearer(tokenFor(tenant.tenantId)) };
  });
  afterAll(() => api.close());
  return tenant;
}
