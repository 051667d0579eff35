import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { paginateQuery } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chunkFixtures, originalPath } from '#scripts/seed/chunks';
import { parseFixtures } from '#shared/store/fixtures';
import { catalogEntry } from '#shared/store/catalogIndexKeys';
import { startLocalApi } from '#test/support/localApi';
import { db, table, tokenFor, uniqueId } from '#test/support/tenants';

/** `npm run seed -- <file> --api <url> --token <t>`, as a user runs it, against the local server. */
function seed(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function countProducts(tenantId: string): Promise<number> {
  let count = 0;
  const pages = paginateQuery(
    { client: db },
    {
      TableName: table,
      IndexName: 'catalog',
      KeyConditionExpression: 'catalogPk = :pk AND begins_with(catalogSk, :products)',
      ExpressionAttributeValues: { ':pk': catalogEntry.partition(tenantId), ':products': '2PRODUCT#' },
      Select: 'COUNT',
    },
  );
  for await (const page of pages) count += page.Count ?? 0;
  return count;
}

describe('npm run seed -- --api', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  const dir = mkdtempSync(join(tmpdir(), 'seed-api-'));
  beforeAll(async () => {
    api = await startLocalApi();
  });
  afterAll(() => api.close());

  // 5,000 products (six chunks) through HTTP: the limit only catches a hang, on a busy machine too.
  it('imports 5,000 products through the import route in chunks, with a progress report and a summary', { timeout: 300_000 }, async () => {
    const tenantId = uniqueId('bulk');
    const products = Array.from({ length: 5_000 }, (_, i) => ({
      id: `prod_${String(i).padStart(5, '0')}`,
      name: `Product ${i}`,
      type: 'SIMPLE',
    }));
    const file = join(dir, 'bulk.json');
    writeFileSync(
      file,
      JSON.stringify({ tenants: [{ id: tenantId, name: 'Bulk merchant', locations: [{ id: 'wh_1', name: 'One' }], products }] }),
    );

    const started = Date.now();
    const result = await seed([file, '--api', api.baseUrl, '--token', tokenFor(tenantId, { scope: 'inventory/admin' })]);
    const seconds = (Date.now() - started) / 1000;
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Importing 5\d{3} entries in 6 request\(s\)/);
    // The bar reaches the end.
    expect(result.stdout).toMatch(/\] (\d+)\/\1 entries \(100%/);
    // The tenant and its location come with every chunk: created once, then unchanged.
    expect(result.stdout).toContain('Imported: 5002 created, 0 updated, 10 unchanged, 0 refused.');
    expect(await countProducts(tenantId)).toBe(5_000);
    console.log(`5,000 products through npm run seed -- --api: ${seconds.toFixed(1)} s`);
  });

  it('exits 1 and names each refused entry by its path in the file', async () => {
    const tenantId = uniqueId('seedref');
    const file = join(dir, 'refused.json');
    const variants = (sku: string) => [{ id: `var_${sku}`, name: sku, sku: 'SAME-SKU' }];
    writeFileSync(
      file,
      JSON.stringify({
        tenants: [
          {
            id: tenantId,
            name: 'Refusals',
            products: [
              { id: 'p1', name: 'P1', type: 'VARIABLE', variants: variants('a') },
              { id: 'p2', name: 'P2', type: 'VARIABLE', variants: variants('b') },
            ],
          },
        ],
      }),
    );
    const result = await seed([file, '--api', api.baseUrl, '--token', tokenFor(tenantId, { scope: 'inventory/admin' })]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('1 refused');
    expect(result.stdout).toMatch(
      /refused tenants\[0\]\.products\[[01]\]\.variants\[0\] \(variant var_[ab]\): SKU "SAME-SKU" is held by another variant/,
    );
  });

  it('says why the route refused an import, e.g. a writer token', async () => {
    const tenantId = uniqueId('seedwriter');
    const file = join(dir, 'writer.json');
    writeFileSync(file, JSON.stringify({ tenants: [{ id: tenantId, name: 'Writer' }] }));
    const result = await seed([file, '--api', api.baseUrl, '--token', tokenFor(tenantId)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The import was refused (HTTP 403): Token lacks the permission for this operation');
  });
});

describe('import chunks', () => {
  it('keep every chunk within the entry limit, carry the locations, and map paths back to the file', () => {
    const fixtures = parseFixtures({
      tenants: [
        {
          id: 't',
          name: 'T',
          locations: [{ id: 'wh', name: 'W' }],
          vendors: [{ id: 'v', name: 'V' }],
          products: Array.from({ length: 7 }, (_, i) => ({
            id: `p${i}`,
            name: 'P',
            type: 'VARIABLE',
            warehouseIds: ['wh'],
            variants: [{ id: 'a', name: 'A' }],
          })),
        },
      ],
    });
    // Settings and location: 2; vendor: 1; each product: 1 + 1 variant + 1 stock record.
    const chunks = chunkFixtures(fixtures, { entries: 9, bytes: 1_000_000 });
    expect(chunks.map((chunk) => chunk.entries)).toEqual([9, 8, 8, 5]);
    expect(chunks.every((chunk) => chunk.document.tenants[0]!.locations.length === 1)).toBe(true);
    expect(chunks[2]!.document.tenants[0]!.products.map((product) => product.id)).toEqual(['p4', 'p5']);
    expect(originalPath('tenants[0].products[1].variants[0]', chunks[2]!.origin)).toBe('tenants[0].products[5].variants[0]');
    expect(originalPath('tenants[0].locations[0]', chunks[2]!.origin)).toBe('tenants[0].locations[0]');
  });
});
