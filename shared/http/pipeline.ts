import middy, { type MiddlewareObj, type Request } from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import type { $ZodType } from 'zod/v4/core';
import { hasAnyPermission, principalFromClaims, type Principal } from '#shared/auth/principal';
import { createTokenVerifier } from '#shared/auth/verifier';
import { config } from '#shared/config';
import { DomainError, type UnavailableError } from '#shared/domain/errors';
import type { HeaderCheck, RouteRequestContract } from '#shared/http/contract';
import {
  ForbiddenError,
  RequestError,
  UnauthenticatedError,
  UnreadableBodyError,
  ValidationError,
  type FieldIssue,
  type KnownError,
} from '#shared/http/errors';
import { withIdempotency, type AttachAnswer, type IdempotencyPort } from '#shared/http/idempotency';
import { firstMalformedString, isWellFormed, jsonDepth, MAX_JSON_DEPTH } from '#shared/http/input';
import { toLambdaResult, type HttpEvent, type HttpResponse } from '#shared/http/response';
import { requestTelemetry, type TelemetryPorts } from '#shared/http/telemetry';
import { logger } from '#shared/observability/telemetry';
import { sideBySide } from '#shared/domain/concurrency';

/** How one vendor API spells its errors. */
export interface Dialect {
  errorResponse(error: KnownError): HttpResponse;
  /** The body of a 500: generic, with nothing from the failure in it. */
  unexpectedErrorResponse(): HttpResponse;
}

/** What the pipeline needs from outside HTTP, given once by a composition root (functions/commons/route.ts, sealingRoute.ts). */
export interface PipelinePorts extends TelemetryPorts {
  idempotency: IdempotencyPort;
  /** The header checks its root runs (each throws the route's error); a route declaring another fails at load. */
  headerChecks: Partial<Record<HeaderCheck, (value: string, principal: Principal) => Promise<void>>>;
  /** Recognises a transient storage fault (answered 503 with Retry-After). */
  asUnavailable(error: unknown): UnavailableError | undefined;
  /** Runs one request with its own count of DynamoDB round trips (read back by `roundTrips`). */
  countingRoundTrips<T>(work: () => Promise<T>): Promise<T>;
}

export interface RouteRequest<Body, Path, Query> {
  body: Body;
  path: Path;
  query: Query;
  /** Lower-cased header names. */
  headers: Record<string, string | undefined>;
  principal: Principal;
  requestId: string;
  /** With an Idempotency-Key, commits the answer together with the command's write (see shared/domain/attachment). */
  attach: AttachAnswer;
}

type Out<S> = S extends $ZodType ? z.output<S> : undefined;

export interface RouteSpec<C extends RouteRequestContract> {
  /** The route's `request` from its contract.ts. */
  request: C;
  dialect: Dialect;
  /** Any one of these token permissions allows the call; none of them is a 403. Empty: any token of the tenant (reads). */
  permissions: readonly string[];
  handle(request: RouteRequest<Out<C['body']>, Out<C['path']>, Out<C['query']>>): Promise<HttpResponse>;
}

/**
 * Largest request body a route accepts unless its contract declares its own. Every
 * vendor route's body is well under 4 KiB; the limit keeps parsing and validation cheap
 * whatever a client sends.
 */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The shared middy pipeline, bound to its ports. Every request goes one way:
 * headers → token → tenant and permission → declared headers present → JSON body →
 * zod (body, path, query) → declared header checks → Idempotency-Key → handler →
 * the dialect's envelope for any failure.
 */
export function createPipeline(ports: PipelinePorts) {
  // Built at cold start: a missing setting throws here, before the first request.
  const settings = config();
  const verifyToken = createTokenVerifier(settings.auth);

  return function route<C extends RouteRequestContract>(spec: RouteSpec<C>) {
    const contract = spec.request;
    const declared = contract.headers ?? [];
    for (const { name, check } of declared) {
      if (check && !ports.headerChecks[check]) throw new Error(`The ${name} header's ${check} check is not given to this route's pipeline`);
    }

    const run = async (event: HttpEvent, context: AuthenticatedContext): Promise<APIGatewayProxyStructuredResultV2> => {
      const issues: FieldIssue[] = [];
      const body = parse(contract.body, event.body, 'body', issues);
      const path = parse(contract.path, wellFormedParameters(event.pathParameters, 'path', issues), 'path', issues);
      const query = parse(contract.query, wellFormedParameters(event.queryStringParameters, 'query', issues), 'query', issues);
      if (issues.length > 0) throw new ValidationError(issues);

      const principal = context.principal;
      const checkHeaders = () =>
        sideBySide(
          declared.flatMap(({ name, check }) =>
            check && event.headers[name.toLowerCase()] !== undefined
              ? [ports.headerChecks[check]!(event.headers[name.toLowerCase()]!, principal)]
              : [],
          ),
        );
      const handle = (attach: AttachAnswer) =>
        spec.handle({
          body: body as never,
          path: path as never,
          query: query as never,
          headers: event.headers,
          principal,
          requestId: context.awsRequestId,
          attach,
        });

      let response: HttpResponse;
      if (event.requestContext.http.method === 'GET') {
        // A read writes nothing: its header checks run beside it, and a refused header still wins.
        const [headers, result] = await Promise.allSettled([checkHeaders(), handle(() => undefined)]);
        if (headers.status === 'rejected') throw headers.reason;
        if (result.status === 'rejected') throw result.reason;
        response = result.value;
      } else {
        await checkHeaders();
        const lockSeconds = Math.ceil(context.getRemainingTimeInMillis() / 1000) + 1;
        response = await withIdempotency(ports.idempotency, { tenantId: principal.tenantId, event, body: event.body, lockSeconds }, handle);
      }
      return toLambdaResult(response, context.awsRequestId);
    };

    // A handler still running 1 s before the function's timeout is abandoned and answered
    // with the route's 503 (middy throws a TimeoutError), never with API Gateway's bare error.
    const handler = middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext>({ timeoutEarlyInMillis: 1_000 })
      .use(requestTelemetry(ports))
      .use(httpHeaderNormalizer())
      .use(errorEnvelope(spec.dialect, ports))
      .use({
        before: async (request) => {
          request.context.principal = await authenticate(request.event, spec.permissions);
          requireDeclaredHeaders(request.event, declared);
        },
      })
      .use(contract.body ? [jsonBody(contract.maxBodyBytes ?? MAX_BODY_BYTES)] : [])
      .handler(run);
    return (event: HttpEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
      ports.countingRoundTrips(() => handler(event, context as AuthenticatedContext));
  };

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
    if (!principal) throw new UnauthenticatedError(`Token has no ${settings.tenantClaim} claim`);
    if (!hasAnyPermission(principal, permissions)) throw new ForbiddenError('Token lacks the permission for this operation');
    return principal;
  }
}

/** The Lambda context once the token has been verified. */
interface AuthenticatedContext extends Context {
  principal: Principal;
}

/** A declared header that is required must be there, before anything is read, claimed or written. */
function requireDeclaredHeaders(event: HttpEvent, declared: NonNullable<RouteRequestContract['headers']>): void {
  for (const header of declared) {
    const value = event.headers[header.name.toLowerCase()];
    if (value !== undefined && !isWellFormed(value)) {
      throw new ValidationError([
        { location: 'header', path: [header.name], code: 'invalid', message: `${header.name} is not valid`, input: value },
      ]);
    }
    if (!header.required || value !== undefined) continue;
    if (header.missing === 'unauthenticated') throw new UnauthenticatedError(`${header.name} header is required`);
    throw new ValidationError([{ location: 'header', path: [header.name.toLowerCase()], code: 'invalid_type', message: 'Field required' }]);
  }
}

/** Path and query values as API Gateway decoded them; one that is not well-formed Unicode is an issue, not a key. */
function wellFormedParameters(
  parameters: Record<string, string | undefined> | undefined,
  location: 'path' | 'query',
  issues: FieldIssue[],
): Record<string, string | undefined> {
  const values = parameters ?? {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !isWellFormed(value))
      issues.push({ location, path: [name], code: 'invalid', message: `${name} is not valid text`, input: value });
  }
  return values;
}

function parse(schema: $ZodType | undefined, input: unknown, location: FieldIssue['location'], issues: FieldIssue[]): unknown {
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

/** middy's JSON parser behind the entry limits, with its errors turned into our typed error so the dialect can answer. */
function jsonBody(maxBytes: number): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext> {
  const parser = httpJsonBodyParser();
  return {
    before: async (request) => {
      const { body, headers } = request.event;
      if (body === undefined || body === null || body === '') {
        throw new UnreadableBodyError('Request body is required', 'missing');
      }
      if (Buffer.byteLength(body, request.event.isBase64Encoded ? 'base64' : 'utf8') > maxBytes) {
        throw new UnreadableBodyError(`Request body exceeds ${maxBytes} bytes`, 'too-large');
      }
      if (!/^application\/(.+\+)?json($|;.+)/.test(headers['content-type'] ?? '')) {
        throw new UnreadableBodyError('Content-Type must be application/json', 'content-type');
      }
      if (!request.event.isBase64Encoded && jsonDepth(body) > MAX_JSON_DEPTH) {
        throw new UnreadableBodyError(`Request body is nested deeper than ${MAX_JSON_DEPTH} levels`, 'malformed');
      }
      try {
        await parser.before!(request as never);
      } catch {
        throw new UnreadableBodyError('Request body is not valid JSON', 'malformed');
      }
      const malformedAt = firstMalformedString(request.event.body);
      if (malformedAt)
        throw new UnreadableBodyError(
          `Request body holds text that is not valid Unicode at ${malformedAt.join('.') || '(root)'}`,
          'malformed',
        );
    },
  };
}

/** Last line of defence: typed errors become the dialect's envelope, anything else a masked 500. */
function errorEnvelope(
  dialect: Dialect,
  ports: PipelinePorts,
): MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext> {
  return {
    onError: async (request: Request<HttpEvent, APIGatewayProxyStructuredResultV2, Error, AuthenticatedContext>) => {
      const requestId = request.context.awsRequestId;
      const error = request.error;
      const known = error instanceof DomainError || error instanceof RequestError ? (error as KnownError) : ports.asUnavailable(error);
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

/** The fault behind a 500 or 503, with its stack: the client got nothing of it. */
function logFault(error: unknown, requestId: string): void {
  logger.error('request failed', { function_request_id: requestId, error: error instanceof Error ? error : String(error) });
}
