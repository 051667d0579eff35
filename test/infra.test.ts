import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type App, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import { UserPool } from 'aws-cdk-lib/aws-cognito';
import { AwsSolutionsChecks } from 'cdk-nag';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { stackPropsFromContext } from '#infra/context';
import { grantedActions, ROUTES } from '#functions/routes';
import { InventoryApiStack, type InventoryApiStackProps } from '#infra/stack';
import { cdkApp } from '#test/support/cdkApp';

/** Synthesizes offline; bundling runs the local esbuild, as `cdk synth` does. */
function synth(props: InventoryApiStackProps = {}, bundle = false): Template {
  const app = cdkApp({ bundle });
  const template = Template.fromStack(new InventoryApiStack(app, 'Test', props));
  if (bundle) bundledInto = app.outdir;
  return template;
}
/** Where the last bundled synth staged its assets. */
let bundledInto = '';

/** The HTTP route functions: the ones that verify tokens. */
const functionsOf = (template: Template) =>
  Object.values(template.findResources('AWS::Lambda::Function')).filter(
    (resource: any) => resource.Properties.Environment?.Variables?.TENANT_CLAIM && resource.Properties.Environment.Variables.TABLE_NAME,
  ) as { Properties: Record<string, any> }[];

describe('the stack', () => {
  const template = synth({}, true);

  it('has exactly one table: on demand, point-in-time recovery, retained and protected, with TTL', () => {
    template.resourceCountIs('AWS::DynamoDB::GlobalTable', 1);
    template.hasResource('AWS::DynamoDB::GlobalTable', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
        Replicas: [
          Match.objectLike({ DeletionProtectionEnabled: true, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }),
        ],
      }),
    });
  });

  it('has one bundled Node.js 22 arm64 function per route, with its own log group and tracing', () => {
    const functions = functionsOf(template);
    expect(functions).toHaveLength(ROUTES.length);
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], TracingConfig: { Mode: 'Active' } });
      expect(fn.Properties.LoggingConfig.LogGroup).toBeDefined();
      expect(fn.Properties.Environment.Variables).toMatchObject({ NODE_OPTIONS: '--enable-source-maps', TABLE_NAME: expect.anything() });
    }
  });

  it('ships each route with the AWS SDK inside its bundle, as the tests and the benchmark build it, not the runtime copy', () => {
    const assets = functionsOf(template).map((fn) => `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    expect(assets).toHaveLength(ROUTES.length);
    for (const asset of assets) {
      const code = readFileSync(join(bundledInto, asset, 'index.mjs'), 'utf8');
      expect(code, asset).not.toMatch(/from\s*["']@aws-sdk\//);
      expect(code, asset).toContain('DynamoDB');
    }
  });

  it("grants each function exactly the DynamoDB actions its route declares plus the idempotency step's, on the table and the indexes it queries only", () => {
    for (const route of ROUTES) {
      const policies = template.findResources('AWS::IAM::Policy', {
        Properties: { PolicyName: Match.stringLikeRegexp(`^${route.name}Role`) },
      });
      const statements = Object.values(policies).flatMap((policy: any) => policy.Properties.PolicyDocument.Statement);
      const dynamo = statements.filter((statement: any) =>
        [statement.Action].flat().some((action: string) => action.startsWith('dynamodb:')),
      );
      const indexes = route.indexes ?? [];
      // CDK merges statements with equal actions: a route that only Queries gets one statement for table and indexes.
      const grants = dynamo.flatMap((statement: any) =>
        [statement.Resource].flat().map((resource: any) => ({ actions: [statement.Action].flat().sort(), resource })),
      );
      const onTable = grants.filter((grant) => 'Fn::GetAtt' in grant.resource);
      expect(onTable).toEqual([{ actions: grantedActions(route), resource: { 'Fn::GetAtt': [expect.stringMatching(/^Table/), 'Arn'] } }]);
      // Query on the indexes the route reads, each by name: no index wildcard.
      const onIndexes = grants.filter((grant) => 'Fn::Join' in grant.resource);
      expect(onIndexes.map((grant) => grant.resource['Fn::Join'][1].at(-1))).toEqual(indexes.map((name) => `/index/${name}`));
      expect(onIndexes.every((grant) => grant.actions.join() === 'dynamodb:Query')).toBe(true);
      const actions = statements.flatMap((statement: any) => [statement.Action].flat());
      expect(actions.filter((action: string) => action.includes('*'))).toEqual([]);
    }
  });

  it('creates the cursor sealing secret, generated at deploy, and lets exactly the routes that seal cursors or digest merchant keys read it', () => {
    const secrets = template.findResources('AWS::SecretsManager::Secret', {
      Properties: { GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } },
    });
    expect(Object.keys(secrets)).toEqual([expect.stringMatching(/^CursorSealingSecret/)]);
    const secretId = Object.keys(secrets)[0]!;
    const functions = template.findResources('AWS::Lambda::Function');
    for (const route of ROUTES) {
      const [fn] = Object.entries(functions).filter(([id]) => id.startsWith(`${route.name}Function`) || id.startsWith(route.name));
      expect(fn, route.name).toBeDefined();
      const variables = (fn![1] as any).Properties.Environment.Variables;
      const readsSecret = Object.values(
        template.findResources('AWS::IAM::Policy', {
          Properties: { PolicyName: Match.stringLikeRegexp(`^${route.name}Role`) },
        }),
      ).some((policy: any) =>
        policy.Properties.PolicyDocument.Statement.some(
          (statement: any) => JSON.stringify(statement.Resource) === JSON.stringify({ Ref: secretId }),
        ),
      );
      if (route.needsSealingSecret) expect(variables.CURSOR_SECRET_ARN, route.name).toEqual({ Ref: secretId });
      else expect(variables.CURSOR_SECRET_ARN, route.name).toBeUndefined();
      expect(readsSecret, route.name).toBe(Boolean(route.needsSealingSecret));
      expect(variables.CURSOR_KEY, route.name).toBeUndefined();
    }
    expect(
      ROUTES.filter((route) => route.needsSealingSecret)
        .map((route) => route.name)
        .sort(),
    ).toEqual([
      'adjustInventory',
      'createInventoryRecord',
      'createMerchantApiKey',
      'exportCatalog',
      'getInventoryRecord',
      'importCatalog',
      'listInventoryMovements',
      'listInventoryRecords',
      'listLowStockInventory',
      'listMerchantApiKeys',
      'listVariants',
      'releaseInventory',
      'reserveInventory',
      'revokeMerchantApiKey',
    ]);
  });

  it('gives the sealing secret to every route that checks a merchant key: the key digest is keyed with it', async () => {
    for (const route of ROUTES) {
      const { contract } = await route.contract();
      const checksKey = (contract().headers ?? []).some((header) => header.check === 'merchantApiKey');
      if (checksKey) expect(route.needsSealingSecret, route.name).toBe(true);
    }
  });

  it('routes every documented path to its function on one HTTP API', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    const routeKeys = Object.values(template.findResources('AWS::ApiGatewayV2::Route')).map((route: any) => route.Properties.RouteKey);
    expect(routeKeys.sort()).toEqual(ROUTES.flatMap((route) => route.paths.map((path) => `${route.method} ${path}`)).sort());
  });

  // CloudFormation refuses a stack of more than 500 resources. A route adds about seven to the main
  // stack and three alarms to the nested one (see docs/deploy.md).
  it('keeps the main stack and its nested alarm stack each within the 500 resources CloudFormation allows', () => {
    const stack = new InventoryApiStack(cdkApp(), 'Count');
    expect(Object.keys(Template.fromStack(stack).toJSON().Resources).length).toBeLessThanOrEqual(500);
    const nested = stack.node.findAll().filter((construct): construct is NestedStack => construct instanceof NestedStack);
    expect(nested).toHaveLength(1);
    const alarmStack = nested[0]!;
    expect(Object.keys(Template.fromStack(alarmStack).toJSON().Resources).length).toBeLessThanOrEqual(500);
  });

  it('lets the API invoke each route function through one permission, whatever its number of paths', () => {
    const permissions = Object.values(
      template.findResources('AWS::Lambda::Permission', { Properties: { Principal: 'apigateway.amazonaws.com' } }),
    ) as any[];
    expect(permissions).toHaveLength(ROUTES.length);
    const invoked = permissions.map((permission) => permission.Properties.FunctionName['Fn::GetAtt'][0] as string);
    expect(new Set(invoked).size).toBe(ROUTES.length);
    for (const permission of permissions) {
      // arn:<partition>:execute-api:<region>:<account>:<this API>/<any stage>/<any method>/<any path>
      const [, parts] = permission.Properties.SourceArn['Fn::Join'];
      expect(parts.at(-2)).toEqual({ Ref: expect.stringMatching(/^Api[0-9A-F]/) });
      expect(parts.at(-1)).toBe('/*/*/*');
    }
  });

  it('throttles the stage and writes JSON access logs', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });

  it('passes the Cognito settings to every function by default: access tokens, tenant claim, write scope', () => {
    template.resourceCountIs('AWS::Cognito::UserPool', 1);
    for (const fn of functionsOf(template)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        COGNITO_USER_POOL_ID: { Ref: expect.stringMatching(/^UserPool[0-9A-F]/) },
        COGNITO_CLIENT_ID: { Ref: expect.stringMatching(/^UserPoolClient/) },
        COGNITO_TOKEN_USE: 'access',
        TENANT_CLAIM: 'tenant_id',
        WRITE_SCOPE: 'inventory/write',
        ADMIN_SCOPE: 'inventory/admin',
      });
    }
  });

  it('defines the write scope on a resource server and the groups that grant writes', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'inventory',
      Scopes: [
        { ScopeName: 'write', ScopeDescription: Match.anyValue() },
        { ScopeName: 'admin', ScopeDescription: Match.anyValue() },
      ],
    });
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')).map((group: any) => group.Properties.GroupName);
    expect(groups.sort()).toEqual(['ProductAdmin', 'inventory-admins', 'inventory-writers']);
  });

  it('shapes access tokens with a version 2 pre token generation trigger that has no table access', () => {
    const [triggerId, trigger] = Object.entries(template.findResources('AWS::Lambda::Function')).find(
      ([, fn]: [string, any]) => fn.Properties.Environment?.Variables?.WRITERS_GROUP,
    )! as [string, any];
    expect(trigger.Properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'], Timeout: 5 });
    expect(trigger.Properties.Environment.Variables).toMatchObject({
      TENANT_CLAIM: 'tenant_id',
      WRITE_SCOPE: 'inventory/write',
      WRITERS_GROUP: 'inventory-writers',
      ADMIN_SCOPE: 'inventory/admin',
      ADMINS_GROUP: 'inventory-admins',
    });
    expect(trigger.Properties.Environment.Variables.TABLE_NAME).toBeUndefined();
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'ESSENTIALS',
      LambdaConfig: { PreTokenGenerationConfig: { LambdaArn: { 'Fn::GetAtt': [triggerId, 'Arn'] }, LambdaVersion: 'V2_0' } },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      FunctionName: { 'Fn::GetAtt': [triggerId, 'Arn'] },
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UserPool'), 'Arn'] },
    });
    const actions = Object.entries(template.findResources('AWS::IAM::Policy'))
      .filter(([id]) => id.startsWith('customizeAccessTokenRole'))
      .flatMap(([, policy]: [string, any]) =>
        policy.Properties.PolicyDocument.Statement.flatMap((statement: any) => [statement.Action].flat()),
      );
    expect(actions.filter((action: string) => action.startsWith('dynamodb:'))).toEqual([]);
  });

  it('signs in through the API only: no OAuth flows, no redirect URLs', () => {
    const client = Object.values(template.findResources('AWS::Cognito::UserPoolClient'))[0] as any;
    expect(client.Properties).toMatchObject({
      AllowedOAuthFlowsUserPoolClient: false,
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
    expect(client.Properties.AllowedOAuthFlows).toBeUndefined();
    expect(client.Properties.CallbackURLs).toBeUndefined();
  });
});

describe('stack options', () => {
  it('uses your own OIDC issuer instead of Cognito', () => {
    const template = synth(
      stackPropsFromContext(
        (key) =>
          ({
            oidcIssuer: 'https://id.example.com',
            oidcAudience: 'inventory',
            oidcJwksUri: 'https://id.example.com/keys',
            tenantClaim: 'org',
          })[key],
      ),
    );
    template.resourceCountIs('AWS::Cognito::UserPool', 0);
    for (const fn of functionsOf(template)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        JWT_ISSUER: 'https://id.example.com',
        JWT_AUDIENCE: 'inventory',
        JWT_JWKS_URI: 'https://id.example.com/keys',
        TENANT_CLAIM: 'org',
      });
      expect(fn.Properties.Environment.Variables.COGNITO_USER_POOL_ID).toBeUndefined();
    }
  });

  it('names the resource server after a custom write scope and the tenant claim as asked', () => {
    const template = synth({ writePermission: 'https://api.example.com/inventory/admin', tenantClaim: 'org' });
    template.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'https://api.example.com/inventory',
      Scopes: [Match.objectLike({ ScopeName: 'admin' })],
    });
    for (const fn of functionsOf(template)) {
      expect(fn.Properties.Environment.Variables).toMatchObject({
        TENANT_CLAIM: 'org',
        WRITE_SCOPE: 'https://api.example.com/inventory/admin',
      });
    }
  });

  it('takes the admin permission from context, as its own scope, for OIDC issuers and the user pool', () => {
    const oidc = synth(
      stackPropsFromContext(
        (key) => ({ oidcIssuer: 'https://id.example.com', oidcAudience: 'inventory', adminPermission: 'catalog-admins' })[key],
      ),
    );
    for (const fn of functionsOf(oidc))
      expect(fn.Properties.Environment.Variables).toMatchObject({ WRITE_SCOPE: 'inventory/write', ADMIN_SCOPE: 'catalog-admins' });
    const pool = synth(stackPropsFromContext((key) => ({ adminPermission: 'https://api.example.com/admin' })[key]));
    pool.hasResourceProperties('AWS::Cognito::UserPoolResourceServer', {
      Identifier: 'https://api.example.com',
      Scopes: [Match.objectLike({ ScopeName: 'admin' })],
    });
    expect(() => synth({ adminPermission: 'admins' })).toThrow(/adminPermission must be a resource-server scope/);
    expect(() => synth({ adminPermission: 'inventory/write' })).toThrow(/must differ/);
  });

  it('refuses a write permission that is no resource-server scope, or a tenant claim Cognito owns, with the user pool', () => {
    expect(() => synth({ writePermission: 'writers' })).toThrow(/resource-server scope/);
    expect(() => synth({ writePermission: 'inventory/' })).toThrow(/resource-server scope/);
    expect(() => synth({ tenantClaim: 'sub' })).toThrow(/set by Cognito/);
    expect(() =>
      synth({ oidc: { issuer: 'https://id.example.com', audience: 'inventory' }, writePermission: 'writers', tenantClaim: 'sub' }),
    ).not.toThrow();
  });

  it('refuses half an OIDC configuration and nonsense throttling', () => {
    expect(() => stackPropsFromContext((key) => ({ oidcIssuer: 'https://id.example.com' })[key])).toThrow(/oidcAudience/);
    expect(() => stackPropsFromContext((key) => ({ throttleRate: 'lots' })[key])).toThrow(/throttleRate/);
  });

  it('makes a disposable dev stack and configurable throttling and CORS', () => {
    const template = synth(
      stackPropsFromContext(
        (key) => ({ dev: 'true', throttleRate: '5', throttleBurst: '10', corsOrigins: 'https://admin.example.com' })[key],
      ),
    );
    template.hasResource('AWS::DynamoDB::GlobalTable', { DeletionPolicy: 'Delete' });
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 5, ThrottlingBurstLimit: 10 },
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://admin.example.com'] }),
    });
  });

  it('leaves CORS off by default', () => {
    const api = Object.values(synth().findResources('AWS::ApiGatewayV2::Api'))[0] as any;
    expect(api.Properties.CorsConfiguration).toBeUndefined();
  });
});

describe('cdk-nag AWS Solutions checks', () => {
  /** Synthesizes with the rule pack as `cdk synth` does; an unacknowledged finding throws. */
  const synthWithNag = (build: (app: App) => void) => {
    const app = cdkApp();
    build(app);
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
    return () => app.synth();
  };

  it('finds nothing unacknowledged in the Cognito stack', () => {
    expect(synthWithNag((app) => new InventoryApiStack(app, 'Nag'))).not.toThrow();
  });

  it('finds nothing unacknowledged in the OIDC stack', () => {
    expect(
      synthWithNag((app) => new InventoryApiStack(app, 'Nag', { oidc: { issuer: 'https://id.example.com', audience: 'inventory' } })),
    ).not.toThrow();
  });

  it('does fail a synth on an unacknowledged finding', () => {
    expect(synthWithNag((app) => new UserPool(new Stack(app, 'Bare'), 'Pool'))).toThrow(/AwsSolutions-COG/);
  });
});
