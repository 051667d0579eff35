import { createHash } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { IdempotencyKeyError, ValidationError } from '#shared/http/errors';
import type { HttpEvent, HttpResponse } from '#shared/http/response';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface StoredResponse {
  statusCode: number;
  body: unknown;
}

/** The key a request holds, as the store names it (opaque here). */
export interface HeldKey {
  token: string;
}

/** What the Idempotency-Key step needs from storage (shared/store/idempotency implements it). */
export interface IdempotencyPort<Held extends HeldKey = HeldKey> {
  claim(
    tenantId: string,
    key: string,
    fingerprint: string,
    lockSeconds: number,
  ): Promise<
    | { held: Held }
    | { existing: { status: 'IN_PROGRESS'; fingerprint: string } | { status: 'COMPLETED'; fingerprint: string; response: StoredResponse } }
  >;
  completionAttachment(held: Held, response: StoredResponse, refused: () => Error): Attachment & { committed: boolean };
  complete(held: Held, response: StoredResponse): Promise<boolean>;
  release(held: Held): Promise<void>;
}

/** Lets a handler commit its answer in the same transaction as its write (see Attachment). */
export type AttachAnswer = <Result>(respond: (result: Result) => HttpResponse) => Attach<Result>;

const inProgress = () =>
  new IdempotencyKeyError('in-progress', 'A request with this Idempotency-Key is still being processed; retry later');

/**
 * Runs a write at most once per Idempotency-Key (per tenant, for 24 hours): a retry with
 * the same key and request gets the first success again, status and body; the same key
 * with another request is refused. The success's answer is committed with the write
 * itself when the handler attaches it, so a write without its answer cannot exist, and
 * the key's holder token fences out a request that has lost the key. A failure frees
 * the key, so a retry after a 4xx or 5xx runs again. Without the header the request just runs.
 */
export async function withIdempotency(
  port: IdempotencyPort,
  request: { tenantId: string; event: HttpEvent; body: unknown; lockSeconds: number },
  run: (attach: AttachAnswer) => Promise<HttpResponse>,
): Promise<HttpResponse> {
  const key = request.event.headers[IDEMPOTENCY_HEADER];
  if (key === undefined) return run(() => undefined);
  if (!KEY_PATTERN.test(key)) {
    throw new ValidationError([
      {
        location: 'header',
        path: ['Idempotency-Key'],
        code: 'invalid',
        message: 'Idempotency-Key must be 1 to 255 visible ASCII characters',
        input: key,
      },
    ]);
  }
  const fingerprint = fingerprintOf(request.event, request.body);
  const claim = await port.claim(request.tenantId, key, fingerprint, request.lockSeconds);
  if ('existing' in claim) {
    const { existing } = claim;
    if (existing.fingerprint !== fingerprint)
      throw new IdempotencyKeyError('reused', 'Idempotency-Key was already used for a different request');
    if (existing.status === 'IN_PROGRESS') throw inProgress();
    return { ...existing.response, headers: { 'idempotent-replayed': 'true' } };
  }

  const { held } = claim;
  const attachments: { committed: boolean }[] = [];
  const attach: AttachAnswer = (respond) => (result) => {
    const answer = respond(result);
    const attachment = port.completionAttachment(held, { statusCode: answer.statusCode, body: answer.body }, inProgress);
    attachments.push(attachment);
    return attachment;
  };
  let response: HttpResponse;
  try {
    response = await run(attach);
  } catch (error) {
    // Conditional on still holding the key: a committed answer is never removed.
    await port.release(held).catch(() => undefined);
    throw error;
  }
  // A success whose answer was not committed with a write (it wrote nothing) is stored now.
  if (!attachments.some((attachment) => attachment.committed))
    await port.complete(held, { statusCode: response.statusCode, body: response.body });
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

/** JSON with object keys sorted; bodies reach here with their depth already bounded. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((name) => `${JSON.stringify(name)}:${canonicalJson((value as Record<string, unknown>)[name])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
