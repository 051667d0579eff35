import { describe, expect, inject, it } from 'vitest';
import { DEV_AUDIENCE, DEV_ISSUER, mintToken, type TokenOptions } from '#scripts/local/devIssuer';
import { createTokenVerifier, MAX_ISSUED_AT_SKEW_SECONDS, MAX_REMEMBERED_TOKENS, rememberVerified } from '#shared/auth/verifier';

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

describe('verified tokens remembered by a container', () => {
  const counting = (exp: number, nbf?: number) => {
    const calls: string[] = [];
    const verify = async (token: string) => {
      calls.push(token);
      if (token.endsWith('tampered')) throw new Error('Invalid signature');
      return { tenant_id: 'tenant_a', exp, ...(nbf === undefined ? {} : { nbf }) };
    };
    return { calls, verify };
  };

  it('checks a token once, then answers the very same token from memory until it expires', async () => {
    let clock = 1_000_000_000_000;
    const { calls, verify } = counting(clock / 1000 + 60);
    const remembered = rememberVerified(verify, () => clock);
    await expect(remembered('token-1')).resolves.toMatchObject({ tenant_id: 'tenant_a' });
    await expect(remembered('token-1')).resolves.toMatchObject({ tenant_id: 'tenant_a' });
    expect(calls).toEqual(['token-1']);
    clock += 60_000;
    await remembered('token-1');
    expect(calls).toEqual(['token-1', 'token-1']);
  });

  it('never serves a token that differs by one character, nor remembers a refusal', async () => {
    const { calls, verify } = counting(Date.now() / 1000 + 60);
    const remembered = rememberVerified(verify);
    await remembered('token-1');
    await expect(remembered('token-1-tampered')).rejects.toThrow('Invalid signature');
    await expect(remembered('token-1-tampered')).rejects.toThrow('Invalid signature');
    expect(calls).toEqual(['token-1', 'token-1-tampered', 'token-1-tampered']);
  });

  it('checks again a token remembered before its nbf', async () => {
    let clock = 1_000_000_000_000;
    const { calls, verify } = counting(clock / 1000 + 600, clock / 1000);
    const remembered = rememberVerified(verify, () => clock);
    await remembered('token-1');
    clock -= 10_000;
    await remembered('token-1');
    expect(calls).toHaveLength(2);
  });

  it(`holds at most ${MAX_REMEMBERED_TOKENS} tokens, forgetting the oldest first`, async () => {
    const { calls, verify } = counting(Date.now() / 1000 + 60);
    const remembered = rememberVerified(verify);
    for (let i = 0; i <= MAX_REMEMBERED_TOKENS; i++) await remembered(`token-${i}`);
    await remembered(`token-${MAX_REMEMBERED_TOKENS}`);
    await remembered('token-0');
    expect(calls.slice(MAX_REMEMBERED_TOKENS + 1)).toEqual(['token-0']);
  });

  it('still refuses an expired token on every request through the real verifier', async () => {
    const expired = mint({ claims: { iat: now() - 7200, exp: now() - 60 } });
    await expect(verify(expired)).rejects.toThrow(/expired/i);
    await expect(verify(expired)).rejects.toThrow(/expired/i);
  });
});
