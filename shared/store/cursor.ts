import { InvalidCursorError } from '#shared/domain/errors';
import { openCursor, sealCursor, type SealedList } from '#shared/store/cursorSeal';

/** The stock lists that page by the last key a Query read. */
export type StockList = Extract<SealedList, 'stock-records' | 'low-stock' | 'movements'>;

/** The last key a Query read, sealed for this tenant and list (null: that was the last page). */
export async function encodeCursor(
  tenantId: string,
  list: StockList,
  lastKey: Record<string, unknown> | undefined,
): Promise<string | null> {
  return lastKey ? sealCursor(tenantId, list, lastKey) : null;
}

/**
 * A cursor back into the key it was sealed from, only if this tenant's very list sealed it, and
 * the key is exactly the expected attributes, each a string its check accepts (the tenant's
 * partition, the query's prefix). Anything else is a 400, never a read elsewhere.
 */
export async function decodeCursor(
  tenantId: string,
  list: StockList,
  cursor: string,
  checks: Record<string, (value: string) => boolean>,
): Promise<Record<string, string>> {
  const decoded = await openCursor(tenantId, list, cursor);
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
