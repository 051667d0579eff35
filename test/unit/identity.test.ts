import { describe, expect, it } from 'vitest';
import { identityProblem, MAX_IDENTITY_KEY_BYTES, normalizeIdentity } from '#shared/domain/identity';

describe('identity values (domain)', () => {
  it('accepts ordinary IDs and SKUs, keeping their case', () => {
    for (const value of ['KIT-ESP-STD', 'kit-esp-std', 'prod_abc123', 'Café', 'Grüße 1kg', '商品-1', '🧃'])
      expect(identityProblem(value), value).toBeUndefined();
  });

  it('makes the two Unicode spellings of one text one identity', () => {
    const composed = 'Caf\u00e9';
    const decomposed = 'Cafe\u0301';
    expect(composed).not.toBe(decomposed);
    expect(normalizeIdentity(decomposed)).toBe(normalizeIdentity(composed));
  });

  it('refuses surrounding whitespace, control, zero-width and unpaired surrogate characters', () => {
    expect(identityProblem('')).toBe('empty');
    expect(identityProblem('KIT-ESP-STD ')).toBe('whitespace');
    expect(identityProblem(' KIT-ESP-STD')).toBe('whitespace');
    expect(identityProblem('KIT\u00a0')).toBe('whitespace');
    expect(identityProblem('KIT-ESP-STD\u200b')).toBe('invisible');
    expect(identityProblem('KIT-ESP-STD\u0000')).toBe('invisible');
    expect(identityProblem('KIT-ESP-STD\n')).toBe('invisible');
    expect(identityProblem('\ufeffKIT')).toBe('invisible');
    expect(identityProblem('a\ud800b')).toBe('malformed');
  });

  it(`bounds the key bytes once escaped (${MAX_IDENTITY_KEY_BYTES})`, () => {
    expect(identityProblem('a'.repeat(MAX_IDENTITY_KEY_BYTES))).toBeUndefined();
    expect(identityProblem('a'.repeat(MAX_IDENTITY_KEY_BYTES + 1))).toBe('too-long');
    // é is 2 bytes of UTF-8, 6 once percent-escaped.
    expect(identityProblem('é'.repeat(50))).toBeUndefined();
    expect(identityProblem('é'.repeat(51))).toBe('too-long');
  });
});
