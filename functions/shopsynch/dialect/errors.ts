import type { Dialect } from '#shared/http/pipeline';
import type { HttpResponse } from '#shared/http/response';
import { IDENTITY_RULES } from '#shared/domain/errors';
import type { KnownError } from '#shared/http/errors';

/** ShopSynch answers every error as {"status": false, "message": "..."}. */
const fail = (statusCode: number, message: string, headers?: Record<string, string>): HttpResponse => ({
  statusCode,
  body: { status: false, message },
  ...(headers ? { headers } : {}),
});

export const DUPLICATE_RECORD_MESSAGE = 'An inventory record for this product already exists in the specified warehouse.';

export const shopsynch: Dialect = {
  errorResponse(error: KnownError): HttpResponse {
    switch (error.kind) {
      case 'unreadable-body':
      case 'validation':
      case 'business-rule':
        return fail(400, error.message);
      case 'unauthenticated':
        return fail(401, error.message);
      case 'forbidden':
        return fail(403, error.message);
      case 'not-found':
        return fail(404, error.message);
      case 'conflict':
        return fail(409, error.rule === IDENTITY_RULES.stockPerLocation ? DUPLICATE_RECORD_MESSAGE : error.message);
      case 'idempotency-key':
        return fail(error.reason === 'reused' ? 422 : 409, error.message);
      case 'unavailable':
        return fail(503, 'Service temporarily unavailable, please retry', {
          'retry-after': String(error.retryAfterSeconds),
        });
    }
  },
  unexpectedErrorResponse: () => fail(500, 'Internal server error'),
};
