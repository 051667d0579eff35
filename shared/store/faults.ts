import { UnavailableError } from '#shared/domain/errors';

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
 * and turns it into a typed UnavailableError; anything else is returned unchanged.
 */
export function asUnavailable(error: unknown): UnavailableError | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  const retryable =
    RETRYABLE_NAMES.has(error.name) ||
    (typeof code === 'string' && NETWORK_CODES.has(code)) ||
    isConflictOnlyCancellation(error);
  return retryable ? new UnavailableError(RETRY_AFTER_SECONDS) : undefined;
}

/** A transaction cancelled only because another transaction touched the same items. */
function isConflictOnlyCancellation(error: Error): boolean {
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  const codes = reasons.map((reason) => reason.Code ?? 'None').filter((c) => c !== 'None');
  return codes.length > 0 && codes.every((c) => c === 'TransactionConflict' || c === 'ThrottlingError' || c === 'ProvisionedThroughputExceeded');
}
