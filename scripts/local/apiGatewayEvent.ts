import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

export interface LocalRequest {
  method: string;
  /** Path as the client sent it, without the query string. */
  path: string;
  /** The matched API Gateway route, e.g. "POST /v1/inventory". */
  routeKey: string;
  pathParameters?: Record<string, string>;
  rawQueryString?: string;
  headers?: Record<string, string | undefined>;
  body?: string;
}

/** As the JSON event Lambda parses: a parameter named `__proto__` is an own property like any other, not the prototype. */
const ownProperty = (target: Record<string, string>, name: string, value: string) =>
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });

/** Builds the HTTP API (payload v2) event API Gateway would send for this request. */
export function toApiGatewayEvent(request: LocalRequest): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers ?? {})) {
    if (value !== undefined) ownProperty(headers, name.toLowerCase(), value);
  }
  const rawQueryString = request.rawQueryString ?? '';
  const query = new URLSearchParams(rawQueryString);
  const queryStringParameters: Record<string, string> = {};
  for (const name of new Set(query.keys())) ownProperty(queryStringParameters, name, query.getAll(name).join(','));
  const requestId = randomUUID();
  return {
    version: '2.0',
    routeKey: request.routeKey,
    rawPath: request.path,
    rawQueryString,
    headers,
    ...(rawQueryString ? { queryStringParameters } : {}),
    ...(request.pathParameters ? { pathParameters: request.pathParameters } : {}),
    ...(request.body === undefined ? {} : { body: request.body }),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: request.routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 30_000,
    done: () => {},
    fail: () => {},
    succeed: () => {},
  };
}

/** Matches a concrete path against an API Gateway template such as /products/{productID}. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const match = new RegExp(`^${pattern}$`).exec(path);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
}
