/**
 * Typed failures raised by the domain and the HTTP pipeline. Each dialect turns
 * them into its own API's error envelope; anything else is masked as a 500.
 */
export type ObjectType =
  | 'Tenant'
  | 'Product'
  | 'Variant'
  | 'Location'
  | 'Vendor'
  | 'InventoryItem';

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
  params?: { expected?: string; origin?: string; minimum?: number | bigint; maximum?: number | bigint; values?: readonly unknown[]; format?: string };
}

export abstract class DomainError extends Error {
  abstract readonly kind: KnownError['kind'];
}

/** The request could not be read at all: no body, not JSON, wrong content type. */
export class UnreadableBodyError extends DomainError {
  readonly kind = 'unreadable-body';
  constructor(
    message: string,
    readonly reason: 'missing' | 'malformed' | 'content-type' | 'too-large',
  ) {
    super(message);
  }
}

/** One or more request values break the contract. */
export class ValidationError extends DomainError {
  readonly kind = 'validation';
  constructor(readonly issues: FieldIssue[]) {
    super(issues.map((issue) => issue.message).join('; '));
  }
}

/** A rule that needs catalog data was broken (e.g. skuId given for a SIMPLE product). */
export class BusinessRuleError extends DomainError {
  readonly kind = 'business-rule';
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
  constructor(
    readonly objectType: ObjectType,
    readonly objectId: string,
    message = `${objectType} not found`,
  ) {
    super(message);
  }
}

/** A uniqueness rule held by a conditional write refused the request. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
  constructor(
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export class UnauthenticatedError extends DomainError {
  readonly kind = 'unauthenticated';
}

export class ForbiddenError extends DomainError {
  readonly kind = 'forbidden';
}

/** The database is throttling, unreachable or conflicting: safe to retry later. */
export class UnavailableError extends DomainError {
  readonly kind = 'unavailable';
  constructor(readonly retryAfterSeconds: number) {
    super('Service temporarily unavailable');
  }
}

/** An Idempotency-Key was reused for a different request, or its first request is still running. */
export class IdempotencyKeyError extends DomainError {
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
  | BusinessRuleError
  | NotFoundError
  | ConflictError
  | UnauthenticatedError
  | ForbiddenError
  | UnavailableError
  | IdempotencyKeyError;
