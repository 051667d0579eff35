/**
 * Each API's error envelope, as a predicate: the robustness tests check every failure
 * of every route against its own API's shape.
 */
type Envelope = (body: unknown) => boolean;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown) => typeof value === 'string' && value.length > 0;

/** By API, as each route's contract names it (its OpenAPI tag). */
export const ERROR_ENVELOPES: Record<string, Envelope> = {
  // ShopSynch: {"status": false, "message": "..."}
  ShopSynch: (body) => isObject(body) && body.status === false && isText(body.message) && Object.keys(body).length === 2,
  // FastAPI: {"detail": "..."} or, for 422, {"detail": [{type, loc, msg, input}]}
  DayZero: (body) =>
    isObject(body) &&
    Object.keys(body).length === 1 &&
    (isText(body.detail) ||
      (Array.isArray(body.detail) &&
        body.detail.length > 0 &&
        body.detail.every((entry) => isObject(entry) && isText(entry.type) && Array.isArray(entry.loc) && isText(entry.msg)))),
  // OrderCloud: {"Errors": [{ErrorCode, Message, Data}], plus the first error at top level}
  OrderCloud: (body) =>
    isObject(body) &&
    Array.isArray(body.Errors) &&
    body.Errors.length > 0 &&
    body.Errors.every((entry) => isObject(entry) && isText(entry.ErrorCode) && isText(entry.Message)) &&
    body.ErrorCode === (body.Errors[0] as Record<string, unknown>).ErrorCode,
  // Medusa: {type, message, code?}; its 401 is a bare {message: "Unauthorized"}
  Medusa: (body) =>
    isObject(body) && isText(body.message) && (isText(body.type) || (body.message === 'Unauthorized' && Object.keys(body).length === 1)),
  // Our own admin routes: RFC 9457 problem details {type, title, status, detail, errors?: [{path, message}]}
  Admin: (body) =>
    isObject(body) &&
    isText(body.type) &&
    isText(body.title) &&
    Number.isInteger(body.status) &&
    isText(body.detail) &&
    (body.errors === undefined ||
      (Array.isArray(body.errors) && body.errors.every((entry) => isObject(entry) && isText(entry.path) && isText(entry.message)))),
};

/** Whether a body is an error in the envelope of the API the route follows (a route under test, or an API's tag). */
export function isErrorEnvelope(route: { tag: string } | string, body: unknown): boolean {
  const tag = typeof route === 'string' ? route : route.tag;
  const envelope = ERROR_ENVELOPES[tag];
  if (!envelope) throw new Error(`No error envelope known for ${tag}`);
  return envelope(body);
}
