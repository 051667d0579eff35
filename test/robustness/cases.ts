import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { inject } from 'vitest';
import { mintToken, publicKeyPem, type TokenOptions } from '#scripts/local/devIssuer';
import { MAX_BODY_BYTES } from '#shared/http/pipeline';
import type { RouteUnderTest } from '#test/support/routes';

/** The robustness suite's hostile inputs, shared by its tests and by the test that greps the logs they leave. */

const issuer = () => inject('devIssuer');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Hostile or broken tokens, each built for the route's own tenant unless it is the point. */
export const ATTACKS: Record<string, (tenantId: string) => string> = {
  'alg none': (tenantId) => {
    const [, payload] = mintToken(issuer(), { tenantId }).split('.');
    return `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
  },
  'HS256 signed with the public key': (tenantId) => {
    const [, payload] = mintToken(issuer(), { tenantId }).split('.');
    const header = b64({ alg: 'HS256', typ: 'JWT', kid: issuer().kid });
    const signature = createHmac('sha256', publicKeyPem(issuer())).update(`${header}.${payload}`).digest('base64url');
    return `${header}.${payload}.${signature}`;
  },
  'unknown kid': (tenantId) => mint({ tenantId, header: { kid: 'not-a-known-key' } }),
  expired: (tenantId) => mint({ tenantId, claims: { iat: now() - 7200, exp: now() - 60 } }),
  'nbf in the future': (tenantId) => mint({ tenantId, claims: { nbf: now() + 3600 } }),
  'no exp': (tenantId) => mint({ tenantId, claims: { exp: undefined } }),
  'iat a year in the future': (tenantId) => mint({ tenantId, claims: { iat: now() + 365 * 86_400, exp: now() + 366 * 86_400 } }),
  'an ID token': (tenantId) => mint({ tenantId, claims: { token_use: 'id' } }),
  'crit naming an extension': (tenantId) => mint({ tenantId, header: { crit: ['exp'], exp: now() + 600 } }),
  'wrong issuer': (tenantId) => mint({ tenantId, claims: { iss: 'https://attacker.example.com' } }),
  'wrong audience': (tenantId) => mint({ tenantId, claims: { aud: 'some-other-api' } }),
  'tampered payload': (tenantId) => {
    const [header, , signature] = mintToken(issuer(), { tenantId: 'someone-else' }).split('.');
    return `${header}.${b64({ iss: 'https://dev-issuer.inventory-api.invalid', aud: 'inventory-api', tenant_id: tenantId, scope: 'inventory/write', roles: ['FullAccess'], exp: now() + 600 })}.${signature}`;
  },
  'missing tenant claim': () => mint({}),
  'not a JWT at all': () => 'definitely-not-a-token',
};

const mint = (options: TokenOptions) => mintToken(issuer(), options);

const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

const hugeString = fc.integer({ min: 1_000, max: 70_000 }).map((length) => 'x'.repeat(length));
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 1e-320, 2 ** 53, 1.5, -1);
const deepNesting = fc.integer({ min: 50, max: 500 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown);
/** Objects whose own keys shadow the methods String() and template literals call, so those throw. */
export const SHADOWING_VALUES: unknown[] = [
  { toString: false },
  { toString: {}, valueOf: 1 },
  [{ toString: 1 }],
  [[{ valueOf: null, toString: null }]],
];
const nastyValue = fc.oneof(
  fc.jsonValue(),
  hugeString,
  hugeNumber,
  deepNesting,
  fc.constant(null),
  fc.string(),
  fc.constantFrom(...SHADOWING_VALUES),
);

/** The route's valid body with one to three fields broken, removed, or polluted. */
export const mutatedBody = (route: RouteUnderTest) => {
  const fields = Object.keys(route.validBody());
  const mutation = fc.oneof(
    fc.record({ op: fc.constant('set' as const), key: fc.constantFrom(...fields), value: nastyValue }),
    fc.record({ op: fc.constant('delete' as const), key: fc.constantFrom(...fields), value: fc.constant(null) }),
    fc.record({ op: fc.constant('set' as const), key: fc.oneof(fc.constantFrom(...POLLUTION_KEYS), fc.string()), value: nastyValue }),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((mutations) => {
    const body: Record<string, unknown> = route.validBody();
    for (const { op, key, value } of mutations) {
      if (op === 'delete') delete body[key];
      else Object.defineProperty(body, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return JSON.stringify(body);
  });
};

/** Raw bodies no route accepts: not JSON, not an object, too big, or with pollution at the top. */
export const rawBody = fc.oneof(
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.constant('{"__proto__": {"polluted": true}}'),
  fc.constant('{"constructor": {"prototype": {"polluted": true}}}'),
  fc.integer({ min: 1, max: 20 }).map((n) => `${'{"a":'.repeat(n)}`),
  fc.integer({ min: 1_000, max: 30_000 }).map((depth) => `{"nested":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  fc.constant(`{"pad":"${'y'.repeat(MAX_BODY_BYTES)}"}`),
);

/** Text no key may be built from, and IDs around DynamoDB's key-size limits once escaped. */
export const hostileText = fc.oneof(
  fc.constantFrom(
    '\ud800',
    'a\udfffb',
    '\u0000',
    ' padded ',
    'zero\u200bwidth',
    'é'.repeat(200),
    '𝕏'.repeat(150),
    '%',
    '%E0%A4%A',
    '#',
    '../x',
    '',
  ),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);

/** Query strings: the route's own parameters and unknown ones, with hostile or huge values. */
export const queryString = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(
          'limit',
          'cursor',
          'fields',
          'page',
          'pageSize',
          'sortBy',
          'search',
          'offset',
          'order',
          'warehouseId',
          'product_id',
          'since',
          'until',
          'permanent',
          // Medusa's inventory items list by location: its forms, and the keys beside it it refuses.
          'location_levels[location_id]',
          'location_levels[location_id][]',
          'location_levels[location_id][0]',
          'location_levels[location_id][$in]',
          'location_levels',
          'toString',
          '__proto__',
          'constructor',
          'hasOwnProperty',
        ),
        fc.string(),
      ),
      fc.oneof(hostileText, hugeString, fc.integer().map(String)),
    ),
    { maxLength: 4 },
  )
  .map((pairs) => new URLSearchParams(pairs).toString());

/** An Idempotency-Key on some cases, so the key step also meets every input. */
export const maybeIdempotencyKey = fc.option(
  fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 40 }),
  { nil: undefined },
);

export const contentTypes = fc.constantFrom(
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
  'application/jsonp',
);
