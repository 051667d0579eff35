import { BusinessRuleError } from '#shared/domain/errors';

/**
 * Bounds on what a client may make the store keep: free-form JSON (OrderCloud's `xp`, Medusa's
 * `metadata`, DayZero's attributes, a location's address `xp`) is merged into an item on every
 * write, so without a bound a record grows past what DynamoDB holds (400 KB) and every list page
 * that reads it slows down. Each bound is checked on the value as it would be stored: after a merge.
 */

/** A record's stored `xp` (OrderCloud), as JSON text in UTF-8. */
export const MAX_XP_BYTES = 8 * 1024;

/** Bytes of a value as JSON text in UTF-8: what the store keeps of free-form JSON, or close above it. */
export const jsonBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

/** Refuses a value past `maximum` bytes of JSON, naming the field it would be stored as. */
export function requireJsonWithin(field: string, value: unknown, maximum: number): void {
  const bytes = jsonBytes(value);
  if (bytes > maximum) {
    throw new BusinessRuleError('stored-field-too-large', `${field} would take ${bytes} bytes of JSON, more than the ${maximum} allowed`, {
      field,
      bytes,
      maximum,
    });
  }
}
