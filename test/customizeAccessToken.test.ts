import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as createVariantInventoryRecord } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { readAccessTokenRules } from '#shared/auth/cognitoAccessToken';
import { invoke } from '#test/support/http';
import { bearer, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

// The settings the stack gives the trigger: the same claim and scope as the route functions.
vi.stubEnv('TENANT_CLAIM', 'tenant_id');
vi.stubEnv('WRITE_SCOPE', 'inventory/write');
vi.stubEnv('WRITERS_GROUP', 'inventory-writers');
vi.stubEnv('ADMIN_SCOPE', 'inventory/admin');
vi.stubEnv('ADMINS_GROUP', 'inventory-admins');
const { handler: customizeAccessToken } = await import('#functions/customizeAccessToken/handler');

/** A version 2 pre token generation event as Cognito sends it on sign-in. */
function signInEvent(user: { tenantId?: string; groups: string[]; requestedScopes?: string[] }): PreTokenGenerationV2TriggerEvent {
  return {
    version: '2',
    triggerSource: 'TokenGeneration_Authentication',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_AbC123',
    userName: 'ops@example.com',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'client123' },
    request: {
      userAttributes: {
        sub: '2b1c5d2e-0000-4000-8000-000000000001',
        email: 'ops@example.com',
        ...(user.tenantId ? { 'custom:tenant_id': user.tenantId } : {}),
      },
      groupConfiguration: { groupsToOverride: user.groups, iamRolesToOverride: [], preferredRole: undefined },
      scopes: user.requestedScopes ?? ['aws.cognito.signin.user.admin'],
    },
    response: { claimsAndScopeOverrideDetails: null as never },
  } as PreTokenGenerationV2TriggerEvent;
}

/** The access token Cognito issues after the trigger: its own claims, the added claims, the scopes adjusted. */
async function accessTokenFor(user: Parameters<typeof signInEvent>[0]): Promise<string> {
  const event = signInEvent(user);
  const generation = (await customizeAccessToken(event)).response.claimsAndScopeOverrideDetails.accessTokenGeneration ?? {};
  const scopes = [...(event.request.scopes ?? []), ...(generation.scopesToAdd ?? [])].filter(
    (scope) => !generation.scopesToSuppress?.includes(scope),
  );
  return tokenFor(user.tenantId ?? 'unused', {
    scope: scopes.join(' '),
    roles: [],
    claims: {
      tenant_id: undefined,
      token_use: 'access',
      client_id: 'client123',
      username: 'ops@example.com',
      'cognito:groups': user.groups,
      ...generation.claimsToAddOrOverride,
    },
  });
}

describe('the Cognito access-token trigger', () => {
  it('gives a writer the tenant claim and the write scope', async () => {
    const event = await customizeAccessToken(signInEvent({ tenantId: 'tenant_acme', groups: ['inventory-writers'] }));
    expect(event.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant_id: 'tenant_acme' },
        scopesToAdd: ['inventory/write'],
        scopesToSuppress: ['inventory/admin'],
      },
    });
  });

  it('gives an administrator the admin scope, and the write scope only with the writers group', async () => {
    const admin = await customizeAccessToken(
      signInEvent({ tenantId: 'tenant_acme', groups: ['inventory-admins'], requestedScopes: ['inventory/write'] }),
    );
    expect(admin.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { tenant_id: 'tenant_acme' },
      scopesToAdd: ['inventory/admin'],
      scopesToSuppress: ['inventory/write'],
    });
    const both = await customizeAccessToken(signInEvent({ tenantId: 'tenant_acme', groups: ['inventory-writers', 'inventory-admins'] }));
    expect(both.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.scopesToAdd).toEqual(['inventory/write', 'inventory/admin']);
  });

  it('withholds the write scope from everyone else, even when an OAuth client asked for it', async () => {
    const event = await customizeAccessToken(
      signInEvent({ tenantId: 'tenant_acme', groups: ['ProductAdmin'], requestedScopes: ['openid', 'inventory/write'] }),
    );
    expect(event.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: { tenant_id: 'tenant_acme' },
        scopesToSuppress: ['inventory/write', 'inventory/admin'],
      },
    });
  });

  it('adds no tenant claim for a user without a tenant', async () => {
    const event = await customizeAccessToken(signInEvent({ groups: ['inventory-writers'] }));
    expect(event.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      scopesToAdd: ['inventory/write'],
      scopesToSuppress: ['inventory/admin'],
    });
  });

  it('refuses to start without its settings', () => {
    expect(() => readAccessTokenRules({ TENANT_CLAIM: 'tenant_id', WRITE_SCOPE: 'inventory/write' })).toThrow(/WRITERS_GROUP/);
  });
});

describe('access tokens shaped by the trigger, at the routes', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant({
      name: 'Cognito tenant',
      defaultLocationId: 'loc_main',
      locations: [{ id: 'loc_main', name: 'Main' }],
      products: [{ id: 'prod_1', name: 'Shirt', type: 'VARIABLE' as const, variants: [{ id: 'var_m', name: 'M' }] }],
    });
  });

  const createVariantAs = (token: string, sku: string) =>
    invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: { authorization: bearer(token), 'x-business-id': tenantId },
      body: { product_id: 'prod_1', name: `Variant ${sku}`, sku },
    });

  it('lets a member of inventory-writers write in the tenant of its attribute', async () => {
    const reply = await createVariantAs(await accessTokenFor({ tenantId, groups: ['inventory-writers'] }), 'COG-WRITER');
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ business_id: tenantId, sku: 'COG-WRITER' });
  });

  it('refuses a signed-in user outside the group with 403 and writes nothing', async () => {
    const before = await tenantItems(tenantId);
    const reply = await createVariantAs(await accessTokenFor({ tenantId, groups: [], requestedScopes: ['inventory/write'] }), 'COG-READER');
    expect(reply.status).toBe(403);
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('refuses a user without a tenant with 401', async () => {
    const reply = await createVariantAs(await accessTokenFor({ groups: ['inventory-writers'] }), 'COG-NOTENANT');
    expect(reply.status).toBe(401);
  });

  it('lets the OrderCloud route take its ProductAdmin role from the Cognito group', async () => {
    const reply = await invoke(createVariantInventoryRecord, {
      path: '/products/prod_1/variants/var_m/inventoryrecords',
      routeKey: 'POST /products/{productID}/variants/{variantID}/inventoryrecords',
      pathParameters: { productID: 'prod_1', variantID: 'var_m' },
      headers: { authorization: bearer(await accessTokenFor({ tenantId, groups: ['ProductAdmin'] })) },
      body: { AddressID: 'loc_main', QuantityAvailable: 3 },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ OwnerID: tenantId, AddressID: 'loc_main', QuantityAvailable: 3 });
  });
});
