import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpEvent = APIGatewayProxyEventV2;

export interface HttpResponse {
  statusCode: number;
  /** Serialised as JSON; undefined sends no body (204). */
  body?: unknown;
  headers?: Record<string, string>;
}

export function toLambdaResult(response: HttpResponse, requestId: string): APIGatewayProxyStructuredResultV2 {
  const hasBody = response.body !== undefined;
  return {
    statusCode: response.statusCode,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), 'x-request-id': requestId, ...response.headers },
    body: hasBody ? JSON.stringify(response.body) : '',
  };
}
