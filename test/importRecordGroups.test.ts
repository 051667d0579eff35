import { afterEach, describe, expect, it } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import type { TenantFixture } from '#shared/store/fixtures';
import { GROUP_LIMITS } from '#shared/store/writeGroups';
import { countingCommands } from '#test/support/commandCounts';
import { invoke, type Reply } from '#test/support/http';
import { importedContents, importReport } from '#test/support/importedContents';
import { bearer, seedTenant, tokenFor, uniqueId } from '#test/support/tenants';
import { expectWhole, storedLevels } from '#test/support/storedLevels';

/**
 * The import's OrderCloud records and inventory item levels are read together and written many to
 * a transaction, as its quantities and links are (shared/domain/catalogImportGrouped): each entry
 * gets the outcome, and leaves the table, as its own transaction would; a document of them is a
 * handful of transactions; and two imports racing over the same records and levels leave one
 * record per place, one level per place, and every level's history whole.
 */

type ProductFixture = NonNullable<TenantFixture['products']>[number];
type ItemFixture = NonNullable<TenantFixture['inventoryItems']>[number];
type RecordFixture = NonNullable<ProductFixture['inventoryRecords']>[number];

/** A location past the entry size: the import refuses it, so records and levels there name a location that is not there. */
const TOO_BIG = { id: 'wh_big', name: 'Big', address: { xp: { note: 'x'.repeat(360_000) } } };

const tenant = (tenantId: string, products: ProductFixture[], inventoryItems: ItemFixture[], big = false): TenantFixture => ({
  id: tenantId,
  name: 'Record groups',
  defaultLocationId: 'wh_a',
  locations: [{ id: 'wh_a', name: 'A' }, { id: 'wh_b', name: 'B' }, { id: 'wh_c', name: 'C' }, ...(big ? [TOO_BIG] : [])],
  inventoryItems,
  products,
});

const importing = (tenantId: string, products: ProductFixture[], items: ItemFixture[], big = false): Promise<Reply> =>
  invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
    body: { tenants: [tenant(tenantId, products, items, big)] },
  });

/** A VARIABLE product `p_<i>` of two variants, with its records and (for the seed) its variants' stock. */
const product = (i: number, records: RecordFixture[], stock: [number?, number?] = []): ProductFixture => ({
  id: `p_${i}`,
  name: `Product ${i}`,
  type: 'VARIABLE',
  variants: [0, 1].map((k) => ({
    id: `p_${i}_v${k}`,
    name: `p_${i} v${k}`,
    sku: `P_${i}_V${k}`,
    attributes: { K: `${k}` },
    ...(stock[k] === undefined ? {} : { stock: [{ locationId: 'wh_a', onHand: stock[k] }] }),
  })),
  inventoryRecords: records,
});

const record = (id: string, variant: string | undefined, addressId: string, quantityAvailable: number, xp = {}): RecordFixture => ({
  id,
  ...(variant === undefined ? {} : { variantId: variant }),
  addressId,
  quantityAvailable,
  xp,
});

type Result = { path: string; entity: string; id: string; result: string; reason?: string };

// Each test imports a few dozen entries, some twice (once one transaction per entry): the limit only catches a hang.
describe('the import’s OrderCloud records and item levels, many to a transaction', { timeout: 120_000 }, () => {
  afterEach(() => {
    GROUP_LIMITS.actions = 100;
  });

  it('reports and stores exactly what one transaction per entry does: new, updated, unchanged, refused and duplicate entries', async () => {
    const seed = {
      products: [
        product(0, [record('r0a', 'p_0_v0', 'wh_a', 5)], [undefined, 8]),
        product(1, [record('r1a', 'p_1_v0', 'wh_a', 5)], [undefined, 8]),
        product(2, [], [8]),
        product(3, [record('r3a', 'p_3_v0', 'wh_a', 5, { aisle: 1 })]),
        { id: 'p_s', name: 'Simple', type: 'SIMPLE', inventoryRecords: [record('rsa', undefined, 'wh_a', 2)] } satisfies ProductFixture,
      ],
      items: [
        { id: 'iitem_box', title: 'Box', levels: [{ locationId: 'wh_a', stocked: 10 }] },
        { id: 'iitem_bag', title: 'Bag', sku: 'BAG', levels: [{ locationId: 'wh_a', stocked: 5, reserved: 2 }] },
      ] satisfies ItemFixture[],
    };
    const [p0, p1, p2, p3] = [0, 1, 2, 3].map((i) => product(i, []));
    const products: ProductFixture[] = [
      // Unchanged; a new record naming the stock a variant has; a new record making a level.
      {
        ...p0!,
        inventoryRecords: [record('r0a', 'p_0_v0', 'wh_a', 5), record('r0b', 'p_0_v1', 'wh_a', 3), record('r0c', 'p_0_v1', 'wh_b', 4)],
      },
      // A place another record names; an ID another variant's record holds.
      { ...p1!, inventoryRecords: [record('r1b', 'p_1_v0', 'wh_a', 1), record('r1a', 'p_1_v1', 'wh_b', 1)] },
      // Naming; two new levels of a variant with no own item yet (the second made over the first's item); a variant
      // refused for its SKU, so that its record names a variant that is not there.
      {
        ...p2!,
        variants: [...p2!.variants!, { id: 'p_2_v2', name: 'p_2 v2', sku: 'P_0_V0', attributes: { K: '2' } }],
        inventoryRecords: [
          record('r2a', 'p_2_v0', 'wh_a', 6),
          record('r2b', 'p_2_v1', 'wh_b', 2),
          record('r2c', 'p_2_v1', 'wh_c', 1),
          record('r2d', 'p_2_v2', 'wh_a', 1),
        ],
      },
      // A record moved to another address; a record at a location that is not there; a level moved.
      {
        ...p3!,
        inventoryRecords: [
          record('r3a', 'p_3_v0', 'wh_b', 5, { aisle: 1 }),
          record('r3b', 'p_3_v1', 'wh_big', 1),
          record('r1a', 'p_3_v1', 'wh_a', 2),
        ],
      },
      // A product's own records: its own fields alone changed, and a new level.
      {
        id: 'p_s',
        name: 'Simple',
        type: 'SIMPLE',
        inventoryRecords: [record('rsa', undefined, 'wh_a', 2, { note: 'x' }), record('rsb', undefined, 'wh_b', 7)],
      },
      // Duplicates of the first entry: a record named again with another quantity, and a second name of one place.
      { ...p0!, inventoryRecords: [record('r0b', 'p_0_v1', 'wh_a', 4), record('r0d', 'p_0_v1', 'wh_b', 1)] },
    ];
    const items: ItemFixture[] = [
      {
        id: 'iitem_box',
        title: 'Box',
        levels: [
          { locationId: 'wh_a', stocked: 12 },
          { locationId: 'wh_b', stocked: 3 },
          { locationId: 'wh_big', stocked: 1 },
        ],
      },
      {
        id: 'iitem_bag',
        title: 'Bag',
        sku: 'BAG',
        levels: [
          { locationId: 'wh_a', stocked: 5, reserved: 2 },
          { locationId: 'wh_b', stocked: 1, reserved: 2 },
        ],
      },
      {
        id: 'iitem_new',
        title: 'New',
        levels: [
          { locationId: 'wh_a', stocked: 4 },
          { locationId: 'wh_c', stocked: 2, incoming: 1 },
        ],
      },
      // Refused for its SKU: its level names an item that is not there.
      { id: 'iitem_ghost', title: 'Ghost', sku: 'BAG', levels: [{ locationId: 'wh_a', stocked: 1 }] },
      // Duplicates: a level made above, moved again; one left as it is; reservations that are not the level's.
      {
        id: 'iitem_box',
        title: 'Box',
        levels: [
          { locationId: 'wh_b', stocked: 5 },
          { locationId: 'wh_a', stocked: 12 },
        ],
      },
      { id: 'iitem_bag', title: 'Bag', sku: 'BAG', levels: [{ locationId: 'wh_a', stocked: 6, reserved: 0 }] },
    ];

    const run = async (actions: number) => {
      const tenantId = uniqueId('records');
      await seedTenant(tenant(tenantId, seed.products, seed.items));
      GROUP_LIMITS.actions = actions;
      const { value: reply, calls } = await countingCommands(() => importing(tenantId, products, items, true));
      GROUP_LIMITS.actions = 100;
      expect(reply.status).toBe(200);
      return { report: importReport(reply, tenantId), contents: await importedContents(tenantId), calls, tenantId };
    };
    const grouped = await run(100);
    const oneByOne = await run(1);
    expect(grouped.report).toEqual(oneByOne.report);
    expect(grouped.contents).toEqual(oneByOne.contents);
    expect(grouped.calls.TransactWriteItemsCommand).toBeLessThan(oneByOne.calls.TransactWriteItemsCommand!);

    const results = grouped.report.results as Result[];
    const ledger = results
      .filter((result) => result.entity === 'inventoryRecord' || result.entity === 'locationLevel')
      .map(({ path, result, reason }) => [path.replace('tenants[0].', ''), result, reason]);
    expect(ledger).toEqual([
      ['products[0].inventoryRecords[0]', 'unchanged', undefined],
      ['products[0].inventoryRecords[1]', 'created', undefined],
      ['products[0].inventoryRecords[2]', 'created', undefined],
      ['products[1].inventoryRecords[0]', 'refused', 'Inventory record r1a already names this stock at wh_a'],
      ['products[1].inventoryRecords[1]', 'refused', 'Inventory record ID r1a is taken within its product'],
      ['products[2].inventoryRecords[0]', 'created', undefined],
      ['products[2].inventoryRecords[1]', 'created', undefined],
      ['products[2].inventoryRecords[2]', 'created', undefined],
      ['products[2].inventoryRecords[3]', 'refused', expect.stringContaining('p_2_v2')],
      ['products[3].inventoryRecords[0]', 'refused', 'Inventory record r3a stays at wh_a'],
      ['products[3].inventoryRecords[1]', 'refused', expect.stringContaining('wh_big')],
      ['products[3].inventoryRecords[2]', 'created', undefined],
      ['products[4].inventoryRecords[0]', 'updated', undefined],
      ['products[4].inventoryRecords[1]', 'created', undefined],
      ['products[5].inventoryRecords[0]', 'updated', undefined],
      ['products[5].inventoryRecords[1]', 'refused', 'Inventory record r0c already names this stock at wh_b'],
      ['inventoryItems[0].levels[0]', 'updated', undefined],
      ['inventoryItems[0].levels[1]', 'created', undefined],
      ['inventoryItems[0].levels[2]', 'refused', expect.stringContaining('wh_big')],
      ['inventoryItems[1].levels[0]', 'unchanged', undefined],
      ['inventoryItems[1].levels[1]', 'refused', expect.stringContaining('2 reserved is above the 1 stocked')],
      ['inventoryItems[2].levels[0]', 'created', undefined],
      ['inventoryItems[2].levels[1]', 'created', undefined],
      ['inventoryItems[3].levels[0]', 'refused', expect.stringContaining('iitem_ghost')],
      ['inventoryItems[4].levels[0]', 'updated', undefined],
      ['inventoryItems[4].levels[1]', 'unchanged', undefined],
      ['inventoryItems[5].levels[0]', 'refused', expect.stringContaining('reservations belong to orders')],
    ]);
    for (const level of await storedLevels(grouped.tenantId)) expectWhole(level);
  });

  /** `count` products stocked at wh_a, unnamed; `count` items of no product with a level at wh_a. */
  const stocked = (count: number) => ({
    products: Array.from({ length: count }, (_, i) => product(i, [], [10, 10])),
    items: Array.from({ length: count }, (_, i): ItemFixture => ({ id: `iitem_${i}`, levels: [{ locationId: 'wh_a', stocked: 10 }] })),
  });
  /** Each variant named at wh_a (its stock there) and at wh_b (a new level); each item's level moved at wh_a, made at wh_b. */
  const named = (count: number, quantity: (i: number) => number) => ({
    products: Array.from({ length: count }, (_, i) =>
      product(
        i,
        [0, 1].flatMap((k) => [
          record(`r${i}${k}a`, `p_${i}_v${k}`, 'wh_a', quantity(i)),
          record(`r${i}${k}b`, `p_${i}_v${k}`, 'wh_b', quantity(i) + 1),
        ]),
      ),
    ),
    items: Array.from({ length: count }, (_, i): ItemFixture => ({
      id: `iitem_${i}`,
      levels: [
        { locationId: 'wh_a', stocked: quantity(i) },
        { locationId: 'wh_b', stocked: quantity(i) + 1 },
      ],
    })),
  });

  it('writes 40 records and 20 item levels in a handful of transactions, not one or two each', async () => {
    const tenantId = uniqueId('count');
    const seed = stocked(10);
    await seedTenant(tenant(tenantId, seed.products, seed.items));
    const document = named(10, (i) => 20 + i);
    const { value: reply, calls } = await countingCommands(() => importing(tenantId, document.products, document.items));
    expect(reply.status).toBe(200);
    const written = (reply.body.results as Result[]).filter((result) => ['inventoryRecord', 'locationLevel'].includes(result.entity));
    expect(written.map((result) => result.result).sort()).toEqual([
      ...Array.from({ length: 50 }, () => 'created'),
      ...Array.from({ length: 10 }, () => 'updated'),
    ]);
    // A variant's two records count on one owner: those at wh_a (6 actions each) go first, those at wh_b (8) after.
    expect(calls.TransactWriteItemsCommand).toBeLessThanOrEqual(6);
    expect([calls.GetItemCommand ?? 0, calls.QueryCommand ?? 0]).toEqual([0, 0]);
    for (const level of await storedLevels(tenantId)) expectWhole(level);
  });

  it('leaves one record and one level per place, and every level whole, when two imports race over the same ones', async () => {
    const tenantId = uniqueId('race');
    const seed = stocked(6);
    await seedTenant(tenant(tenantId, seed.products, seed.items));
    const [a, b] = [named(6, (i) => 20 + i), named(6, (i) => 40 + i)];
    const replies = await Promise.all([a, b].map((document) => importing(tenantId, document.products, document.items)));
    expect(replies.map((reply) => reply.status)).toEqual([200, 200]);

    // Each entry as each import reported it, by path (the two documents name the same entries at the same paths).
    const outcomes = new Map<string, { id: string; results: string[]; last: number }>();
    replies.forEach((reply, n) => {
      for (const result of reply.body.results as Result[]) {
        if (!['inventoryRecord', 'locationLevel'].includes(result.entity)) continue;
        const entry = outcomes.get(result.path) ?? { id: result.id, results: [], last: -1 };
        entry.results.push(result.result === 'refused' ? `refused: ${result.reason}` : result.result);
        // The value stored is the one of the import that wrote last: the one that updated, else the one that created.
        if (result.result === 'updated' || (result.result === 'created' && entry.last === -1)) entry.last = n;
        outcomes.set(result.path, entry);
      }
    });
    expect(outcomes.size).toBe(36);
    const stored = await storedLevels(tenantId);
    expect(stored).toHaveLength(36);
    const quantityOf = (n: number, path: string) => {
      const [, i, place] = /\[(\d+)\]\.(?:inventoryRecords|levels)\[(\d+)\]$/.exec(path)!;
      return (n === 0 ? 20 : 40) + Number(i) + (Number(place) % 2);
    };
    for (const [path, { id, results, last }] of outcomes) {
      const sorted = [...results].sort();
      if (path.includes('inventoryRecords')) {
        // The second create of a record is refused, by its ID or by the level the first made it name, unless it read the
        // first's record: then it saves over it.
        const place = path.endsWith('[0]') || path.endsWith('[2]') ? 'wh_a' : 'wh_b';
        expect(
          [
            ['created', 'updated'],
            ['created', `refused: Inventory record ID ${id} is taken within its product`],
            ['created', `refused: Inventory record ${id} already names this stock at ${place}`],
          ],
          path,
        ).toContainEqual(sorted);
        const level = stored.find((candidate) => candidate.records.some((item) => item.id === id))!;
        expect(level.records, path).toHaveLength(1);
        expect(level.records[0]!.quantityAvailable, path).toBe(quantityOf(last, path));
      } else {
        // A level moved by both, one after the other (either may be last); a new one made by one and moved by the other.
        const moved = path.endsWith('levels[0]');
        expect(sorted, path).toEqual(moved ? ['updated', 'updated'] : ['created', 'updated']);
        const item = /inventoryItems\[(\d+)\]/.exec(path)![1];
        const level = stored.find((candidate) => candidate.place === `iitem_${item}@${moved ? 'wh_a' : 'wh_b'}`)!;
        expect(level.version, path).toBe(moved ? 3 : 2);
        if (moved) expect([quantityOf(0, path), quantityOf(1, path)], path).toContain(level.onHand);
        else expect(level.onHand, path).toBe(quantityOf(last, path));
      }
    }
    for (const level of stored) expectWhole(level);
  });
});
