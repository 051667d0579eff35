import * as z from 'zod/mini';
import { IDENTITY_RULES, wordRule, type NotFoundError, type ObjectType, type RuleWording } from '#shared/domain/errors';
import type { CatalogAdminRules, PagingRules } from '#shared/domain/rules';
import { formatPath } from '#shared/fixtures/rules';
import type { FieldIssue, KnownError } from '#shared/http/errors';
import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';

/**
 * The admin routes are our own API, not a vendor's: they answer errors as RFC 9457
 * problem details, {type, title, status, detail, errors?}, where `errors` names every
 * offending value by its JSON path in the request (body paths as written, e.g.
 * tenants[0].products[3].name; other parts prefixed: query.limit, header.Idempotency-Key).
 */
export const ProblemResponse = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  errors: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});
export type Problem = z.output<typeof ProblemResponse>;

const TITLES = {
  'unreadable-body': 'Unreadable request body',
  validation: 'Invalid request',
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'idempotency-key': 'Idempotency-Key conflict',
  unavailable: 'Service unavailable',
  unexpected: 'Internal server error',
} as const;

const problem = (
  status: number,
  kind: keyof typeof TITLES,
  detail: string,
  extra: Partial<Problem> = {},
  headers?: Record<string, string>,
): HttpResponse => ({
  statusCode: status,
  body: { type: `urn:inventory-api:problem:${kind}`, title: TITLES[kind], status, detail, ...extra },
  ...(headers ? { headers } : {}),
});

const pathOf = (issue: FieldIssue) => (issue.location === 'body' ? formatPath(issue.path) : `${issue.location}.${formatPath(issue.path)}`);

/** A broken rule in the admin API's words, with the JSON path of the value that broke it. */
interface RuleProblem {
  message: string;
  path: string;
}

/** The rules the admin routes can break. */
const RULES: RuleWording<keyof CatalogAdminRules | keyof PagingRules, RuleProblem> = {
  'import-of-other-tenant': ({ documentIndex, tenantId }) => ({
    message: `must be the tenant of the token ("${tenantId}"): an administrator imports into its own tenant only`,
    path: `tenants[${documentIndex}].id`,
  }),
  'import-too-large': ({ entries, maximum }) => ({
    message: `holds ${entries} entries (stock records included); send at most ${maximum} per request, in chunks`,
    path: 'tenants',
  }),
  'default-location-unknown': ({ locationId }) => ({ message: `no location with id "${locationId}"`, path: 'defaultLocationId' }),
  'reserved-not-imported': ({ locationId, reserved, given }) => ({
    message: `${given} reserved differs from the ${reserved} reserved at ${locationId}: reservations belong to orders, and the import does not move them`,
    path: 'reserved',
  }),
  'invalid-cursor': ({ list }) => ({
    message: list === 'catalog-export' ? 'is not a cursor of this catalog export' : 'is not a cursor of this list',
    path: 'query.cursor',
  }),
};

/** What the admin routes can find missing. */
const NOT_FOUND: Partial<Record<ObjectType, (error: NotFoundError) => string>> = {
  Tenant: () => 'The tenant has no settings yet: import a catalog first',
  MerchantApiKey: ({ objectId }) => `Merchant API key '${objectId}' not found`,
};

export const admin: Dialect = {
  errorResponse(error: KnownError): HttpResponse {
    switch (error.kind) {
      case 'unreadable-body':
        return problem(error.reason === 'too-large' ? 413 : 400, 'unreadable-body', error.message);
      case 'validation':
        return problem(422, 'validation', `${error.issues.length} problem${error.issues.length === 1 ? '' : 's'} in the request`, {
          errors: error.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })),
        });
      case 'business-rule': {
        const broken = wordRule(RULES, error);
        if (!broken) return problem(422, 'validation', error.message);
        return problem(422, 'validation', broken.message, { errors: [{ path: broken.path, message: broken.message }] });
      }
      case 'unauthenticated':
        return problem(401, 'unauthenticated', error.message);
      case 'forbidden':
        return problem(403, 'forbidden', error.message);
      case 'not-found':
        return problem(404, 'not-found', NOT_FOUND[error.objectType]?.(error) ?? error.message);
      case 'conflict':
        return problem(
          409,
          'conflict',
          error.rule === IDENTITY_RULES.merchantApiKeyUnique ? 'A key with this digest already exists; create another' : error.message,
        );
      case 'idempotency-key':
        return error.reason === 'reused' ? problem(422, 'idempotency-key', error.message) : problem(409, 'idempotency-key', error.message);
      case 'unavailable':
        return problem(
          503,
          'unavailable',
          'Service temporarily unavailable, please retry',
          {},
          { 'retry-after': String(error.retryAfterSeconds) },
        );
    }
  },
  unexpectedErrorResponse: () => problem(500, 'unexpected', 'Internal server error'),
};

/** The documented answer of each error status, for the admin routes' contracts. */
export function problemResponses(described: Partial<Record<400 | 401 | 403 | 404 | 409 | 413 | 422 | 500 | 503, string>>) {
  const examples: Record<number, Problem> = {
    400: {
      type: 'urn:inventory-api:problem:unreadable-body',
      title: TITLES['unreadable-body'],
      status: 400,
      detail: 'Request body is not valid JSON',
    },
    401: {
      type: 'urn:inventory-api:problem:unauthenticated',
      title: TITLES.unauthenticated,
      status: 401,
      detail: 'Invalid or expired token',
    },
    403: {
      type: 'urn:inventory-api:problem:forbidden',
      title: TITLES.forbidden,
      status: 403,
      detail: 'Token lacks the permission for this operation',
    },
    404: { type: 'urn:inventory-api:problem:not-found', title: TITLES['not-found'], status: 404, detail: 'Merchant API key not found' },
    409: {
      type: 'urn:inventory-api:problem:idempotency-key',
      title: TITLES['idempotency-key'],
      status: 409,
      detail: 'A request with this Idempotency-Key is still being processed; retry later',
    },
    413: {
      type: 'urn:inventory-api:problem:unreadable-body',
      title: TITLES['unreadable-body'],
      status: 413,
      detail: 'Request body exceeds 4194304 bytes',
    },
    422: {
      type: 'urn:inventory-api:problem:validation',
      title: TITLES.validation,
      status: 422,
      detail: '1 problem in the request',
      errors: [{ path: 'tenants[0].products[3].type', message: 'Invalid option: expected one of "SIMPLE"|"DIGITAL"|"VARIABLE"' }],
    },
    500: { type: 'urn:inventory-api:problem:unexpected', title: TITLES.unexpected, status: 500, detail: 'Internal server error' },
    503: {
      type: 'urn:inventory-api:problem:unavailable',
      title: TITLES.unavailable,
      status: 503,
      detail: 'Service temporarily unavailable, please retry',
    },
  };
  return Object.fromEntries(
    Object.entries(described).map(([status, description]) => [
      status,
      { description, schema: ProblemResponse, example: examples[Number(status)] },
    ]),
  );
}
