import type { BusinessRuleError, ConflictError, NotFoundError, UnavailableError } from '#shared/domain/errors';

/**
 * Failures of the request itself, found by the pipeline before any domain command
 * runs: the token, the body, the declared headers, the Idempotency-Key.
 */
export interface FieldIssue {
  /** Path of the offending value inside the request part, e.g. ['initialQty']. */
  path: (string | number)[];
  /** Where the value came from. */
  location: 'body' | 'query' | 'path' | 'header';
  message: string;
  /** Machine-readable reason, e.g. 'missing', 'int_parsing', 'too_small'. */
  code: string;
  input?: unknown;
  /** The validator's parameters for the failed rule (expected type, minimum, allowed values...). */
  params?: {
    expected?: string;
    origin?: string;
    minimum?: number | bigint;
    maximum?: number | bigint;
    values?: readonly unknown[];
    format?: string;
  };
}

export abstract class RequestError extends Error {
  abstract readonly kind: 'unreadable-body' | 'validation' | 'unauthenticated' | 'forbidden' | 'idempotency-key';
}

/** The request could not be read at all: no body, not JSON, wrong content type, too large or too deep. */
export class UnreadableBodyError extends RequestError {
  readonly kind = 'unreadable-body';
  constructor(
    message: string,
    readonly reason: 'missing' | 'malformed' | 'content-type' | 'too-large',
  ) {
    super(message);
  }
}

/** One or more request values break the contract. */
export class ValidationError extends RequestError {
  readonly kind = 'validation';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

export class UnauthenticatedError extends RequestError {
  readonly kind = 'unauthenticated';
}

export class ForbiddenError extends RequestError {
  readonly kind = 'forbidden';
}

/** An Idempotency-Key was reused for a different request, or its first request is still running. */
export class IdempotencyKeyError extends RequestError {
  readonly kind = 'idempotency-key';
  constructor(
    readonly reason: 'reused' | 'in-progress',
    message: string,
  ) {
    super(message);
  }
}

/** Every typed failure, as a union a dialect can switch over exhaustively. */
export type KnownError =
  | UnreadableBodyError
  | ValidationError
  | UnauthenticatedError
  | ForbiddenError
  | IdempotencyKeyError
  | BusinessRuleError
  | NotFoundError
  | ConflictError
  | UnavailableError;
