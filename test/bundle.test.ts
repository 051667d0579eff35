import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '#infra/bundling';
import { handlerEntry, ROUTES } from '#functions/routes';
import { toApiGatewayEvent } from '#scripts/local/apiGatewayEvent';

const OTHER_ENTRIES = {
  syncStripe: 'functions/syncStripe/handler.ts',
  publishLowStock: 'functions/publishLowStock/handler.ts',
  customizeAccessToken: 'functions/customizeAccessToken/handler.ts',
};
const outdir = mkdtempSync(join(tmpdir(), 'bundles-'));
let metafile: Metafile;

/**
 * Every function bundled as CDK deploys it (the stack's esbuild options), in one esbuild run with
 * one entry point each: the same output per function, with the code they share parsed once.
 */
beforeAll(async () => {
  const entries = { ...Object.fromEntries(ROUTES.map((route) => [route.name, handlerEntry(route)])), ...OTHER_ENTRIES };
  const { outfile: _one, ...options } = esbuildOptions(handlerEntry(ROUTES[0]!), join(outdir, 'unused.mjs'));
  ({ metafile } = await build({
    ...options,
    entryPoints: entries,
    outdir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'silent',
  }));
});

/** Bytes a function's bundle holds of the inputs whose path passes `matches` (esbuild's metafile). */
function bytesOf(name: string, matches: (input: string) => boolean): number {
  const output = metafile.outputs[Object.keys(metafile.outputs).find((path) => path.endsWith(`/${name}.mjs`))!]!;
  return Object.entries(output.inputs)
    .filter(([input]) => matches(input))
    .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0);
}

const secretsManagerClient = (input: string) => input.includes('node_modules/@aws-sdk/client-secrets-manager/');
const sealingCode = (input: string) => input === 'shared/store/cursorSeal.ts';

describe('the sealing secret in the bundles', () => {
  it('is read through the Secrets Manager client in exactly the bundles of the routes flagged needsSealingSecret', () => {
    const carrying = ROUTES.filter((route) => bytesOf(route.name, secretsManagerClient) > 0).map((route) => route.name);
    expect(carrying).toEqual(ROUTES.filter((route) => route.needsSealingSecret).map((route) => route.name));
    // syncStripe reads its own secret (the Stripe key) through the client; the sealing secret is none of the others' either.
  });

  // A route that could seal a cursor or digest a merchant key without being given the secret would fail in production only.
  it('is needed by every bundle holding the sealing code, and those are flagged routes', () => {
    for (const route of ROUTES) expect(bytesOf(route.name, sealingCode) > 0, route.name).toBe(Boolean(route.needsSealingSecret));
    for (const name of Object.keys(OTHER_ENTRIES)) expect(bytesOf(name, sealingCode), name).toBe(0);
  });
});

/**
 * Calls a function's bundle once in a fresh Node process, as the Lambda runtime would: proves the
 * ESM output, the require() shim and the import aliases survive bundling. Returns what the handler
 * resolved to (written to a file: stdout carries the function's logs and metrics).
 */
async function runBundled(name: string, event: unknown, env: Record<string, string> = {}): Promise<any> {
  return (await runBundledWithOutput(name, event, env)).result;
}

async function runBundledWithOutput(
  name: string,
  event: unknown,
  env: Record<string, string> = {},
): Promise<{ result: any; stdout: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  const runner = join(dir, 'run.mjs');
  writeFileSync(
    runner,
    `const { handler } = await import(${JSON.stringify(pathToFileURL(join(outdir, `${name}.mjs`)).href)});
     const result = await handler(${JSON.stringify(event)}, { awsRequestId: 'bundle-test', getRemainingTimeInMillis: () => 10000 });
     (await import('node:fs')).writeFileSync(${JSON.stringify(join(dir, 'result.json'))}, JSON.stringify(result));`,
  );
  // As in Lambda: no POWERTOOLS_DEV, so logs and metrics go to stdout as JSON lines.
  const run = spawnSync(process.execPath, [runner], { env: { ...process.env, POWERTOOLS_DEV: '', ...env }, encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { result: JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')), stdout: run.stdout };
}

describe.each(ROUTES)('the $name bundle', (route) => {
  it('loads in a fresh Node process and answers an unauthenticated call with 401', async () => {
    const event = toApiGatewayEvent({
      method: route.method,
      path: route.paths[0]!,
      routeKey: `${route.method} ${route.paths[0]}`,
      headers: {},
      body: '{}',
    });
    const { result, stdout } = await runBundledWithOutput(route.name, event);
    expect(result.statusCode).toBe(401);
    // One JSON line each for the request log and its metrics, as CloudWatch expects them.
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.find((line) => line.message === 'request')).toMatchObject({
      level: 'INFO',
      status: 401,
      function_request_id: 'bundle-test',
    });
    expect(lines.find((line) => line._aws)).toMatchObject({ Requests: 1, Status4xx: 1 });
  });
});

describe('the syncStripe bundle', () => {
  it('loads in a fresh Node process and processes an empty batch', async () => {
    expect(await runBundled('syncStripe', { Records: [] }, { STRIPE_SECRET_KEY: 'sk_test_bundle' })).toEqual({
      batchItemFailures: [],
    });
  });
});

describe('the publishLowStock bundle', () => {
  it('loads in a fresh Node process and processes an empty batch', async () => {
    expect(await runBundled('publishLowStock', { Records: [] }, { EVENT_BUS_NAME: 'bundle-test-bus' })).toEqual({
      batchItemFailures: [],
    });
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
    const result = await runBundled('customizeAccessToken', event, {
      WRITERS_GROUP: 'inventory-writers',
      ADMINS_GROUP: 'inventory-admins',
    });
    expect(result.response.claimsAndScopeOverrideDetails.accessTokenGeneration).toEqual({
      claimsToAddOrOverride: { tenant_id: 'tenant_acme' },
      scopesToAdd: ['inventory/write'],
      scopesToSuppress: ['inventory/admin'],
    });
  });
});
