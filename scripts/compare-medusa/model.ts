/** What a comparison case is, how it is sent to one side, and what of the answer is compared. */

/** One server: its URL, token and the IDs its catalog gives each role (`{I}`, `{L}`, …). */
export interface Side {
  name: string;
  url: string;
  token: string;
  ids: Record<string, string>;
}

export type Group = 'links and levels' | 'inventory items' | 'level batches' | 'reservations' | 'stock locations';

export interface Case {
  name: string;
  group: Group;
  method: 'GET' | 'POST' | 'DELETE';
  /** Roles in braces (`{I}`) are replaced by each side's own ID; `{RUN}` by this run's suffix. */
  path: string;
  body?: unknown;
  auth?: false;
  /** Why the answers differ on purpose (docs/medusa.md, "Deliberately different"). */
  deliberate?: string;
  /** Roles this case's answer names for later cases: role → dotted path (`inventory_item.id`). */
  save?: Record<string, string>;
}

/** A request that is not compared: it removes what the cases made, on each side that made it. */
export interface Cleanup {
  method: 'DELETE' | 'POST';
  path: string;
  body?: unknown;
}

export const UNKNOWN_VARIANT = 'variant_01ZZZZZZZZZZZZZZZZZZZZZZZZ';
export const UNKNOWN_ITEM = 'iitem_01ZZZZZZZZZZZZZZZZZZZZZZZZ';
export const UNKNOWN_LOCATION = 'sloc_01ZZZZZZZZZZZZZZZZZZZZZZZZ';
export const UNKNOWN_RESERVATION = 'resitem_01ZZZZZZZZZZZZZZZZZZZZZZZZ';

const ROLE = /\{([A-Z0-9]+)\}/g;

export const fill = (text: string, ids: Record<string, string>) => text.replace(ROLE, (whole, role: string) => ids[role] ?? whole);

/** Whether every role the text names is known on that side (a case left unfilled is not sent). */
export const filled = (text: string, ids: Record<string, string>) => !/\{[A-Z0-9]+\}/.test(fill(text, ids));

export async function send(side: Side, request: { method: string; path: string; body?: unknown; auth?: false }) {
  const body = request.body === undefined ? undefined : fill(JSON.stringify(request.body), side.ids);
  const response = await fetch(side.url + fill(request.path, side.ids), {
    method: request.method,
    headers: {
      ...(request.auth === false ? {} : { authorization: `Bearer ${side.token}` }),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    ...(body ? { body } : {}),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: compared as text
  }
  return { status: response.status, json };
}

/** Sends the case, keeps the roles it saves, and answers what is compared: the status and the shape. */
export async function call(side: Side, test: Case) {
  if (!filled(test.path, side.ids) || !filled(JSON.stringify(test.body ?? null), side.ids)) {
    return { status: 0, shape: 'not sent: a role it names is missing' as unknown };
  }
  const { status, json } = await send(side, test);
  for (const [role, path] of Object.entries(test.save ?? {})) {
    const value = path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], json);
    if (typeof value === 'string') side.ids[role] = value;
  }
  return { status, shape: shapeOf(json) };
}

const sortedEntries = (value: Record<string, unknown>) => Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)));

/**
 * Two shapes as one: objects by the union of their keys, at every depth; where one side of a key is a
 * plain value (`null` included) and the other an object or array, the object or array wins, so that
 * a list's shape does not depend on which of its elements lack an address or a SKU.
 */
function merge(a: unknown, b: unknown): unknown {
  if (a === undefined || a === 'value') return b;
  if (b === undefined || b === 'value') return a;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === 0 ? b : b.length === 0 ? a : [merge(a[0], b[0])];
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = merge(out[key], value);
    return sortedEntries(out);
  }
  return b;
}

/** The keys at every depth; an error message with its IDs masked; other values only as "value". */
export function shapeOf(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0) return [];
    return [value.map((element) => shapeOf(element)).reduce(merge)];
  }
  // Free-form maps hold data, not shape.
  if (key === 'rules' || key === 'metadata') return 'value';
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, shapeOf((value as Record<string, unknown>)[name], name)]),
    );
  }
  if (key === 'message' && typeof value === 'string') return value.replace(/\b[a-z]+_[A-Za-z0-9_]+\b/g, '<id>');
  return 'value';
}
