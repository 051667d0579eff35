import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import type { TenantFixture } from '#shared/store/fixtures';
import { documentClient } from '#shared/store/client';
import { GROUP_LIMITS } from '#shared/store/writeGroups';
import { invoke, type Reply } from '#test/support/http';
import { countingCommands } from '#test/support/commandCounts';
import { importedContents, importReport } from '#test/support/importedContents';
import { bearer, itemsOfType, seedTenant, tokenFor, uniqueId } from '#test/support/tenants';
import { expectWhole, storedLevels } from '#test/support/storedLevels';

/**
 * The import's ledger entries (stock quantities and links) are read together and written many to a
 * transaction (shared/domain/catalogImportGrouped): each entry gets the outcome, and leaves the
 * table, as its own transaction would; a document of quantities on existing levels is a handful of
 * transactions, not one per quantity; racing imports lose no movement; and a fault of the database
 * in the middle leaves every level with its views and history whole.
 */

type ProductFixture = NonNullable<TenantFixture['products']>[number];
type Variant = NonNullable<ProductFixture['variants']>[number];

const tenant = (tenantId: string, products: ProductFixture[]): TenantFixture => ({
  id: tenantId,
  name: 'Ledger groups',
  defaultLocationId: 'wh_a',
  locations: [
    { id: 'wh_a', name: 'A' },
    { id: 'wh_b', name: 'B' },
  ],
  inventoryItems: [
    { id: 'iitem_box', title: 'Box', levels: [] },
    { id: 'iitem_bag', title: 'Bag', levels: [] },
  ],
  products,
});

const importing = (tenantId: string, products: ProductFixture[]): Promise<Reply> =>
  invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
    body: { tenants: [tenant(tenantId, products)] },
  });

/** The tenant as the fixtures loader writes it (what the import would leave), so that each test imports only what it measures. */
const seeding = (tenantId: string, products: ProductFixture[]) => seedTenant(tenant(tenantId, products));

/** `count` VARIABLE products of two variants each, each variant's quantities and links as `extra` gives them. */
const products = (count: number, extra: (id: string, i: number, k: number) => Partial<Variant>): ProductFixture[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `p_${i}`,
    name: `Product ${i}`,
    type: 'VARIABLE',
    variants: [0, 1].map((k) => ({
      id: `p_${i}_v${k}`,
      name: `p_${i} v${k}`,
      sku: `P_${i}_V${k}`,
      attributes: { K: `${k}` },
      ...extra(`p_${i}_v${k}`, i, k),
    })),
  }));

/** A link's ID (a ULID's 26 characters) named after its variant and item. */
const linkId = (variantId: string, item: string) => `pvitem_${`${variantId.replaceAll('_', '').toUpperCase()}${item}`.padEnd(26, '0')}`;

type Result = { path: string; entity: string; id: string; result: string; reason?: string };

// Each test imports a few hundred entries several times, once one transaction per entry: the limit only catches a hang.
describe('the import’s quantities and links, many to a transaction', { timeout: 120_000 }, () => {
  afterEach(() => {
    GROUP_LIMITS.actions = 100;
  });

  it('reports and stores exactly what one transaction per entry does, refusals in the middle of groups included', async () => {
    const seed = products(20, (id, i) => ({
      stock: [{ locationId: 'wh_a', onHand: 10 + i }],
      inventoryLinks: [{ id: linkId(id, 'BOX'), inventoryItemId: 'iitem_box', requiredQuantity: 1 }],
    }));
    const document = products(20, (id, i, k) => ({
      // Most quantities move, every fifth stays; every third variant gets a new level at wh_b.
      stock: [
        { locationId: 'wh_a', onHand: i % 5 === 0 ? 10 + i : 20 + i + k },
        ...(i % 3 === 0 ? [{ locationId: 'wh_b', onHand: 5 }] : []),
      ],
      // Links: the box's quantity changes for odd products; a bag link is new; every seventh links a ghost.
      inventoryLinks: [
        { id: linkId(id, 'BOX'), inventoryItemId: 'iitem_box', requiredQuantity: i % 2 === 1 ? 2 : 1 },
        { id: linkId(id, 'BAG'), inventoryItemId: i % 7 === 3 ? 'iitem_ghost' : 'iitem_bag', requiredQuantity: 1 },
      ],
    }));
    // A new variant refused in the middle (its SKU is another's): its quantity and its two links are refused too.
    document[17]!.variants!.push({
      id: 'p_17_v2',
      name: 'p_17 v2',
      sku: 'P_3_V0',
      attributes: { K: '2' },
      stock: [{ locationId: 'wh_a', onHand: 3 }],
      inventoryLinks: [
        { id: linkId('p_17_v2', 'BOX'), inventoryItemId: 'iitem_box', requiredQuantity: 1 },
        { id: linkId('p_17_v2', 'BAG'), inventoryItemId: 'iitem_bag', requiredQuantity: 1 },
      ],
    });

    const run = async (actions: number) => {
      const tenantId = uniqueId('ledger');
      await seeding(tenantId, seed);
      GROUP_LIMITS.actions = actions;
      const { value: reply, calls } = await countingCommands(() => importing(tenantId, document));
      GROUP_LIMITS.actions = 100;
      expect(reply.status).toBe(200);
      return { report: importReport(reply, tenantId), contents: await importedContents(tenantId), calls };
    };
    const grouped = await run(100);
    const oneByOne = await run(1);
    expect(grouped.report).toEqual(oneByOne.report);
    expect(grouped.contents).toEqual(oneByOne.contents);
    expect(grouped.calls.TransactWriteItemsCommand).toBeLessThan(oneByOne.calls.TransactWriteItemsCommand! / 10);

    const results = grouped.report.results as Result[];
    const at = (path: string) => results.find((result) => result.path === `tenants[0].${path}`);
    expect(at('products[17].variants[2]')).toMatchObject({ result: 'refused' });
    expect(at('products[17].variants[2].stock[0]')).toMatchObject({ result: 'refused', reason: expect.stringContaining('p_17_v2') });
    expect(at('products[17].variants[2].inventoryLinks[0]')).toMatchObject({
      result: 'refused',
      reason: expect.stringContaining('p_17_v2'),
    });
    expect(at('products[17].variants[2].inventoryLinks[1]')).toMatchObject({
      result: 'refused',
      reason: expect.stringContaining('p_17_v2'),
    });
    expect(at('products[3].variants[0].inventoryLinks[1]')).toMatchObject({
      result: 'refused',
      reason: expect.stringContaining('iitem_ghost'),
    });
    expect(at('products[3].variants[0].stock[0]')).toMatchObject({ result: 'updated' });
    expect(at('products[3].variants[0].stock[1]')).toMatchObject({ result: 'created' });
    expect(at('products[5].variants[1].stock[0]')).toMatchObject({ result: 'unchanged' });
    expect(at('products[5].variants[1].inventoryLinks[0]')).toMatchObject({ result: 'updated' });
    expect(at('products[4].variants[1].inventoryLinks[0]')).toMatchObject({ result: 'unchanged' });
    const of = (entity: string, result: string) => results.filter((entry) => entry.entity === entity && entry.result === result).length;
    expect([of('stock', 'updated'), of('stock', 'unchanged'), of('stock', 'created'), of('stock', 'refused')]).toEqual([32, 8, 14, 1]);
    expect([of('inventoryLink', 'updated'), of('inventoryLink', 'created'), of('inventoryLink', 'refused')]).toEqual([20, 34, 8]);
  });

  it('writes 100 quantities on existing levels in a handful of transactions, not 100', async () => {
    const tenantId = uniqueId('count');
    await seeding(
      tenantId,
      products(50, () => ({ stock: [{ locationId: 'wh_a', onHand: 10 }] })),
    );
    const { value: reply, calls } = await countingCommands(() =>
      importing(
        tenantId,
        products(50, (_id, i, k) => ({ stock: [{ locationId: 'wh_a', onHand: 11 + i + k }] })),
      ),
    );
    expect(reply.status).toBe(200);
    const stock = (reply.body.results as Result[]).filter((result) => result.entity === 'stock');
    expect(stock.map((result) => result.result)).toEqual(Array.from({ length: 100 }, () => 'updated'));
    // Three actions a movement (the level, Medusa's view, the history entry): 33 to a transaction.
    expect(calls.TransactWriteItemsCommand).toBeLessThanOrEqual(4);
    // The catalog's reads, then the quantities' three rounds of BatchGets (100 keys to a call).
    expect(calls.BatchGetItemCommand).toBeLessThanOrEqual(8);
    expect(calls.GetItemCommand ?? 0).toBe(0);
    for (const level of await storedLevels(tenantId)) {
      expectWhole(level);
      expect(level.version).toBe(2);
    }
  });

  it('loses no movement when two imports race over the same levels: each level’s history adds up', async () => {
    const tenantId = uniqueId('race');
    const stock = (onHand: (i: number) => number) => (_id: string, i: number) => ({
      stock: [
        { locationId: 'wh_a', onHand: onHand(i) },
        { locationId: 'wh_b', onHand: onHand(i) + 1 },
      ],
    });
    await seeding(
      tenantId,
      products(
        15,
        stock(() => 10),
      ),
    );
    const [a, b] = await Promise.all([
      importing(
        tenantId,
        products(
          15,
          stock((i) => 20 + i),
        ),
      ),
      importing(
        tenantId,
        products(
          15,
          stock((i) => 40 + i),
        ),
      ),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const updates = new Map<string, number>();
    for (const reply of [a, b]) {
      for (const result of (reply.body.results as Result[]).filter((entry) => entry.entity === 'stock')) {
        expect(result.result).toBe('updated');
        updates.set(result.id, (updates.get(result.id) ?? 0) + 1);
      }
    }
    const stored = await storedLevels(tenantId);
    expect(stored).toHaveLength(60);
    for (const level of stored) {
      expectWhole(level);
      // Both imports moved it, one after the other: created, then one movement each.
      expect(level.version, level.place).toBe(3);
      expect(level.history.filter((movement) => movement.reason === 'import' && movement.kind === 'adjusted')).toHaveLength(2);
    }
    expect([...updates.values()].every((count) => count === 2)).toBe(true);
  });

  it('leaves no level in part when DynamoDB fails in the middle, and a second import completes it', async () => {
    const tenantId = uniqueId('fault');
    await seeding(
      tenantId,
      products(30, () => ({ stock: [{ locationId: 'wh_a', onHand: 10 }] })),
    );
    const document = products(30, () => ({ stock: [{ locationId: 'wh_a', onHand: 25 }] }));
    // The second of the quantities' transactions and every one after it fail as an unavailable service would.
    let transactions = 0;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        const movements = context.commandName === 'TransactWriteItemsCommand' && JSON.stringify(args.input).includes('StockMovement');
        if (movements && ++transactions > 1) throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
        return next(args);
      },
      { step: 'deserialize', name: 'ledgerGroupsFault' },
    );
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await importing(tenantId, document).finally(() => {
      documentClient().middlewareStack.remove('ledgerGroupsFault');
      log.mockRestore();
    });
    expect(failed.status).toBe(503);

    const partial = await storedLevels(tenantId);
    expect(partial).toHaveLength(60);
    for (const level of partial) {
      expectWhole(level);
      expect([level.onHand, level.version], level.place).toEqual(level.version === 1 ? [10, 1] : [25, 2]);
    }
    const moved = partial.filter((level) => level.version === 2).length;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(60);

    const again = await importing(tenantId, document);
    expect(again.status).toBe(200);
    expect(again.body.summary.refused).toBe(0);
    for (const level of await storedLevels(tenantId)) {
      expectWhole(level);
      expect([level.onHand, level.version], level.place).toEqual([25, 2]);
    }
    expect(await itemsOfType(tenantId, 'StockMovement')).toHaveLength(120);
  });
});
