import { describe, expect, inject, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, mintToken, type TokenOptions } from '#scripts/local/devIssuer';
import { createTokenVerifier, MAX_ISSUED_AT_SKEW_SECONDS } from '#shared/auth/verifier';

const issuer = inject('devIssuer');
const verify = createTokenVerifier({ kind: 'oidc', issuer: DEV_ISSUER, audience: [DEV_AUDIENCE], jwks: issuer.jwks });
const mint = (options: TokenOptions) => mintToken(issuer, { tenantId: 'tenant_a', ...options });
const now = () => Math.floor(Date.now() / 1000);

describe('OIDC token verifier', () => {
  it.each<[string, TokenOptions]>([
    ['a plain access token', {}],
    ['a token that says it is an access token', { claims: { token_use: 'access' } }],
    ['a token issued a little ahead of our clock', { claims: { iat: now() + MAX_ISSUED_AT_SKEW_SECONDS - 30 } }],
  ])('accepts %s', async (_, options) => {
    await expect(verify(mint(options))).resolves.toMatchObject({ tenant_id: 'tenant_a' });
  });

  it.each<[string, TokenOptions, RegExp]>([
    ['no exp', { claims: { exp: undefined } }, /no exp claim/],
    ['an ID token', { claims: { token_use: 'id' } }, /not an access token/],
    ['a token of some other use', { claims: { token_use: 'refresh' } }, /not an access token/],
    ['a crit header naming a claim', { header: { crit: ['exp'], exp: now() + 600 } }, /critical extensions/],
    ['a crit header naming a real extension', { header: { crit: ['b64'], b64: false } }, /critical extensions/],
    ['an empty crit header', { header: { crit: [] } }, /critical extensions/],
    ['iat just past the allowed skew', { claims: { iat: now() + MAX_ISSUED_AT_SKEW_SECONDS + 30 } }, /issued in the future/],
    ['iat a year ahead', { claims: { iat: now() + 365 * 86_400, exp: now() + 366 * 86_400 } }, /issued in the future/],
  ])('refuses %s', async (_, options, reason) => {
    await expect(verify(mint(options))).rejects.toThrow(reason);
  });
});
