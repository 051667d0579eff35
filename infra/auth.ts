import { CfnOutput, Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  FeaturePlan,
  LambdaVersion,
  ResourceServerScope,
  StringAttribute,
  UserPool,
  UserPoolClient,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { Construct } from 'constructs';
import {
  COGNITO_ADMINS_GROUP,
  COGNITO_WRITERS_GROUP,
  isReservedAccessTokenClaim,
  TENANT_ATTRIBUTE_NAME,
} from '../shared/auth/cognitoAccessToken.ts';
import { DEFAULT_ADMIN_SCOPE, DEFAULT_TENANT_CLAIM, DEFAULT_WRITE_SCOPE } from '../shared/config.ts';
import type { FunctionFactory } from './inventoryFunction.ts';

/** Bring-your-own OIDC issuer instead of the stack's Cognito user pool. */
export interface OidcIssuerSettings {
  issuer: string;
  audience: string;
  jwksUri?: string;
}

/** What the functions read from a token: the tenant's claim and the permission that writes. */
interface TokenClaims {
  tenantClaim: string;
  writePermission: string;
  adminPermission: string;
}

/**
 * Who issues the tokens the functions verify, and the settings they verify them with: the
 * given OIDC issuer, or else the stack's own Cognito user pool.
 */
export function tokenEnvironment(
  scope: Construct,
  props: { oidc?: OidcIssuerSettings; tenantClaim?: string; writePermission?: string; adminPermission?: string },
  removalPolicy: RemovalPolicy,
  inventoryFunction: FunctionFactory,
): Record<string, string> {
  const claims: TokenClaims = {
    tenantClaim: props.tenantClaim ?? DEFAULT_TENANT_CLAIM,
    writePermission: props.writePermission ?? DEFAULT_WRITE_SCOPE,
    adminPermission: props.adminPermission ?? DEFAULT_ADMIN_SCOPE,
  };
  if (claims.adminPermission === claims.writePermission)
    throw new Error('adminPermission must differ from writePermission: a writer is not an administrator.');
  return props.oidc ? oidcEnvironment(props.oidc, claims) : cognitoEnvironment(scope, removalPolicy, claims, inventoryFunction);
}

function oidcEnvironment(oidc: OidcIssuerSettings, claims: TokenClaims): Record<string, string> {
  return {
    JWT_ISSUER: oidc.issuer,
    JWT_AUDIENCE: oidc.audience,
    ...(oidc.jwksUri ? { JWT_JWKS_URI: oidc.jwksUri } : {}),
    TENANT_CLAIM: claims.tenantClaim,
    WRITE_SCOPE: claims.writePermission,
    ADMIN_SCOPE: claims.adminPermission,
  };
}

/**
 * The stack's own user pool. A user carries its tenant in an immutable custom
 * attribute; writers are members of a group. Cognito puts neither custom
 * attributes nor custom scopes in access tokens from its sign-in API, so a pre
 * token generation trigger (event version 2, Essentials plan) copies the tenant
 * into a claim and grants the resource server's write scope to writers only.
 */
function cognitoEnvironment(
  scope: Construct,
  removalPolicy: RemovalPolicy,
  { tenantClaim, writePermission, adminPermission }: TokenClaims,
  inventoryFunction: FunctionFactory,
): Record<string, string> {
  if (isReservedAccessTokenClaim(tenantClaim)) {
    throw new Error(`tenantClaim "${tenantClaim}" is set by Cognito itself; choose another claim name.`);
  }
  const writeScope = resourceServerScope(writePermission, 'writePermission');
  const adminScope = resourceServerScope(adminPermission, 'adminPermission');

  const userPool = new UserPool(scope, 'UserPool', {
    featurePlan: FeaturePlan.ESSENTIALS,
    selfSignUpEnabled: false,
    signInAliases: { email: true },
    customAttributes: { [TENANT_ATTRIBUTE_NAME]: new StringAttribute({ mutable: false, minLen: 1, maxLen: 128 }) },
    passwordPolicy: { minLength: 12, requireDigits: true, requireLowercase: true, requireUppercase: true, requireSymbols: true },
    accountRecovery: AccountRecovery.EMAIL_ONLY,
    removalPolicy,
  });
  Validations.of(userPool).acknowledge(
    {
      id: 'AwsSolutions-COG8',
      reason:
        'The Plus feature plan (threat protection) is billed per active user; users are a handful of back-office accounts created by administrators, self sign-up is off.',
    },
    {
      id: 'AwsSolutions-COG2',
      reason:
        'Accounts are created and signed in by administrators holding IAM credentials (ADMIN_USER_PASSWORD_AUTH); enable MFA on the pool when people sign in interactively.',
    },
  );
  const writeServerScope = new ResourceServerScope({
    scopeName: writeScope.scopeName,
    scopeDescription: 'Create variants and inventory records',
  });
  const adminServerScope = new ResourceServerScope({
    scopeName: adminScope.scopeName,
    scopeDescription: 'Import and export the catalog, manage merchant API keys and business settings',
  });
  // Both scopes on one resource server when they share its identifier (the default), else one server each.
  if (writeScope.identifier === adminScope.identifier) {
    userPool.addResourceServer('ResourceServer', {
      identifier: writeScope.identifier,
      userPoolResourceServerName: 'inventory-api',
      scopes: [writeServerScope, adminServerScope],
    });
  } else {
    userPool.addResourceServer('ResourceServer', {
      identifier: writeScope.identifier,
      userPoolResourceServerName: 'inventory-api',
      scopes: [writeServerScope],
    });
    userPool.addResourceServer('AdminResourceServer', {
      identifier: adminScope.identifier,
      userPoolResourceServerName: 'inventory-api-admin',
      scopes: [adminServerScope],
    });
  }

  const customizeAccessToken = inventoryFunction('customizeAccessToken', {
    entry: 'functions/customizeAccessToken/handler.ts',
    environment: {
      TENANT_CLAIM: tenantClaim,
      WRITE_SCOPE: writeScope.scope,
      WRITERS_GROUP: COGNITO_WRITERS_GROUP,
      ADMIN_SCOPE: adminScope.scope,
      ADMINS_GROUP: COGNITO_ADMINS_GROUP,
    },
    // Cognito gives a trigger 5 s before it fails the sign-in.
    timeout: Duration.seconds(5),
    removalPolicy,
  });
  userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, customizeAccessToken, LambdaVersion.V2_0);

  // Sign-in through the API only (SRP, or admin password with IAM credentials): no
  // hosted login, so no OAuth flows and no redirect URLs to leave open.
  const client = new UserPoolClient(scope, 'UserPoolClient', {
    userPool,
    authFlows: { userSrp: true, adminUserPassword: true },
    disableOAuth: true,
    idTokenValidity: Duration.hours(1),
    accessTokenValidity: Duration.hours(1),
    preventUserExistenceErrors: true,
  });
  new CfnUserPoolGroup(scope, 'WritersGroup', {
    userPoolId: userPool.userPoolId,
    groupName: COGNITO_WRITERS_GROUP,
    description: `Members get the ${writeScope.scope} scope: they may create variants and inventory records`,
  });
  new CfnUserPoolGroup(scope, 'AdminsGroup', {
    userPoolId: userPool.userPoolId,
    groupName: COGNITO_ADMINS_GROUP,
    description: `Members get the ${adminScope.scope} scope: they may import and export the catalog, manage merchant API keys and business settings`,
  });
  // The OrderCloud route asks for OrderCloud's own roles, which Cognito lists in cognito:groups.
  new CfnUserPoolGroup(scope, 'OrderCloudProductAdminGroup', {
    userPoolId: userPool.userPoolId,
    groupName: 'ProductAdmin',
    description: 'OrderCloud role: may create variant inventory records',
  });
  new CfnOutput(scope, 'UserPoolId', { value: userPool.userPoolId });
  new CfnOutput(scope, 'UserPoolClientId', { value: client.userPoolClientId });
  return {
    COGNITO_USER_POOL_ID: userPool.userPoolId,
    COGNITO_CLIENT_ID: client.userPoolClientId,
    COGNITO_TOKEN_USE: 'access',
    TENANT_CLAIM: tenantClaim,
    WRITE_SCOPE: writeScope.scope,
    ADMIN_SCOPE: adminScope.scope,
  };
}

/** `identifier/scope`, as Cognito names a resource server's scope in tokens. */
function resourceServerScope(
  scope: string,
  option: 'writePermission' | 'adminPermission',
): { scope: string; identifier: string; scopeName: string } {
  const split = scope.lastIndexOf('/');
  if (split <= 0 || split === scope.length - 1) {
    throw new Error(
      `${option} must be a resource-server scope such as inventory/write when the stack's user pool issues the tokens, got "${scope}".`,
    );
  }
  return { scope, identifier: scope.slice(0, split), scopeName: scope.slice(split + 1) };
}
