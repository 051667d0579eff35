import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';
import { esbuildOptions } from '#infra/bundling';
import { handlerEntry, ROUTES } from '#functions/routes';
import { toApiGatewayEvent } from '#scripts/local/apiGatewayEvent';

/**
 * Bundles a handler as CDK deploys it and calls it once in a fresh Node process, as
 * the Lambda runtime would: proves the ESM output, the require() shim and the import
 * aliases survive bundling. Returns what the handler resolved to.
 */
async function runBundled(entry: string, event: unknown, env: Record<string, string> = {}): Promise<any> {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  await build({ ...esbuildOptions(entry, join(dir, 'index.mjs')), logLevel: 'silent' });
  const runner = join(dir, 'run.mjs');
  writeFileSync(
    runner,
    `const { handler } = await import('./index.mjs');
     const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 });
     process.stdout.write(JSON.stringify(result));`,
  );
  const run = spawnSync(process.execPath, [runner], { env: { ...process.env, ...inject('handlerEnv'), ...env }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe.each(ROUTES)('the $name bundle', (route) => {
  it('loads in a fresh Node process and answers an unauthenticated call with 401', async () => {
    const event = toApiGatewayEvent({ method: route.method, path: route.paths[0]!, routeKey: `${route.method} ${route.paths[0]}`, headers: {}, body: '{}' });
    expect((await runBundled(handlerEntry(route), event)).statusCode).toBe(401);
  });
});

describe('the syncStripe bundle', () => {
  it('loads in a fresh Node process and processes an empty batch', async () => {
    expect(await runBundled('functions/syncStripe/handler.ts', { Records: [] }, { STRIPE_SECRET_KEY: 'sk_test_bundle' })).toEqual({ batchItemFailures: [] });
  });
});

describe('the customizeAccessToken bundle', () => {
  it('loads in a fresh Node process and grants a writer the scope', async () => {
    const event = {
      version: '2',
      triggerSource: 'TokenGeneration_Authentication',
      request: { userAttributes: { 'custom:tenant_id': 'tenant_acme' }, groupConfiguration: { groupsToOverride: ['inventory-writers'] } },
      response: { claimsAndScopeOverrideDetails: null },
    };
    const result = await runBundled('functions/customizeAccessToken/handler.ts', event, { WRITERS_GROUP: 'inventory-writers', ADMINS_GROUP: 'inventory-admins' });
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { tenant_id: 'tenant_acme' },
      scopesToAdd: ['inventory/write'],
      scopesToSuppress: ['inventory/admin'],
    });
  });
});
