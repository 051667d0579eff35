import { InvalidCursorError } from '#shared/domain/errors';

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
    throw invalidCursor(cursor);
  }
  if (decoded === null || typeof decoded !== 'object' || Array.isArray(decoded)) throw invalidCursor(cursor);
  const entries = Object.entries(decoded);
  const names = Object.keys(checks);
  if (entries.length !== names.length) throw invalidCursor(cursor);
  for (const [name, value] of entries) {
    if (!Object.hasOwn(checks, name) || typeof value !== 'string' || !checks[name]!(value)) throw invalidCursor(cursor);
  }
  return decoded as Record<string, string>;
}

// Only the stock lists page by this cursor.
const invalidCursor = (cursor: string) => new InvalidCursorError(cursor, 'stock');
