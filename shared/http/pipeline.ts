import middy, { type MiddlewareObj, type Request } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { hasAnyPermission, principalFromClaims, type Principal } from '#shared/auth/principal';
import { createTokenVerifier } from '#shared/auth/verifier';
import { config } from '#shared/config';
import {
  DomainError,
  type KnownError,
  ForbiddenError,
  UnauthenticatedError,
  UnreadableBodyError,
  ValidationError,
  type FieldIssue,
} from '#shared/domain/errors';
import { documentClient } from '#shared/store/client';
import { asUnavailable } from '#shared/store/faults';
import { withIdempotency } from '#shared/http/idempotency';
import { toLambdaResult, type HttpEvent, type HttpResponse } from '#shared/http/response';

/** How one vendor API spells its errors. */
export interface Dialect {
  errorResponse(error: KnownError): HttpResponse;
  /** The body of a 500: generic, with nothing from the failure in it. */
  unexpectedErrorResponse(): HttpResponse;
}

export interface RouteRequest<Body, Path, Query> {
  body: Body;
  path: Path;
  query: Query;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  principal: Principal;
  requestId: string;
}

// Any zod 4 schema, classic or mini: parsing goes through zod/mini's functions.
type Schema = $ZodType;
type Out<S> = S extends $ZodType ? z.output<S> : undefined;

export interface RouteSpec<B extends Schema | undefined, P extends Schema | undefined, Q extends Schema | undefined> {
  dialect: Dialect;
  /** Any one of these token permissions allows the call; none of them is a 403. */
  permissions: readonly string[];
  body?: B;
  path?: P;
  query?: Q;
  handle(request: RouteRequest<Out<B>, Out<P>, Out<Q>>): Promise<HttpResponse>;
}

// Built at cold start: a missing setting throws here, before the first request.
const settings = config();
const verifyToken = createTokenVerifier(settings.auth);
// The DynamoDB client too, so its setup is paid during init, not by the first request.
documentClient();

/**
 * Wraps a route in the shared middy pipeline:
 * headers → token → tenant and permission → JSON body → zod → handler → dialect envelope.
 */
export function route<B extends Schema | undefined = undefined, P extends Schema | undefined = undefined, Q extends Schema | undefined = undefined>(
  spec: RouteSpec<B, P, Q>,
) {
  const run = async (event: HttpEvent, context: AuthenticatedContext): Promise<APIGatewayProxyStructuredResultV2> => {
    const issues: FieldIssue[] = [];
    const body = parse(spec.body, event.body, 'body', issues);
    const path = parse(spec.path, event.pathParameters ?? {}, 'path', issues);
    const query = parse(spec.query, event.queryStringParameters ?? {}, 'query', issues);
    if (issues.length > 0) throw new ValidationError(issues);

    const response = await withIdempotency(context.principal.tenantId, event, event.body, () =>
      spec.handle({
        body: body as Out<B>,
        path: path as Out<P>,
        query: query as Out<Q>,
        headers: event.headers,
        principal: context.principal,
        requestId: context.awsRequestId,
      }),
    );
    return toLambdaResult(response, context.awsRequestId);
  };

  // A handler still running 1 s before the function's timeout is abandoned and answered
  // with the route's 503 (middy throws a TimeoutError), never with API Gateway's bare error.
  return middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext>({ timeoutEarlyInMillis: 1_000 })
    .use(httpHeaderNormalizer())
    .use(errorEnvelope(spec.dialect))
    .use({
      before: async (request) => {
        request.context.principal = await authenticate(request.event, spec.permissions);
      },
    })
    .use(spec.body ? jsonBody() : {})
    .handler(run);
}

/** The Lambda context once the token has been verified. */
interface AuthenticatedContext extends Context {
  principal: Principal;
}

async function authenticate(event: HttpEvent, permissions: readonly string[]): Promise<Principal> {
  const header = event.headers.authorization;
  const token = header?.match(/^Bearer\s+(\S+)\s*$/i)?.[1];
  if (!token) throw new UnauthenticatedError('Missing bearer token');
  let claims;
  try {
    claims = await verifyToken(token);
  } catch {
    throw new UnauthenticatedError('Invalid or expired token');
  }
  const principal = principalFromClaims(claims, settings.tenantClaim);
  if (!hasAnyPermission(principal, permissions)) {
    throw new ForbiddenError('Token lacks the permission to write inventory');
  }
  return principal;
}

function parse(schema: Schema | undefined, input: unknown, location: FieldIssue['location'], issues: FieldIssue[]): unknown {
  if (!schema) return undefined;
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    issues.push({
      location,
      path: issue.path.map((segment) => (typeof segment === 'symbol' ? String(segment) : segment)),
      message: issue.message,
      code: issue.code,
      input: valueAt(input, issue.path),
      params: issueParams(issue as unknown as Record<string, unknown>),
    });
  }
  return undefined;
}

/** The parameters of a zod issue that an API may spell out in its own error format. */
function issueParams(issue: Record<string, unknown>): FieldIssue['params'] {
  const params: NonNullable<FieldIssue['params']> = {};
  for (const name of ['expected', 'origin', 'minimum', 'maximum', 'values', 'format'] as const) {
    if (issue[name] !== undefined) Object.assign(params, { [name]: issue[name] });
  }
  return params;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * Largest request body any route accepts. Every documented body is well under 4 KiB;
 * the limit keeps parsing and validation cheap whatever a client sends.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/** middy's JSON parser, with its errors turned into our typed error so the dialect can answer. */
function jsonBody(): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext> {
  const parser = httpJsonBodyParser();
  return {
    before: async (request) => {
      const { body, headers } = request.event;
      if (body === undefined || body === null || body === '') {
        throw new UnreadableBodyError('Request body is required', 'missing');
      }
      if (Buffer.byteLength(body, request.event.isBase64Encoded ? 'base64' : 'utf8') > MAX_BODY_BYTES) {
        throw new UnreadableBodyError(`Request body exceeds ${MAX_BODY_BYTES} bytes`, 'too-large');
      }
      if (!/^application\/(.+\+)?json($|;.+)/.test(headers['content-type'] ?? '')) {
        throw new UnreadableBodyError('Content-Type must be application/json', 'content-type');
      }
      try {
        await parser.before!(request as never);
      } catch {
        throw new UnreadableBodyError('Request body is not valid JSON', 'malformed');
      }
    },
  };
}

/** Last line of defence: typed errors become the dialect's envelope, anything else a masked 500. */
function errorEnvelope(dialect: Dialect): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext> {
  return {
    onError: async (request: Request<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext>) => {
      const requestId = request.context.awsRequestId;
      const error = request.error;
      const known = error instanceof DomainError ? (error as KnownError) : asUnavailable(error);
      if (known) {
        if (known.kind === 'unavailable') logFault(error, requestId);
        request.response = toLambdaResult(dialect.errorResponse(known), requestId);
        return;
      }
      logFault(error, requestId);
      request.response = toLambdaResult(dialect.unexpectedErrorResponse(), requestId);
    },
  };
}

function logFault(error: unknown, requestId: string): void {
  const detail = error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { value: String(error) };
  console.error(JSON.stringify({ level: 'ERROR', message: 'request failed', requestId, error: detail }));
}
