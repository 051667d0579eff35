import { UnavailableError } from '#shared/domain/errors';
import { cancellationReasons, onlyConflicts } from '#shared/store/transactions';

/** Errors that mean "the database could not serve this now": the client should retry. */
const RETRYABLE_NAMES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'TransactionInProgressException',
  'InternalServerError',
  'ServiceUnavailable',
  'LimitExceededException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
]);

const NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

/** Seconds a client is asked to wait before retrying after a database fault. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * Recognises a transient DynamoDB or network fault (after the SDK's own retries)
 * and turns it into the domain's UnavailableError; anything else gives undefined.
 */
export function asUnavailable(error: unknown): UnavailableError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const reasons = cancellationReasons(error);
  const retryable =
    RETRYABLE_NAMES.has(error.name) ||
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    (reasons !== undefined && onlyConflicts(reasons));
  return retryable ? new UnavailableError(RETRY_AFTER_SECONDS) : undefined;
}
