import { BusinessRuleError } from '#shared/domain/errors';

/** The last key a Query read, as an opaque cursor (null: that was the last page). */
export function encodeCursor(lastKey: Record<string, unknown> | undefined): string | null {
  return lastKey ? Buffer.from(JSON.stringify(lastKey)).toString('base64url') : null;
}

/**
 * A cursor back into the key it was made from, only if it could have come from this very
 * query: exactly the expected attributes, each a string its check accepts (the tenant's
 * partition, the query's prefix). Anything else is a 400, never a read elsewhere.
 */
export function decodeCursor(cursor: string, checks: Record<string, (value: string) => boolean>): Record<string, string> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalidCursor();
  const entries = Object.entries(decoded);
  const names = Object.keys(checks);
  if (entries.length !== names.length) throw invalidCursor();
  for (const [name, value] of entries) {
    if (!Object.hasOwn(checks, name) || typeof value !== 'string' || !checks[name]!(value)) throw invalidCursor();
  }
  return decoded as Record<string, string>;
}

const invalidCursor = () => new BusinessRuleError('cursor is not valid; use the nextCursor of a previous page of this list', 'cursor');
