import { createHash } from 'node:crypto';
import { IdempotencyKeyError, ValidationError } from '#shared/domain/errors';
import type { HttpEvent, HttpResponse } from '#shared/http/response';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '#shared/store/idempotency';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs a request at most once per Idempotency-Key (per tenant, for 24 hours):
 * a retry with the same key and request gets the first success again, status and
 * body; the same key with another request is refused. Failures free the key, so
 * a retry after a 4xx or 5xx runs again. Without the header the request just runs.
 */
export async function withIdempotency(tenantId: string, event: HttpEvent, body: unknown, run: () => Promise<HttpResponse>): Promise<HttpResponse> {
  const key = event.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return run();
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError([
      { location: 'header', path: ['Idempotency-Key'], code: 'invalid', message: 'Idempotency-Key must be 1 to 255 visible ASCII characters', input: key },
    ]);
  }
  const fingerprint = fingerprintOf(event, body);
  const existing = await claimIdempotencyKey(tenantId, key, fingerprint);
  if (existing) {
    if (existing.fingerprint !== fingerprint) {
      throw new IdempotencyKeyError('reused', 'Idempotency-Key was already used for a different request');
    }
    if (existing.status === 'IN_PROGRESS') {
      throw new IdempotencyKeyError('in-progress', 'A request with this Idempotency-Key is still being processed; retry later');
    }
    return { ...existing.response, headers: { 'idempotent-replayed': 'true' } };
  }

  let response: HttpResponse;
  try {
    response = await run();
  } catch (error) {
    await releaseIdempotencyKey(tenantId, key, fingerprint).catch(() => undefined);
    throw error;
  }
  try {
    await completeIdempotencyKey(tenantId, key, fingerprint, { statusCode: response.statusCode, body: response.body });
  } catch (error) {
    // The write itself succeeded: answer it. The key stays locked until it expires.
    console.error(JSON.stringify({ level: 'WARN', message: 'idempotency record not completed', error: String(error) }));
  }
  return response;
}

/** Headers that are part of a request's meaning on some route. */
const MEANINGFUL_HEADERS = ['x-merchantapikey', 'x-business-id'];

/** What makes two requests "the same": route, path, query, meaningful headers and the body's content (key order ignored). */
function fingerprintOf(event: HttpEvent, body: unknown): string {
  const headers = MEANINGFUL_HEADERS.map((name) => `${name}:${event.headers[name] ?? ''}`);
  const request = [event.routeKey, event.rawPath, event.rawQueryString, ...headers, canonicalJson(body)].join('\n');
  return createHash('sha256').update(request).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value).sort().map((name) => `${JSON.stringify(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
