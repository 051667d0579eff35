import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { lambdaContext, toApiGatewayEvent, type LocalRequest } from '#scripts/local/apiGatewayEvent';
import { assertMatchesContract } from '#test/support/openapi';

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: any;
}

export interface Call {
  path: string;
  routeKey: string;
  pathParameters?: Record<string, string>;
  query?: string;
  headers?: Record<string, string | undefined>;
  /** An object is sent as JSON with a JSON content type; a string is sent as is. */
  body?: unknown;
}

/** Invokes a handler with the API Gateway v2 event a real request would produce, and checks the reply against docs/openapi.json. */
export async function invoke(handler: LambdaHandler, call: Call): Promise<Reply> {
  const isRaw = typeof call.body === 'string' || call.body === undefined;
  const request: LocalRequest = {
    // The method is the route key's: "GET /v1/inventory/{id}".
    method: call.routeKey.split(' ')[0]!,
    path: call.path,
    routeKey: call.routeKey,
    ...(call.pathParameters ? { pathParameters: call.pathParameters } : {}),
    ...(call.query ? { rawQueryString: call.query } : {}),
    headers: { ...(isRaw ? {} : { 'content-type': 'application/json' }), ...call.headers },
    ...(call.body === undefined ? {} : { body: isRaw ? (call.body as string) : JSON.stringify(call.body) }),
  };
  const result = await handler(toApiGatewayEvent(request), lambdaContext('test'));
  const text = result.body ?? '';
  const reply = {
    status: result.statusCode ?? 0,
    headers: (result.headers ?? {}) as Record<string, string>,
    body: text ? JSON.parse(text) : undefined,
  };
  // Every response any test sees must be one the OpenAPI document promises.
  assertMatchesContract(call.routeKey, reply.status, reply.body);
  return reply;
}
