import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { mintToken, publicKeyPem, type TokenOptions } from '#scripts/local/devIssuer';
import { isErrorEnvelope } from '#test/support/envelopes';
import { EVERY_ROUTE, routesUnderTest, type RouteUnderTest } from '#test/support/routes';
import { seedTenant, tenantItems } from '#test/support/tenants';

const issuer = () => inject('devIssuer');
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

/** Hostile or broken tokens, each built for the route's own tenant unless it is the point. */
const ATTACKS: Record<string, (tenantId: string) => string> = {
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

describe('token attacks on every route', EVERY_ROUTE, () => {
  let routes: RouteUnderTest[];
  beforeAll(async () => {
    routes = await routesUnderTest();
  });

  it('answers each with 401 in the route envelope and writes nothing', async () => {
    for (const route of routes) {
      const before = await tenantItems(route.tenantId);
      for (const [attack, build] of Object.entries(ATTACKS)) {
        const reply = await route.call({ token: build(route.tenantId) });
        expect(reply.status, `${route.route.name}: ${attack}`).toBe(401);
        expect(isErrorEnvelope(route, reply.body), `${route.route.name}: ${attack} ${JSON.stringify(reply.body)}`).toBe(true);
      }
      const missing = await route.call({ token: undefined });
      expect(missing.status, `${route.route.name}: no token`).toBe(401);
      expect(await tenantItems(route.tenantId)).toEqual(before);
    }
  });

  it('proves the attacks are the only fault: the same request with a good token succeeds', async () => {
    for (const route of routes) {
      const reply = await route.call();
      expect(reply.status, `${route.route.name}: ${JSON.stringify(reply.body)}`).toBe(route.demo.example.expect.first);
    }
  });

  it("treats a valid token of another tenant like a stranger: 4xx in the envelope, neither tenant touched", async () => {
    // A tenant with its own catalog and none of the demo's IDs or keys.
    const stranger = await seedTenant({ name: 'Stranger', merchantApiKeys: ['mk_stranger_key'], locations: [{ id: 'wh_other', name: 'Other' }] });
    for (const route of routes) {
      const before = [await tenantItems(route.tenantId), await tenantItems(stranger)];
      const reply = await route.call({ token: mint({ tenantId: stranger }) });
      expect([401, 403, 404], `${route.route.name}: ${JSON.stringify(reply.body)}`).toContain(reply.status);
      expect(isErrorEnvelope(route, reply.body)).toBe(true);
      expect([await tenantItems(route.tenantId), await tenantItems(stranger)]).toEqual(before);
    }
  });
});
