import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readConfig } from '#shared/config';

const OIDC = { TABLE_NAME: 'inventory', JWT_ISSUER: 'https://id.example.com', JWT_AUDIENCE: 'inventory-api' };

describe('configuration read at cold start', () => {
  it('reads an OIDC issuer with its defaults', () => {
    expect(readConfig({ ...OIDC, JWT_AUDIENCE: 'a, b ,,c', JWT_JWKS_URI: 'https://id.example.com/jwks' })).toEqual({
      tableName: 'inventory',
      tenantClaim: 'tenant_id',
      writeScope: 'inventory/write',
      adminScope: 'inventory/admin',
      auth: { kind: 'oidc', issuer: 'https://id.example.com', audience: ['a', 'b', 'c'], jwksUri: 'https://id.example.com/jwks' },
    });
  });

  it('reads a Cognito user pool', () => {
    const config = readConfig({
      TABLE_NAME: 't',
      COGNITO_USER_POOL_ID: 'eu-west-1_AbC123',
      COGNITO_CLIENT_ID: 'client',
      COGNITO_TOKEN_USE: 'id',
      TENANT_CLAIM: 'custom:tenant_id',
    });
    expect(config.auth).toEqual({ kind: 'cognito', userPoolId: 'eu-west-1_AbC123', clientId: 'client', tokenUse: 'id' });
    expect(config.tenantClaim).toBe('custom:tenant_id');
  });

  it.each([
    ['no table', { ...OIDC, TABLE_NAME: undefined }, /TABLE_NAME/],
    ['a blank table', { ...OIDC, TABLE_NAME: '' }, /TABLE_NAME/],
    ['no issuer at all', { TABLE_NAME: 't' }, /exactly one of COGNITO_USER_POOL_ID or JWT_ISSUER/],
    ['both issuers', { ...OIDC, COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', COGNITO_CLIENT_ID: 'c' }, /exactly one/],
    ['an issuer without audience', { ...OIDC, JWT_AUDIENCE: ' , ' }, /JWT_AUDIENCE/],
    ['a pool without client', { TABLE_NAME: 't', COGNITO_USER_POOL_ID: 'eu-west-1_AbC123' }, /COGNITO_CLIENT_ID/],
    ['a malformed pool id', { TABLE_NAME: 't', COGNITO_USER_POOL_ID: 'nope', COGNITO_CLIENT_ID: 'c' }, /COGNITO_USER_POOL_ID/],
    ['an issuer that is not a URL', { ...OIDC, JWT_ISSUER: 'not a url' }, /JWT_ISSUER/],
    ['pinned keys that are not JSON', { ...OIDC, JWT_JWKS: '{nope' }, /JWT_JWKS/],
  ])('refuses %s', (_, env, message) => {
    expect(() => readConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('makes a handler fail while loading, before any request, when configuration is missing', () => {
    const load = spawnSync(process.execPath, ['--import', 'tsx', '-e', "await import('./functions/createInventoryRecord/handler.ts')"], {
      env: { PATH: process.env.PATH, TABLE_NAME: 'only-a-table' },
      encoding: 'utf8',
    });
    expect(load.status).not.toBe(0);
    expect(load.stderr).toContain('Invalid configuration');
  });
});
