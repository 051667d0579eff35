import { createHash } from 'node:crypto';

/**
 * Merchant API keys are stored only as their SHA-256 digest: a leaked table does
 * not leak usable keys, and lookup by digest needs no comparison loop.
 */
export function hashMerchantApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}
