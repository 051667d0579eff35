import { CfnOutput, Duration, RemovalPolicy, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  CorsHttpMethod,
  HttpApi,
  HttpMethod,
  HttpStage,
  LogGroupLogDestination,
  type CorsPreflightOptions,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
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
import { AttributeType, Billing, StreamViewType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import {
  COGNITO_ADMINS_GROUP,
  COGNITO_WRITERS_GROUP,
  isReservedAccessTokenClaim,
  TENANT_ATTRIBUTE_NAME,
} from '../shared/auth/cognitoAccessToken.ts';
import { DEFAULT_ADMIN_SCOPE, DEFAULT_TENANT_CLAIM, DEFAULT_WRITE_SCOPE } from '../shared/config.ts';
import { ENTITY, INDEXES, TABLE } from '../shared/store/table.ts';
import { InventoryFunction, type InventoryFunctionProps, type LogLevel } from './inventoryFunction.ts';
import { Monitoring } from './monitoring.ts';
import { grantedActions, handlerEntry, ROUTES } from '../functions/routes.ts';

/** Bring-your-own OIDC issuer instead of the stack's Cognito user pool. */
export interface OidcIssuerSettings {
  issuer: string;
  audience: string;
  jwksUri?: string;
}

export interface InventoryApiStackProps extends StackProps {
  /** When set, tokens come from this issuer and no user pool is created. */
  oidc?: OidcIssuerSettings;
  /** Claim that names the caller's tenant (default `tenant_id`). */
  tenantClaim?: string;
  /** Scope, group or role that allows writes (default `inventory/write`); with the stack's user pool, a resource-server scope. */
  writePermission?: string;
  /** Scope, group or role of the catalog administration routes (default `inventory/admin`); with the stack's user pool, a resource-server scope. */
  adminPermission?: string;
  /** Disposable stack: table and logs are destroyed with it, no deletion protection. */
  dev?: boolean;
  throttling?: { rateLimit: number; burstLimit: number };
  /** Allowed origins for browser calls; CORS stays off when empty. */
  corsOrigins?: string[];
  /** An existing Secrets Manager secret holding the Stripe secret key; one is created otherwise. */
  stripeSecretArn?: string;
  /** Subscribed by email to the alarm topic. */
  alarmEmail?: string;
  /** Functions' log level (default INFO) and share of requests logged at DEBUG (default 0.01). */
  logLevel?: LogLevel;
  debugSampleRate?: number;
  /** Retention of every log group, the functions' and the API access logs (default one month). */
  logRetention?: RetentionDays;
  /** An existing EventBridge bus for the InventoryLowStock events; one is created otherwise. */
  eventBusName?: string;
}

export class InventoryApiStack extends Stack {
  /** Every function, by name, for the alarms and the dashboard. */
  private readonly functions: Record<string, IFunction> = {};
  private readonly logs: { retention: RetentionDays; level: LogLevel; debugSampleRate: number };

  constructor(scope: Construct, id: string, props: InventoryApiStackProps = {}) {
    super(scope, id, props);
    const removalPolicy = props.dev ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    this.logs = {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      level: props.logLevel ?? 'INFO',
      debugSampleRate: props.debugSampleRate ?? 0.01,
    };

    const table = new TableV2(this, 'Table', {
      partitionKey: { name: TABLE.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TABLE.sortKey, type: AttributeType.STRING },
      billing: Billing.onDemand(),
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: !props.dev,
      removalPolicy,
      timeToLiveAttribute: TABLE.timeToLiveAttribute,
      dynamoStream: StreamViewType[TABLE.streamView],
      globalSecondaryIndexes: INDEXES.map((index) => ({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
      })),
    });

    const claims: TokenClaims = {
      tenantClaim: props.tenantClaim ?? DEFAULT_TENANT_CLAIM,
      writePermission: props.writePermission ?? DEFAULT_WRITE_SCOPE,
      adminPermission: props.adminPermission ?? DEFAULT_ADMIN_SCOPE,
    };
    if (claims.adminPermission === claims.writePermission)
      throw new Error('adminPermission must differ from writePermission: a writer is not an administrator.');
    const auth = props.oidc ? oidcEnvironment(props.oidc, claims) : this.cognitoEnvironment(removalPolicy, claims);

    const accessLogs = new LogGroup(this, 'ApiAccessLogs', { retention: this.logs.retention, removalPolicy });
    const api = new HttpApi(this, 'Api', {
      apiName: 'inventory-api',
      createDefaultStage: false,
      ...(props.corsOrigins?.length ? { corsPreflight: corsFor(props.corsOrigins) } : {}),
    });
    const stage = new HttpStage(this, 'DefaultStage', {
      httpApi: api,
      autoDeploy: true,
      throttle: props.throttling ?? { rateLimit: 100, burstLimit: 200 },
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });

    for (const route of ROUTES) {
      const fn = this.inventoryFunction(route.name, {
        entry: handlerEntry(route),
        table: { table, actions: grantedActions(route), ...(route.indexes ? { indexes: route.indexes } : {}) },
        environment: auth,
        removalPolicy,
      });
      // One invoke permission per function for this API, not one per path: a CloudFormation stack
      // holds at most 500 resources, and each path's own permission (OrderCloud routes have two)
      // would spend one. The API invokes a function only from the routes integrated with it.
      const integration = new HttpLambdaIntegration(`${route.name}Integration`, fn, { scopePermissionToRoute: false });
      for (const path of route.paths) {
        for (const apiRoute of api.addRoutes({ path, methods: [HttpMethod[route.method]], integration })) {
          Validations.of(apiRoute).acknowledge({
            id: 'AwsSolutions-APIG4',
            reason:
              "Every function verifies the JWT itself (aws-jwt-verify: signature, issuer, audience, expiry) so that a refused token is answered in the route's own documented error envelope, which an API Gateway authorizer cannot produce.",
          });
        }
      }
    }

    const stripeSync = this.stripeSync(table, removalPolicy, props);
    const lowStockEvents = this.lowStockEvents(table, removalPolicy, props.eventBusName);

    const monitoring = new Monitoring(this, 'Monitoring', {
      routes: ROUTES,
      functions: this.functions,
      table,
      stripeSync,
      lowStockEvents,
      ...(props.alarmEmail ? { alarmEmail: props.alarmEmail } : {}),
      removalPolicy,
    });

    new CfnOutput(this, 'ApiUrl', { value: stage.url });
    new CfnOutput(this, 'AlarmTopicArn', { value: monitoring.topic.topicArn });
    new CfnOutput(this, 'TableName', { value: table.tableName });
  }

  /**
   * The Stripe sync: a function fed by the table's stream, filtered to new outbox
   * entries, retried with backoff and bisection, then parked in a dead-letter queue.
   */
  private stripeSync(
    table: TableV2,
    removalPolicy: RemovalPolicy,
    props: InventoryApiStackProps,
  ): { function: IFunction; deadLetters: Queue } {
    const secret = props.stripeSecretArn
      ? Secret.fromSecretCompleteArn(this, 'StripeSecretKey', props.stripeSecretArn)
      : new Secret(this, 'StripeSecretKey', {
          description: 'Stripe secret API key (sk_live_... or sk_test_...) used by the Stripe sync',
          removalPolicy,
        });
    if (secret instanceof Secret) {
      Validations.of(secret).acknowledge({
        id: 'AwsSolutions-SMG4',
        reason: 'A Stripe API key is rolled in the Stripe dashboard, not by a Lambda rotation; the new key is pasted into this secret.',
      });
    }
    const deadLetters = new Queue(this, 'StripeSyncDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the Stripe sync.',
    });

    const sync = this.inventoryFunction('syncStripe', {
      entry: 'functions/syncStripe/handler.ts',
      // Product: read its Stripe ID (Get), keep the first one (Update); a change reads the variant (Get) and its product's
      // other variants (Query); variant and task: one transaction (Update, Delete).
      table: { table, actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'] },
      environment: { STRIPE_SECRET_ARN: secret.secretArn },
      timeout: Duration.minutes(1),
      removalPolicy,
    });
    secret.grantRead(sync);
    sync.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { [TABLE.typeAttribute]: { S: FilterRule.or(ENTITY.StripeSyncTask, ENTITY.StripeChangeTask) } } },
          }),
        ],
      }),
    );
    new CfnOutput(this, 'StripeSecretArn', { value: secret.secretArn });
    new CfnOutput(this, 'StripeSyncDeadLetterQueueUrl', { value: deadLetters.queueUrl });
    return { function: sync, deadLetters };
  }

  /** A function with the stack's log settings, registered for the alarms and the dashboard. */
  private inventoryFunction(name: string, props: Omit<InventoryFunctionProps, 'logRetention' | 'logging'>): NodejsFunction {
    const { function: fn } = new InventoryFunction(this, name, {
      ...props,
      logRetention: this.logs.retention,
      logging: { level: this.logs.level, debugSampleRate: this.logs.debugSampleRate },
    });
    this.functions[name] = fn;
    return fn;
  }

  /**
   * InventoryLowStock events: the stream's new LowStockEvent outbox entries (one per
   * crossing into low stock, written by the movement's transaction) go to an EventBridge
   * bus, with retries, bisection and a dead-letter queue.
   */
  private lowStockEvents(
    table: TableV2,
    removalPolicy: RemovalPolicy,
    eventBusName: string | undefined,
  ): { function: IFunction; deadLetters: Queue } {
    const bus = eventBusName ? EventBus.fromEventBusName(this, 'InventoryEvents', eventBusName) : new EventBus(this, 'InventoryEvents');
    const deadLetters = new Queue(this, 'LowStockEventDeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(deadLetters).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter destination of the low-stock event publisher.',
    });
    const publisher = this.inventoryFunction('publishLowStock', {
      entry: 'functions/publishLowStock/handler.ts',
      // Is the crossing still owed (GetItem), then its outbox entry is removed (DeleteItem).
      table: { table, actions: ['dynamodb:DeleteItem', 'dynamodb:GetItem'] },
      environment: { EVENT_BUS_NAME: bus.eventBusName },
      timeout: Duration.minutes(1),
      removalPolicy,
    });
    bus.grantPutEventsTo(publisher);
    publisher.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 8,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        onFailure: new SqsDlq(deadLetters),
        filters: [
          FilterCriteria.filter({
            eventName: FilterRule.isEqual('INSERT'),
            dynamodb: { NewImage: { [TABLE.typeAttribute]: { S: FilterRule.isEqual(ENTITY.LowStockEvent) } } },
          }),
        ],
      }),
    );
    new CfnOutput(this, 'InventoryEventBusName', { value: bus.eventBusName });
    new CfnOutput(this, 'LowStockEventDeadLetterQueueUrl', { value: deadLetters.queueUrl });
    return { function: publisher, deadLetters };
  }

  /**
   * The stack's own user pool. A user carries its tenant in an immutable custom
   * attribute; writers are members of a group. Cognito puts neither custom
   * attributes nor custom scopes in access tokens from its sign-in API, so a pre
   * token generation trigger (event version 2, Essentials plan) copies the tenant
   * into a claim and grants the resource server's write scope to writers only.
   */
  private cognitoEnvironment(
    removalPolicy: RemovalPolicy,
    { tenantClaim, writePermission, adminPermission }: TokenClaims,
  ): Record<string, string> {
    if (isReservedAccessTokenClaim(tenantClaim)) {
      throw new Error(`tenantClaim "${tenantClaim}" is set by Cognito itself; choose another claim name.`);
    }
    const writeScope = resourceServerScope(writePermission, 'writePermission');
    const adminScope = resourceServerScope(adminPermission, 'adminPermission');

    const userPool = new UserPool(this, 'UserPool', {
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

    const customizeAccessToken = this.inventoryFunction('customizeAccessToken', {
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
    const client = new UserPoolClient(this, 'UserPoolClient', {
      userPool,
      authFlows: { userSrp: true, adminUserPassword: true },
      disableOAuth: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      preventUserExistenceErrors: true,
    });
    new CfnUserPoolGroup(this, 'WritersGroup', {
      userPoolId: userPool.userPoolId,
      groupName: COGNITO_WRITERS_GROUP,
      description: `Members get the ${writeScope.scope} scope: they may create variants and inventory records`,
    });
    new CfnUserPoolGroup(this, 'AdminsGroup', {
      userPoolId: userPool.userPoolId,
      groupName: COGNITO_ADMINS_GROUP,
      description: `Members get the ${adminScope.scope} scope: they may import and export the catalog, manage merchant API keys and business settings`,
    });
    // The OrderCloud route asks for OrderCloud's own roles, which Cognito lists in cognito:groups.
    new CfnUserPoolGroup(this, 'OrderCloudProductAdminGroup', {
      userPoolId: userPool.userPoolId,
      groupName: 'ProductAdmin',
      description: 'OrderCloud role: may create variant inventory records',
    });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    return {
      COGNITO_USER_POOL_ID: userPool.userPoolId,
      COGNITO_CLIENT_ID: client.userPoolClientId,
      COGNITO_TOKEN_USE: 'access',
      TENANT_CLAIM: tenantClaim,
      WRITE_SCOPE: writeScope.scope,
      ADMIN_SCOPE: adminScope.scope,
    };
  }
}

/** What the functions read from a token: the tenant's claim and the permission that writes. */
interface TokenClaims {
  tenantClaim: string;
  writePermission: string;
  adminPermission: string;
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

/** One JSON line per request: enough to find a failing call and its Lambda request. */
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    routeKey: '$context.routeKey',
    status: '$context.status',
    ip: '$context.identity.sourceIp',
    requestTime: '$context.requestTime',
    latencyMs: '$context.responseLatency',
    integrationRequestId: '$context.integration.requestId',
    integrationError: '$context.integrationErrorMessage',
  }),
);

function corsFor(origins: string[]): CorsPreflightOptions {
  return {
    allowOrigins: origins,
    allowMethods: [...new Set(ROUTES.map((route) => CorsHttpMethod[route.method]))],
    allowHeaders: ['authorization', 'content-type', 'x-business-id', 'x-merchantapikey', 'idempotency-key'],
    maxAge: Duration.hours(1),
  };
}
