import { Duration, Validations, type RemovalPolicy } from 'aws-cdk-lib';
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
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { grantedActions, handlerEntry, ROUTES } from '../functions/routes.ts';
import type { FunctionFactory } from './inventoryFunction.ts';

export interface HttpApiProps {
  table: TableV2;
  /** The token settings every route's function verifies with. */
  tokenEnvironment: Record<string, string>;
  /** The secret list cursors are sealed with: read by the routes that seal or open one, and by no other. */
  sealingSecret: ISecret;
  throttling?: { rateLimit: number; burstLimit: number };
  /** Allowed origins for browser calls; CORS stays off when empty. */
  corsOrigins?: string[];
  logRetention: RetentionDays;
  removalPolicy: RemovalPolicy;
  inventoryFunction: FunctionFactory;
}

/** The HTTP API: one function per route of the registry, its stage throttled and access-logged. Returns the stage. */
export function httpApi(scope: Construct, props: HttpApiProps): HttpStage {
  const { removalPolicy } = props;
  const accessLogs = new LogGroup(scope, 'ApiAccessLogs', { retention: props.logRetention, removalPolicy });
  const api = new HttpApi(scope, 'Api', {
    apiName: 'inventory-api',
    createDefaultStage: false,
    ...(props.corsOrigins?.length ? { corsPreflight: corsFor(props.corsOrigins) } : {}),
  });
  const stage = new HttpStage(scope, 'DefaultStage', {
    httpApi: api,
    autoDeploy: true,
    throttle: props.throttling ?? { rateLimit: 100, burstLimit: 200 },
    accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
  });

  for (const route of ROUTES) {
    const fn = props.inventoryFunction(route.name, {
      entry: handlerEntry(route),
      table: { table: props.table, actions: grantedActions(route), ...(route.indexes ? { indexes: route.indexes } : {}) },
      environment: route.needsSealingSecret
        ? { ...props.tokenEnvironment, CURSOR_SECRET_ARN: props.sealingSecret.secretArn }
        : props.tokenEnvironment,
      removalPolicy,
    });
    if (route.needsSealingSecret) props.sealingSecret.grantRead(fn);
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
  return stage;
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
