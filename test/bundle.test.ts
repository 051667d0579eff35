import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, inject, it } from 'vitest';
import { esbuildOptions } from '#infra/bundling';
import { handlerEntry, ROUTES } from '#infra/routes';
import { toApiGatewayEvent } from '#scripts/local/apiGatewayEvent';

/**
 * The bundle CDK deploys, loaded by plain Node as the Lambda runtime would: proves the
 * ESM output, the require() shim and the import aliases survive bundling.
 */
describe.each(ROUTES)('the $name bundle', (route) => {
  it('loads in a fresh Node process and answers an unauthenticated call with 401', async () => {
    const dir = mkdtempSync(join(tmpdir(), `bundle-${route.name}-`));
    const outfile = join(dir, 'index.mjs');
    await build({ ...esbuildOptions(handlerEntry(route), outfile), logLevel: 'silent' });
    const event = toApiGatewayEvent({ method: route.method, path: route.paths[0]!, routeKey: `${route.method} ${route.paths[0]}`, headers: {}, body: '{}' });
    const runner = join(dir, 'run.mjs');
    writeFileSync(
      runner,
      `const { handler } = await import('./index.mjs');
       const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 });
       process.stdout.write(JSON.stringify(result));`,
    );
    const run = spawnSync(process.execPath, [runner], { env: { ...process.env, ...inject('handlerEnv') }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).statusCode).toBe(401);
  });
});

describe('the syncStripe bundle', () => {
  it('loads in a fresh Node process and processes an empty batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bundle-syncStripe-'));
    const outfile = join(dir, 'index.mjs');
    await build({ ...esbuildOptions('functions/syncStripe/handler.ts', outfile), logLevel: 'silent' });
    const runner = join(dir, 'run.mjs');
    writeFileSync(runner, `const { handler } = await import('./index.mjs'); process.stdout.write(JSON.stringify(await handler({ Records: [] })));`);
    const run = spawnSync(process.execPath, [runner], { env: { ...process.env, ...inject('handlerEnv'), STRIPE_SECRET_KEY: 'sk_test_bundle' }, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ batchItemFailures: [] });
  });
});
