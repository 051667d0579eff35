/**
 * Limits checked where input enters, before any of it reaches a schema, a key or a
 * recursive function: nesting depth, and well-formed Unicode (a lone surrogate cannot
 * be encoded into a key or stored as UTF-8).
 */

/** Deepest JSON nesting any route accepts; DynamoDB itself stores at most 32 levels. */
export const MAX_JSON_DEPTH = 32;

/** The nesting depth of a JSON text, found without parsing it (strings are skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c)
        i++; // backslash: skip the escaped character
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x7b || char === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (char === 0x7d || char === 0x5d) depth--;
  }
  return deepest;
}

// With the u flag, a surrogate range matches only surrogates that are not part of a pair.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** The path (as keys) of the first string or key in a parsed JSON value that is not well-formed Unicode. */
export function firstMalformedString(value: unknown): (string | number)[] | undefined {
  const pending: { value: unknown; path: (string | number)[] }[] = [{ value, path: [] }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      if (!isWellFormed(current)) return path;
    } else if (Array.isArray(current)) {
      current.forEach((entry, index) => pending.push({ value: entry, path: [...path, index] }));
    } else if (current !== null && typeof current === 'object') {
      for (const [name, entry] of Object.entries(current)) {
        if (!isWellFormed(name)) return [...path, name];
        pending.push({ value: entry, path: [...path, name] });
      }
    }
  }
  return undefined;
}
