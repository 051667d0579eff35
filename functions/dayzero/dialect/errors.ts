import * as z from 'zod/mini';
import { InvalidCursorError } from '#shared/domain/errors';
import type { FieldIssue, KnownError } from '#shared/http/errors';
import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';

/** FastAPI's two error bodies: {"detail": "..."} and, for 422, the list of pydantic errors. */
const ValidationEntry = z.object({ type: z.string(), loc: z.array(z.union([z.string(), z.int()])), msg: z.string(), input: z.unknown() });
export const ErrorResponse = z.object({ detail: z.union([z.string(), z.array(ValidationEntry)]) });
type ValidationEntry = z.output<typeof ValidationEntry>;

const detail = (statusCode: number, text: string, headers?: Record<string, string>): HttpResponse => ({
  statusCode,
  body: { detail: text },
  ...(headers ? { headers } : {}),
});

/** pydantic's words for text that is no integer (a query parameter is text); the schemas that parse one use them as their message. */
export const INT_PARSING = 'Input should be a valid integer, unable to parse string as an integer';

/** One zod issue in pydantic v2's words, so clients parsing FastAPI errors keep working. */
function pydanticEntry(issue: FieldIssue): ValidationEntry {
  const loc = [issue.location, ...issue.path];
  const p = issue.params ?? {};
  const input = issue.input ?? null;
  if (issue.code === 'invalid_type' && issue.input === undefined) return { type: 'missing', loc, msg: 'Field required', input };
  if (issue.message === INT_PARSING) return { type: 'int_parsing', loc, msg: INT_PARSING, input };
  switch (issue.code) {
    case 'invalid_type':
      if (p.expected === 'string') return { type: 'string_type', loc, msg: 'Input should be a valid string', input };
      if (p.expected === 'int' && typeof issue.input === 'number')
        return { type: 'int_from_float', loc, msg: 'Input should be a valid integer, got a number with a fractional part', input };
      if (p.expected === 'int') return { type: 'int_type', loc, msg: 'Input should be a valid integer', input };
      if (p.expected === 'number') return { type: 'float_type', loc, msg: 'Input should be a valid number', input };
      if (p.expected === 'object')
        return { type: 'model_attributes_type', loc, msg: 'Input should be a valid dictionary or object to extract fields from', input };
      return { type: `${p.expected ?? 'value'}_type`, loc, msg: `Input should be a valid ${p.expected ?? 'value'}`, input };
    case 'too_small':
      return p.origin === 'string'
        ? { type: 'string_too_short', loc, msg: `String should have at least ${p.minimum} character${p.minimum === 1 ? '' : 's'}`, input }
        : { type: 'greater_than_equal', loc, msg: `Input should be greater than or equal to ${p.minimum}`, input };
    case 'too_big':
      return p.origin === 'string'
        ? { type: 'string_too_long', loc, msg: `String should have at most ${p.maximum} characters`, input }
        : { type: 'less_than_equal', loc, msg: `Input should be less than or equal to ${p.maximum}`, input };
    case 'invalid_value':
      return {
        type: 'enum',
        loc,
        msg: `Input should be ${(p.values ?? [])
          .map((value) => `'${String(value)}'`)
          .join(', ')
          .replace(/, ([^,]*)$/, ' or $1')}`,
        input,
      };
    case 'invalid_format':
      return { type: 'datetime_from_date_parsing', loc, msg: 'Input should be a valid datetime', input };
    default:
      return { type: 'value_error', loc, msg: issue.message, input };
  }
}

export const SKU_TAKEN = 'Variant with same SKU already exists';

export const dayzero: Dialect = {
  errorResponse(error: KnownError): HttpResponse {
    switch (error.kind) {
      case 'unreadable-body':
        return error.reason === 'missing'
          ? { statusCode: 422, body: { detail: [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }] } }
          : {
              statusCode: 422,
              body: {
                detail: [
                  {
                    type: 'json_invalid',
                    loc: ['body', 0],
                    msg: error.reason === 'malformed' ? 'JSON decode error' : error.message,
                    input: {},
                  },
                ],
              },
            };
      case 'validation':
        return { statusCode: 422, body: { detail: error.issues.map(pydanticEntry) } };
      case 'business-rule':
        // A cursor is a query parameter: FastAPI answers a bad one as a validation error of it.
        if (error instanceof InvalidCursorError)
          return {
            statusCode: 422,
            body: {
              detail: [{ type: 'value_error', loc: ['query', 'cursor'], msg: `Value error, ${error.message}`, input: error.cursor }],
            },
          };
        return detail(400, error.message);
      case 'unauthenticated':
        return detail(401, 'Not authenticated');
      case 'forbidden':
        return detail(403, 'Not enough permissions');
      case 'not-found':
        return detail(404, error.message);
      case 'conflict':
        return detail(409, SKU_TAKEN);
      case 'idempotency-key':
        return detail(error.reason === 'reused' ? 422 : 409, error.message);
      case 'unavailable':
        return detail(503, 'Service temporarily unavailable, please retry', { 'retry-after': String(error.retryAfterSeconds) });
    }
  },
  unexpectedErrorResponse: () => detail(500, 'Internal Server Error'),
};
