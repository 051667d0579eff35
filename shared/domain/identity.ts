/**
 * Identity values (IDs, SKUs) become parts of DynamoDB keys, so two spellings of one
 * value must become one key, and no value may be unencodable or too long for a key.
 * The rule, for every identity the API accepts:
 *  - it is Unicode-normalised to NFC (so "Café" typed either way is one value);
 *  - it is well-formed Unicode: no lone surrogates;
 *  - it has no control, format (zero-width, BOM, bidi) or line-separator characters;
 *  - it has no surrounding whitespace;
 *  - once percent-escaped for a key (UTF-8), it takes at most MAX_IDENTITY_KEY_BYTES,
 *    which keeps the longest key (three identities) under DynamoDB's 1,024-byte sort-key limit.
 * Case is kept and matters: "kit-1" and "KIT-1" are two SKUs, as under DayZero's own unique constraint.
 */
export const MAX_IDENTITY_KEY_BYTES = 300;

export type IdentityProblem = 'empty' | 'malformed' | 'invisible' | 'whitespace' | 'too-long';

const LONE_SURROGATE = /[\ud800-\udfff]/u;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const SURROUNDING_SPACE = /^[\s\p{Z}]|[\s\p{Z}]$/u;

/** What is wrong with a value as an identity, or undefined when it is a valid one. */
export function identityProblem(value: string): IdentityProblem | undefined {
  if (value.length === 0) return 'empty';
  if (LONE_SURROGATE.test(value)) return 'malformed';
  if (INVISIBLE.test(value)) return 'invisible';
  if (SURROUNDING_SPACE.test(value)) return 'whitespace';
  if (encodeURIComponent(value.normalize('NFC')).length > MAX_IDENTITY_KEY_BYTES) return 'too-long';
  return undefined;
}

/** The one spelling of a valid identity. */
export const normalizeIdentity = (value: string): string => value.normalize('NFC');

/** Words for each problem, for messages that name the field. */
export const IDENTITY_PROBLEMS: Record<IdentityProblem, string> = {
  empty: 'must not be empty',
  malformed: 'must be well-formed Unicode text',
  invisible: 'must not contain control or invisible characters',
  whitespace: 'must not start or end with whitespace',
  'too-long': `is too long (at most ${MAX_IDENTITY_KEY_BYTES} bytes once URL-encoded)`,
};
