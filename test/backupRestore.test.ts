import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as exportHandler } from '#functions/admin/exportCatalog/handler';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { DEMO_TENANT_ID } from '#functions/commons/demo';
import { ROUTES, type RouteDefinition } from '#functions/routes';
import { demoFixtures, loadDemos, type LoadedDemo } from '#scripts/demo/index';
import { matchPath } from '#scripts/local/apiGatewayEvent';
import { LEFT_OUT } from '#shared/store/catalogExportStored';
import { retarget } from '#shared/store/catalogRestoreItems';
import { invoke, type Reply } from '#test/support/http';
import { startLocalApi } from '#test/support/localApi';
import { bearer, db, seedTenant, table, tenantItems, tokenFor, uniqueId } from '#test/support/tenants';

/**
 * Backup and restore: a tenant written through every write route is exported page by page and
 * imported into an empty tenant; every read route then answers there as it answers for the
 * source, byte for byte once the tenant's ID is replaced, and the table holds the same items.
 */

/**
 * Every read route, each with the reads compared (the route's demo request first). A read route
 * added to the registry without an entry here fails the test: name what it reads.
 */
const COMPARED: Record<string, { query?: string; path?: () => string }[]> = {
  getInventoryRecord: [{}],
  listInventoryRecords: [{}, { query: 'limit=100' }, { query: 'limit=2' }],
  listInventoryMovements: [{}, { query: 'limit=100' }],
  listLowStockInventory: [{}, { query: 'limit=100' }],
  getProductVariant: [{}, { query: 'fields=%2Binventory_quantity' }],
  listProductVariants: [{}, { query: 'fields=%2Binventory_quantity,*inventory_items&limit=100' }],
  listLocationLevels: [{}],
  listVariantInventoryRecords: [{}, { query: 'pageSize=100' }],
  getVariantInventoryRecord: [{}],
  listProductInventoryRecords: [{}, { query: 'pageSize=100' }],
  getProductInventoryRecord: [{}],
  getVariant: [{}],
  listVariants: [{}, { query: 'limit=100' }, { query: 'limit=100&archived=true' }, { query: 'limit=100&sort_by=name' }],
  adjustmentReasonsReport: [{}],
  exportCatalog: [{}, { query: 'limit=500' }],
  listMerchantApiKeys: [{}, { query: 'limit=100' }],
  getBusinessSettings: [{}],
  listStockLocations: [{}, { query: 'limit=100' }, { query: 'limit=100&order=-updated_at' }],
  getStockLocation: [{}],
  listInventoryItems: [{}, { query: 'limit=100' }, { query: 'limit=100&order=-updated_at' }],
  getInventoryItem: [{}, { path: () => '/admin/inventory-items/iitem_medusa_scale' }],
  listReservations: [
    {},
    { query: 'limit=100' },
    { query: 'location_id=wh_main&limit=100' },
    { query: 'location_id=wh_def456' },
    { query: 'inventory_item_id=iitem_medusa_scale&limit=100' },
    { query: 'line_item_id=ordli_demo_1043' },
    { query: 'order=-updated_at&limit=100' },
  ],
  getReservation: [{}, { path: () => `/admin/reservations/${reserved}` }],
};

const ADMIN = 'inventory/admin';
/** Every kind of item the source holds once written through every route. */
const KINDS = [
  'Tenant',
  'MerchantApiKey',
  'Location',
  'Vendor',
  'Product',
  'Variant',
  'SkuGuard',
  'VariantIdGuard',
  'ItemSkuGuard',
  'ItemCount',
  'StockGuard',
  'StockRecord',
  'StockMovement',
  'StockAdjustment',
  'InventoryItem',
  'LocationLevel',
  'VariantInventoryLink',
  'ItemLinkCopy',
  'InventoryRecord',
  'InventoryRecordId',
  'InventoryRecordCount',
  'Reservation',
  'ReservationCopy',
];
const reads = ROUTES.filter((route) => route.method === 'GET');

let demos: LoadedDemo[];
let source: string;
/** A reservation the demos made and then changed (the demo's own reservation is deleted by its demo). */
let reserved: string;

/** A value with the tenant's ID (and its key prefix) of one tenant written as another's. */
const swap = <T>(value: T, from: string, to: string): T => JSON.parse(JSON.stringify(value).replaceAll(from, to)) as T;

/** Calls a route's demo request (the path with its IDs, or the one given; the query given or the demo's) for a tenant. */
async function call(loaded: LoadedDemo, tenantId: string, query?: string, body?: unknown, path?: string): Promise<Reply> {
  const example = { ...swap(loaded.demo.example, DEMO_TENANT_ID, tenantId), ...(path ? { path } : {}) };
  const template = loaded.route.paths.find((path) => matchPath(path, example.path) !== undefined)!;
  const pathParameters = matchPath(template, example.path)!;
  const { handler } = await loaded.route.handler();
  const token = tokenFor(tenantId, example.scope ? { scope: example.scope } : {});
  const chosen = query ?? example.query;
  return invoke(handler, {
    path: example.path,
    routeKey: `${loaded.route.method} ${template}`,
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    ...(chosen ? { query: chosen } : {}),
    headers: { authorization: bearer(token), ...example.headers },
    ...((body ?? example.body) === undefined ? {} : { body: body ?? example.body }),
  });
}

async function exportAll(tenantId: string, limit = 2): Promise<any[]> {
  const pages: any[] = [];
  let cursor: string | null = null;
  do {
    const reply = await invoke(exportHandler, {
      path: '/admin/catalog',
      routeKey: 'GET /admin/catalog',
      headers: { authorization: bearer(tokenFor(tenantId, { scope: ADMIN })) },
      query: `limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    pages.push(reply.body.catalog);
    cursor = reply.body.nextCursor;
  } while (cursor);
  return pages;
}

/** Imports the pages into `target`, changing only the document's tenant ID, as an operator does. */
async function restore(pages: any[], target: string): Promise<any[]> {
  const reports: any[] = [];
  for (const page of pages) {
    const document = structuredClone(page);
    document.tenants[0].id = target;
    const reply = await invoke(importHandler, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(target, { scope: ADMIN })) },
      body: document,
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    reports.push(reply.body);
  }
  return reports;
}

/** The tenant's items a restore carries (not the in-flight ones), as the target stores them. */
async function restorable(tenantId: string, as: string) {
  const items = await tenantItems(tenantId);
  return items.filter((item) => !LEFT_OUT.has(String(item.type))).map((item) => retarget(item, tenantId, as));
}

/** A reply with what differs by nature between two tenants' answers made the same: sealed cursors and export runs. */
function comparable(reply: Reply): unknown {
  const walk = (value: unknown, name?: string): unknown => {
    if (Array.isArray(value)) return value.map((entry) => walk(entry));
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, walk(entry, key)]));
    if (typeof value === 'string' && name !== undefined && /cursor|^exportId$/i.test(name)) return '(sealed for its tenant)';
    return value;
  };
  return { status: reply.status, body: walk(reply.body) };
}

beforeAll(async () => {
  demos = await loadDemos();
  source = uniqueId('backup');
  const [tenant] = demoFixtures(demos).tenants;
  await seedTenant(swap({ ...tenant!, id: DEMO_TENANT_ID }, DEMO_TENANT_ID, source));
  // Data written through every write route of the four APIs and the admin API, as their demos write it.
  for (const loaded of demos.filter(({ route }) => route.method !== 'GET')) {
    const reply = await call(loaded, source);
    expect(reply.status, `${loaded.route.name}: ${JSON.stringify(reply.body)}`).toBeLessThan(500);
    if (loaded.route.name === 'createReservation') reserved = reply.body.reservation.id;
  }
  // The reservation made changed too (a second version, moved to another location: its copies follow).
  const update = demos.find(({ route }) => route.name === 'updateReservation')!;
  const changed = await call(
    update,
    source,
    undefined,
    { quantity: 2, location_id: 'wh_def456', description: 'Order #1043, two' },
    `/admin/reservations/${reserved}`,
  );
  expect(changed.status, JSON.stringify(changed.body)).toBe(200);
  // And a record taken below its reorder level, so the low-stock report has an entry.
  const adjust = demos.find(({ route }) => route.name === 'adjustInventory')!;
  expect((await call(adjust, source, undefined, { qty: 1, reason: 'count', reorderLevel: 30 })).status).toBe(200);
}, 120_000);

describe('backup and restore', () => {
  it('names every read route of the registry, and no other', () => {
    expect(Object.keys(COMPARED).sort()).toEqual(reads.map((route: RouteDefinition) => route.name).sort());
  });

  it('restores into an empty tenant every read of every route, byte for byte but for the tenant ID', async () => {
    const pages = await exportAll(source);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0].formatVersion).toBe(2);
    const target = uniqueId('restored');
    const reports = await restore(pages, target);
    for (const report of reports)
      expect(report.summary.refused, JSON.stringify(report.results.filter((r: any) => r.result === 'refused'))).toBe(0);

    const items = await restorable(source, target);
    // The source holds every kind of item a tenant keeps, and the restore gives each back.
    expect(new Set(items.map((item) => item.type))).toEqual(new Set(KINDS));
    expect(await restorable(target, target)).toEqual(items);
    for (const loaded of demos.filter(({ route }) => route.method === 'GET')) {
      for (const { query, path } of COMPARED[loaded.route.name]!) {
        const [before, after] = [
          await call(loaded, source, query, undefined, path?.()),
          await call(loaded, target, query, undefined, path?.()),
        ];
        expect(comparable(after), `${loaded.route.name} ${path?.() ?? ''}?${query ?? loaded.demo.example.query ?? ''}`).toEqual(
          swap(comparable(before), source, target),
        );
      }
    }
  }, 120_000);

  it('resumes an interrupted restore into the same tenant as an uninterrupted one', async () => {
    const pages = await exportAll(source, 3);
    const target = uniqueId('resumed');
    // Stopped after the second page, then run again from the start: nothing is written twice.
    await restore(pages.slice(0, 2), target);
    const again = await restore(pages, target);
    expect(again[0].summary.created).toBe(0);
    for (const report of again) expect(report.summary.refused).toBe(0);
    expect(await restorable(target, target)).toEqual(await restorable(source, target));
  }, 60_000);

  it('refuses an oversize entry with its path, writing nothing of what it belongs to', async () => {
    const [page] = await exportAll(source, 500);
    const target = uniqueId('oversize');
    const stored = page.tenants[0].stored as { of: string; items: Record<string, unknown>[] }[];
    // A product with variants (a product may hold only its OrderCloud records and their count).
    const g = stored.findIndex((group) => group.of.startsWith('product ') && group.items.some((item) => item.type === 'Variant'));
    const variant = stored[g]!.items.findIndex((item) => item.type === 'Variant');
    stored[g]!.items[variant]!.name = 'x'.repeat(360 * 1024);
    const [report] = await restore([page], target);
    const path = `tenants[0].stored[${g}].items[${variant}]`;
    const refused = report.results.filter((result: any) => result.result === 'refused');
    expect(refused).toHaveLength(stored[g]!.items.length);
    expect(refused.every((result: any) => result.reason.startsWith(`${path}: its stored item would take`))).toBe(true);
    const written = new Set((await tenantItems(target)).map((item) => `${String(item.pk)} ${String(item.sk)}`));
    for (const item of stored[g]!.items) {
      const moved = retarget(item, source, target);
      expect(written.has(`${String(moved.pk)} ${String(moved.sk)}`)).toBe(false);
    }
  }, 60_000);

  it('writes a group all or nothing: an item stored otherwise at one of its keys leaves the whole group unwritten', async () => {
    const [page] = await exportAll(source, 500);
    const target = uniqueId('atomic');
    await restore([page], target);
    const stored = page.tenants[0].stored as { of: string; items: Record<string, unknown>[] }[];
    const g = stored.findIndex((group) => group.of.startsWith('product ') && group.items.some((item) => item.type === 'SkuGuard'));
    const items = stored[g]!.items.map((item) => retarget(item, source, target));
    const guard = items.findIndex((item) => item.type === 'SkuGuard');
    const product = items.find((item) => item.type === 'Product')!;
    // Since the restore: the product item is gone and its SKU now names another variant.
    await db.send(new DeleteCommand({ TableName: table, Key: { pk: product.pk, sk: product.sk } }));
    await db.send(new PutCommand({ TableName: table, Item: { ...items[guard]!, variantId: 'var_someone_else' } }));
    const [again] = await restore([page], target);
    const group = again.results.filter((result: any) => result.path.startsWith(`tenants[0].stored[${g}].`));
    const reason = `tenants[0].stored[${g}].items[${guard}]: another item is stored at its key`;
    expect(group.filter((result: any) => result.result === 'refused').every((result: any) => result.reason === reason)).toBe(true);
    expect(group.some((result: any) => result.result === 'created')).toBe(false);
    const { Item } = await db.send(new GetCommand({ TableName: table, Key: { pk: product.pk, sk: product.sk } }));
    expect(Item).toBeUndefined();
  }, 60_000);

  it('into a tenant that holds data, upserts the sections and writes no stored item', async () => {
    const pages = await exportAll(source, 500);
    const target = uniqueId('holding');
    await seedTenant({ id: target, name: 'Holds data', locations: [{ id: 'wh_main', name: 'Main' }] });
    const before = await tenantItems(target);
    const [report] = await restore(pages.slice(0, 1), target);
    const stored = report.results.filter((result: any) => result.entity === 'stored');
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((result: any) => result.result === 'unchanged')).toBe(true);
    expect(report.results.some((result: any) => result.entity === 'tenant' && result.result === 'updated')).toBe(true);
    const after = await tenantItems(target);
    expect(after.some((item) => item.type === 'RestoreMarker')).toBe(false);
    expect(after.length).toBeGreaterThan(before.length);
  }, 60_000);
});

/** `npm run <script> -- <args>`, as a user runs it. */
function script(name: 'backup' | 'restore', args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${name}.ts`, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('a restore into a tenant that holds data', () => {
  it('sets its stock by movements with reason import, keeping its own history and writing none of the backup', async () => {
    const fixture = (id: string, onHand: number) => ({
      id,
      name: 'Holds data',
      defaultLocationId: 'wh_a',
      locations: [{ id: 'wh_a', name: 'A' }],
      products: [
        {
          id: 'prod_tee',
          name: 'Tee',
          type: 'VARIABLE' as const,
          variants: [{ id: 'var_tee', name: 'Tee / M', sku: 'TEE-M', unitPrice: 1500, stock: [{ locationId: 'wh_a', onHand }] }],
        },
      ],
    });
    const from = await seedTenant(fixture(uniqueId('holdsrc'), 10));
    const target = await seedTenant(fixture(uniqueId('holddst'), 3));
    const pages = await exportAll(from, 500);
    expect(pages[0].tenants[0].products[0].variants[0]).toMatchObject({ unitPrice: 1500, stock: [{ locationId: 'wh_a', onHand: 10 }] });
    const movements = async () =>
      (await tenantItems(target))
        .filter((item) => item.type === 'StockMovement')
        .map((item) => [item.version, item.reason, item.onHandQty]);
    const before = await movements();
    const [report] = await restore(pages, target);
    expect(report.results.find((result: any) => result.entity === 'stock')).toMatchObject({ result: 'updated' });
    expect(await movements()).toEqual([...before, [before.length + 1, 'import', 10]]);
  }, 60_000);
});

describe('npm run backup and npm run restore', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  const dir = mkdtempSync(join(tmpdir(), 'backup-'));
  const admin = (tenantId: string) => tokenFor(tenantId, { scope: ADMIN });
  beforeAll(async () => {
    api = await startLocalApi();
  });
  afterAll(() => api.close());

  it('backs a tenant up to a file and restores it into an empty tenant, resuming an interrupted run without writing twice', async () => {
    const file = join(dir, 'source.jsonl');
    const backup = await script('backup', ['--api', api.baseUrl, '--token', admin(source), '--out', file]);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^Backed up \d+ stored items in 1 page\(s\)/);
    expect(backup.stderr).toContain('Exporting from');

    // One run, uninterrupted.
    const whole = uniqueId('clifull');
    const restored = await script('restore', ['--api', api.baseUrl, '--token', admin(whole), '--file', file]);
    expect(restored.status, restored.stdout + restored.stderr).toBe(0);
    expect(restored.stderr).toMatch(/\] (\d+)\/\1 entries \(100%/);
    expect(restored.stdout).toMatch(/Restored: \d+ created, 0 updated, \d+ unchanged, 0 refused\./);
    expect(existsSync(`${file}.checkpoint`)).toBe(false);
    expect(await restorable(whole, whole)).toEqual(await restorable(source, whole));

    // Stopped after two pages, then run again from the start: the pages sent are answered as before, nothing is written twice.
    const paged = join(dir, 'paged.jsonl');
    expect((await script('backup', ['--api', api.baseUrl, '--token', admin(source), '--out', paged, '--limit', '3'])).status).toBe(0);
    const lines = readFileSync(paged, 'utf8').trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    const resumed = uniqueId('cliresumed');
    const firstTwo = join(dir, 'first-two.jsonl');
    writeFileSync(firstTwo, `${lines.slice(0, 2).join('\n')}\n`);
    expect((await script('restore', ['--api', api.baseUrl, '--token', admin(resumed), '--file', firstTwo])).status).toBe(0);
    const again = await script('restore', ['--api', api.baseUrl, '--token', admin(resumed), '--file', paged]);
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(await restorable(resumed, resumed)).toEqual(await restorable(whole, resumed));

    // Read straight from the table (as from one restored to a point in time): the same items come back.
    const fromTable = join(dir, 'table.jsonl');
    const direct = await script('backup', ['--tenant', source, '--out', fromTable]);
    expect(direct.status, direct.stderr).toBe(0);
    expect(direct.stdout).toBe(backup.stdout.replace(file, fromTable));
    const viaTable = uniqueId('clitable');
    expect((await script('restore', ['--api', api.baseUrl, '--token', admin(viaTable), '--file', fromTable])).status).toBe(0);
    expect(await restorable(viaTable, viaTable)).toEqual(await restorable(source, viaTable));

    const checkpointed = uniqueId('clicheck');
    const checkpoint = join(dir, 'checkpoint.json');
    const exportId = JSON.parse(lines[0]!).tenants[0].restore.exportId;
    writeFileSync(checkpoint, JSON.stringify({ exportId, tenantId: checkpointed, page: 1, chunk: 0 }));
    const skipped = await script('restore', [
      '--api',
      api.baseUrl,
      '--token',
      admin(checkpointed),
      '--file',
      paged,
      '--checkpoint',
      checkpoint,
    ]);
    expect(skipped.stdout).toContain('Resumed at page 2, request 1.');
    expect(existsSync(checkpoint)).toBe(false);
  }, 120_000);

  it('exits 2 without its required options, and 1 for a file that is not a backup or an API it cannot reach', async () => {
    const notBackup = join(dir, 'fixtures.json');
    writeFileSync(notBackup, JSON.stringify({ tenants: [{ id: 't', name: 'T' }] }));
    // Four runs that do not depend on one another, side by side.
    const [noToken, noFile, refused, unreachable] = await Promise.all([
      script('backup', ['--api', api.baseUrl]),
      script('restore', ['--api', api.baseUrl, '--token', 'x']),
      script('restore', ['--api', api.baseUrl, '--token', admin('t'), '--file', notBackup]),
      script('backup', ['--api', 'http://127.0.0.1:9', '--token', admin(source), '--out', join(dir, 'x.jsonl')]),
    ]);
    expect(noToken.status).toBe(2);
    expect(noFile.status).toBe(2);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('line 1: it is not a page of an export');
    expect(unreachable.status).toBe(1);
    expect(unreachable.stderr).toContain('Cannot reach');
  }, 60_000);
});
