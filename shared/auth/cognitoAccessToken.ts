import type { AccessTokenGeneration, PreTokenGenerationV2TriggerEvent } from 'aws-lambda';

/** The user attribute of the stack's user pool that names a user's tenant (immutable, set by an administrator). */
export const TENANT_ATTRIBUTE_NAME = 'tenant_id';
const TENANT_ATTRIBUTE = `custom:${TENANT_ATTRIBUTE_NAME}`;

/** The Cognito group whose members may write, when the stack's user pool issues the tokens. */
export const COGNITO_WRITERS_GROUP = 'inventory-writers';
/** The Cognito group whose members may administer their tenant's catalog (import, export, keys, settings). */
export const COGNITO_ADMINS_GROUP = 'inventory-admins';

export interface AccessTokenRules {
  /** Claim the API reads the tenant from. */
  tenantClaim: string;
  /** Resource-server scope the API requires for writes. */
  writeScope: string;
  writersGroup: string;
  /** Resource-server scope the API requires on the catalog administration routes. */
  adminScope: string;
  adminsGroup: string;
}

/**
 * What the user pool puts in every access token it issues: the user's tenant as a
 * claim, and the write scope for members of the writers group only. Cognito leaves
 * custom scopes out of tokens from its sign-in API and custom attributes out of
 * access tokens, so without this no access token could ever write.
 */
export function accessTokenGeneration(
  request: PreTokenGenerationV2TriggerEvent['request'],
  rules: AccessTokenRules,
): AccessTokenGeneration {
  const tenantId = request.userAttributes[TENANT_ATTRIBUTE];
  const groups = request.groupConfiguration.groupsToOverride ?? [];
  const grants = [
    { scope: rules.writeScope, group: rules.writersGroup },
    { scope: rules.adminScope, group: rules.adminsGroup },
  ];
  const scopesToAdd = grants.filter(({ group }) => groups.includes(group)).map(({ scope }) => scope);
  // Suppressed for everyone else, even when an OAuth client asked for it.
  const scopesToSuppress = grants.filter(({ group }) => !groups.includes(group)).map(({ scope }) => scope);
  return {
    // A user without a tenant still signs in; the API answers its token with 401.
    ...(tenantId ? { claimsToAddOrOverride: { [rules.tenantClaim]: tenantId } } : {}),
    ...(scopesToAdd.length > 0 ? { scopesToAdd } : {}),
    ...(scopesToSuppress.length > 0 ? { scopesToSuppress } : {}),
  };
}

/** Claims Cognito owns in an access token: a trigger may not set them, so the tenant cannot live in one. */
const RESERVED_ACCESS_TOKEN_CLAIMS = new Set([
  'aud',
  'auth_time',
  'client_id',
  'cognito:groups',
  'cognito:username',
  'device_key',
  'event_id',
  'exp',
  'iat',
  'iss',
  'jti',
  'nbf',
  'origin_jti',
  'scope',
  'sub',
  'token_use',
  'username',
  'version',
]);

export function isReservedAccessTokenClaim(claim: string): boolean {
  return RESERVED_ACCESS_TOKEN_CLAIMS.has(claim);
}

/** The trigger's settings, from the environment the stack gives it; a gap fails the cold start. */
export function readAccessTokenRules(env: NodeJS.ProcessEnv): AccessTokenRules {
  const read = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`Invalid configuration: ${name} is required`);
    return value;
  };
  return {
    tenantClaim: read('TENANT_CLAIM'),
    writeScope: read('WRITE_SCOPE'),
    writersGroup: read('WRITERS_GROUP'),
    adminScope: read('ADMIN_SCOPE'),
    adminsGroup: read('ADMINS_GROUP'),
  };
}
