import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readConfig, readLowStockEventsConfig, readSealSecretSource, readStripeSyncConfig } from '#shared/config';

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

  it.each([
    ['an HTTP handler', 'functions/shopsynch/createInventoryRecord/handler.ts', /COGNITO_USER_POOL_ID or JWT_ISSUER/],
    ['the Stripe sync', 'functions/syncStripe/handler.ts', /STRIPE_SECRET_ARN or STRIPE_SECRET_KEY/],
    ['the low-stock publisher', 'functions/publishLowStock/handler.ts', /EVENT_BUS_NAME/],
  ])('makes %s fail while loading, before any event, when configuration is missing', (_, file, message) => {
    const load = spawnSync(process.execPath, ['--import', 'tsx', '-e', `await import('./${file}')`], {
      env: { PATH: process.env.PATH, TABLE_NAME: 'only-a-table' },
      encoding: 'utf8',
    });
    expect(load.status).not.toBe(0);
    expect(load.stderr).toContain('Invalid configuration');
    expect(load.stderr).toMatch(message);
  });
});

describe('configuration of the stream consumers', () => {
  it('reads the Stripe key from its secret in AWS, or as given locally (which wins)', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:stripe-AbCdEf';
    expect(readStripeSyncConfig({ TABLE_NAME: 't', STRIPE_SECRET_ARN: arn })).toEqual({
      tableName: 't',
      stripeKey: { kind: 'secret', secretArn: arn },
    });
    expect(
      readStripeSyncConfig({
        TABLE_NAME: 't',
        DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
        STRIPE_SECRET_ARN: arn,
        STRIPE_SECRET_KEY: 'sk_test_1',
      }),
    ).toEqual({ tableName: 't', dynamodbEndpoint: 'http://127.0.0.1:8000', stripeKey: { kind: 'key', secretKey: 'sk_test_1' } });
  });

  it.each([
    ['no table', { STRIPE_SECRET_KEY: 'sk_test_1' }, /TABLE_NAME/],
    ['no Stripe key at all', { TABLE_NAME: 't', STRIPE_SECRET_KEY: '' }, /STRIPE_SECRET_ARN or STRIPE_SECRET_KEY/],
    ['an endpoint that is not a URL', { TABLE_NAME: 't', STRIPE_SECRET_KEY: 'k', DYNAMODB_ENDPOINT: 'here' }, /DYNAMODB_ENDPOINT/],
  ])('refuses a Stripe sync with %s', (_, env, message) => {
    expect(() => readStripeSyncConfig(env as NodeJS.ProcessEnv)).toThrow(message);
  });

  it('reads where the cursor sealing secret comes from: a local key of 32 characters or more, or the stack secret', () => {
    const arn = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:CursorSealingSecret-AbCdEf';
    expect(readSealSecretSource({ CURSOR_SECRET_ARN: arn })).toEqual({ kind: 'secret', secretArn: arn });
    expect(readSealSecretSource({ CURSOR_SECRET_ARN: arn, CURSOR_KEY: 'k'.repeat(32) })).toEqual({ kind: 'key', key: 'k'.repeat(32) });
    expect(() => readSealSecretSource({ CURSOR_KEY: '' })).toThrow(/CURSOR_SECRET_ARN or CURSOR_KEY/);
    expect(() => readSealSecretSource({ CURSOR_KEY: 'short' })).toThrow(/Invalid configuration: CURSOR_KEY/);
  });

  it('reads the low-stock publisher, and refuses it without its event bus', () => {
    expect(readLowStockEventsConfig({ TABLE_NAME: 't', EVENT_BUS_NAME: 'bus' })).toEqual({ tableName: 't', eventBusName: 'bus' });
    expect(() => readLowStockEventsConfig({ TABLE_NAME: 't' })).toThrow(/Invalid configuration: EVENT_BUS_NAME/);
  });
});
