/**
 * The size DynamoDB counts for an item, computed before it is written so that an item that
 * would not fit is refused with a reason instead of failing its write. DynamoDB's rules: every
 * attribute's name plus its value, strings in UTF-8; a number is at most 21 bytes (counted here
 * as its decimal text plus one, capped at 21: never below what DynamoDB counts); booleans and
 * null 1 byte; a map or list 3 bytes plus 1 per element plus its elements (a map's keys
 * counted as names). Sets are not stored by this code; a value of an unknown kind counts as its
 * JSON text.
 */

/** DynamoDB's largest item. */
export const DYNAMODB_ITEM_LIMIT = 400 * 1024;

/**
 * The largest item a request may ask to store: DynamoDB's 400 KB less a margin of 50 KB for the
 * attributes other routes add to an item later (counters, links, revisions, timestamps), so
 * that no later write of those fails on size either.
 */
export const MAX_STORED_ITEM_BYTES = 350 * 1024;

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

export function valueSize(value: unknown): number {
  if (value === null || value === undefined || typeof value === 'boolean') return 1;
  if (typeof value === 'string') return utf8(value);
  if (typeof value === 'number' || typeof value === 'bigint') return Math.min(21, String(value).length + 1);
  if (value instanceof Uint8Array) return value.byteLength;
  if (Array.isArray(value)) return value.reduce((sum: number, element) => sum + 1 + valueSize(element), 3);
  if (typeof value === 'object') {
    return Object.entries(value).reduce((sum, [name, element]) => sum + 1 + utf8(name) + valueSize(element), 3);
  }
  return utf8(JSON.stringify(value) ?? '');
}

/** The bytes DynamoDB counts for a whole item (top-level attributes: name + value, no map overhead). */
export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [name, value]) => (value === undefined ? sum : sum + utf8(name) + valueSize(value)), 0);
}

/** In words for a refusal: 409,600 → "400 KB". */
export const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;
