import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#functions/routes';
import { loadDemos } from '#scripts/demo/index';
import { seedTenant, table, tenantItemsByScan, uniqueId } from '#test/support/tenants';

/** The scripts as a user runs them: real processes, real output, against the test DynamoDB. */
const env = () => {
  // As a user starts it, not in the tests' logging mode: stdout is a pipe here, so JSON lines.
  const { POWERTOOLS_DEV, POWERTOOLS_METRICS_DISABLED, ...inherited } = process.env;
  return { ...inherited, DYNAMODB_ENDPOINT: process.env.DYNAMODB_ENDPOINT, TABLE_NAME: uniqueId('dev'), PORT: '0' };
};

function runScript(script: string, args: string[], environment: NodeJS.ProcessEnv) {
  return spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { env: environment, encoding: 'utf8', timeout: 60_000 });
}

describe('npm start', () => {
  let server: ChildProcess;
  let output = '';
  beforeAll(async () => {
    server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev-server.ts'], { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    server.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (output.includes('Ctrl-C stops')) resolve();
        if (server.exitCode !== null) reject(new Error(`dev server exited:\n${output}`));
      }, 100);
      setTimeout(() => (clearInterval(timer), reject(new Error(`dev server did not start:\n${output}`))), 60_000);
    }).finally(() => undefined);
  });
  afterAll(() => {
    server.kill('SIGINT');
  });

  // Two curls per route, one after the other: the time grows with the routes.
  it('prints one curl per route that answers as its note says, first and when repeated', { timeout: 1_000 * ROUTES.length }, async () => {
    const demos = await loadDemos();
    const curls = output
      .split('\n\n')
      .filter((block) => /^# (GET|POST|PUT|PATCH|DELETE) /.test(block))
      .map((block) => block.slice(block.indexOf('\n') + 1));
    expect(curls).toHaveLength(demos.length);
    // Printed once, above the curls, as lines a user runs first in the same shell.
    const exports = output.split('\n').filter((line) => line.startsWith('export '));
    expect(exports.map((line) => line.slice(0, line.indexOf('=')))).toEqual(['export TOKEN', 'export ADMIN_TOKEN']);
    expect(curls.every((curl) => !/eyJ/.test(curl))).toBe(true);
    for (const [index, { demo }] of demos.entries()) {
      const script = [...exports, curls[index]!].join('\n');
      const run = () => spawnSync('sh', ['-c', script], { encoding: 'utf8' }).stdout.trim().split('\n').at(-1);
      expect(run()).toBe(`HTTP ${demo.example.expect.first}`);
      expect(run()).toBe(`HTTP ${demo.example.expect.repeat}`);
    }
    // Each call printed its structured line, as the function does in Lambda (read once the blocking curls are done).
    const requestLines = () =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line))
        .filter((line) => line.message === 'request');
    for (const deadline = Date.now() + 5_000; requestLines().length < 2 * demos.length && Date.now() < deadline;)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const logged = requestLines();
    for (const { route, demo } of demos) {
      const statuses = logged
        .filter((line) => route.paths.some((path) => line.route === `${route.method} ${path}`))
        .map((line) => line.status);
      expect(statuses, route.name).toEqual([demo.example.expect.first, demo.example.expect.repeat]);
    }
    expect(logged.every((line) => line.level === 'INFO' && line.tenant_id && typeof line.dynamodb_round_trips === 'number')).toBe(true);
  });

  it('syncs a variant created by the printed DayZero curl to the local Stripe stand-in', async () => {
    const deadline = Date.now() + 15_000;
    while (!/stripe sync: variant \S+ -> stripe_product_id prod_\w+, stripe_price_id price_\w+/.test(output) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toMatch(/stripe sync: variant \S+ -> stripe_product_id prod_\w+, stripe_price_id price_\w+/);
  });

  it('logs one InventoryLowStock event when the printed reserve curls take the demo record low', async () => {
    const pattern = /InventoryLowStock: \{"eventId":"inv_5eed0000000000000000000000000001#\d+".*"availableQty":4,"reorderLevel":8/;
    const deadline = Date.now() + 15_000;
    while (!pattern.test(output) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(output).toMatch(pattern);
    expect(output.match(/InventoryLowStock: /g)).toHaveLength(1);
  });
});

describe('npm run token', () => {
  it('prints only a JWT', () => {
    const result = runScript('scripts/token.ts', ['--tenant', 'tenant_x'], env());
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const payload = JSON.parse(Buffer.from(result.stdout.split('.')[1]!, 'base64url').toString());
    expect(payload).toMatchObject({ tenant_id: 'tenant_x', scope: 'inventory/write' });
  });

  it('refuses to run without a tenant', () => {
    const result = runScript('scripts/token.ts', [], env());
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});

describe('npm run seed', () => {
  const dir = mkdtempSync(join(tmpdir(), 'seed-'));
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };

  it('lists every problem of a bad file with its JSON path and exits 1', () => {
    const path = file(
      'bad.json',
      JSON.stringify({
        tenants: [{ id: 't', name: 'T', currency: 'usd', locations: [{ id: 'a' }], products: [{ id: 'p', name: 'P', type: 'BUNDLE' }] }],
      }),
    );
    const result = runScript('scripts/seed.ts', [path], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tenants[0].locations[0].name: name is required');
    expect(result.stderr).toContain('tenants[0].products[0].type: type must be one of SIMPLE, DIGITAL, VARIABLE');
  });

  it('loads a good file through the fixtures loader, as the tests and npm start load fixtures', async () => {
    const tenantId = uniqueId('seeded');
    const fixture = {
      id: tenantId,
      name: 'Seeded',
      locations: [{ id: 'wh', name: 'Main' }],
      products: [{ id: 'p', name: 'P', type: 'VARIABLE' as const, variants: [{ id: 'v', name: 'V', sku: 'SEED-V' }] }],
    };
    const result = runScript('scripts/seed.ts', [file('good.json', JSON.stringify({ tenants: [fixture] }))], {
      ...env(),
      TABLE_NAME: table,
    });
    expect(result.status, result.stderr).toBe(0);
    // Tenant, location, product, variant, their guards and index entries, the product's and the variant's OrderCloud
    // record counts, and the mark that the tenant's inventory item count is exact.
    expect(result.stdout).toContain('Loaded 9 items for 1 tenant(s)');
    // The same items the tests' own loader writes, under another tenant.
    const other = await seedTenant({ ...fixture, id: undefined });
    const comparable = async (id: string) =>
      JSON.parse(
        JSON.stringify(await tenantItemsByScan(id))
          .replaceAll(id, 'TENANT')
          .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, 'AT'),
      );
    expect(await comparable(tenantId)).toEqual(await comparable(other));
  });

  it('points at the catalog member of an export page saved whole', () => {
    const page = { catalog: { tenants: [{ id: 't', name: 'T' }] }, nextCursor: null };
    const result = runScript('scripts/seed.ts', [file('page.json', JSON.stringify(page))], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('(root): this is a page of the catalog export (GET /admin/catalog): send its "catalog" member');
  });

  it('says so when the file is not JSON', () => {
    const result = runScript('scripts/seed.ts', [file('broken.json', '{ not json')], env());
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot read');
  });
});
