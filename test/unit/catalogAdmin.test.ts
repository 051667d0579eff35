import { describe, expect, it } from 'vitest';
import type { Tenant } from '#shared/domain/catalog';
import {
  countEntries,
  plannedStockRecords,
  type CatalogDocument,
  type CatalogEntry,
  type CatalogImportStore,
} from '#shared/domain/catalogImport';
import { importCatalog } from '#shared/domain/catalogImportRun';
import { ConcurrentChangeError, ConflictError, IDENTITY_RULES } from '#shared/domain/errors';
import { updateSettings, type SettingsStore } from '#shared/domain/settings';
import { parseFixtures } from '#shared/store/fixtures';

const document = (overrides: Partial<CatalogDocument> = {}): CatalogDocument => ({
  id: 't1',
  name: 'T',
  currency: 'usd',
  merchantApiKeys: [],
  locations: [
    { id: 'wh_a', name: 'A', address: {} as never },
    { id: 'wh_b', name: 'B', address: {} as never },
  ],
  vendors: [],
  products: [],
  inventoryItems: [],
  ...overrides,
});

/** An in-memory store: every entry is new the first time, unchanged after; stock records are unique per product, variant and location. */
function memoryStore() {
  const seen = new Set<string>();
  const stock = new Set<string>();
  const store: CatalogImportStore = {
    async begin() {
      return {
        async upsertAll(entries: CatalogEntry[]) {
          return entries.map((entry) => {
            const id = `${entry.entity}:${'productId' in entry ? entry.productId : ''}:${entry.id}`;
            if (seen.has(id)) return { result: 'unchanged' as const };
            seen.add(id);
            return { result: 'created' as const };
          });
        },
        ownItemOf: () => undefined,
      };
    },
    async insertStockRecords(levels) {
      return levels.map(({ record }) => {
        const id = `${record.productId}/${record.variantId}@${record.locationId}`;
        if (stock.has(id)) return 'exists' as const;
        stock.add(id);
        return 'created' as const;
      });
    },
    stock: {
      async readStockContext() {
        return {};
      },
    },
    // These documents give no quantities, OrderCloud records or links: nothing reaches the ledger's store.
    ledger: {} as CatalogImportStore['ledger'],
    // These documents are no export's pages: nothing is restored.
    restore: {} as CatalogImportStore['restore'],
  };
  return { store, stock };
}

describe('catalog import rules', () => {
  const tee: CatalogDocument['products'][number] = {
    id: 'tee',
    name: 'Tee',
    type: 'VARIABLE',
    warehouseIds: ['wh_a', 'wh_b'],
    variants: [
      { id: 's', name: 'S', attributes: { Size: 'S' } },
      { id: 'm', name: 'M', attributes: { Size: 'M' } },
    ],
  };

  it('plans a stock record per warehouse, and per variant of a VARIABLE product, mirroring its attributes', () => {
    expect(plannedStockRecords(tee)).toEqual([
      { variantId: 's', attributes: { Size: 'S' }, locationId: 'wh_a' },
      { variantId: 'm', attributes: { Size: 'M' }, locationId: 'wh_a' },
      { variantId: 's', attributes: { Size: 'S' }, locationId: 'wh_b' },
      { variantId: 'm', attributes: { Size: 'M' }, locationId: 'wh_b' },
    ]);
    expect(plannedStockRecords({ id: 'mug', name: 'Mug', type: 'SIMPLE', variants: [], warehouseIds: ['wh_a'] })).toEqual([
      { variantId: null, attributes: {}, locationId: 'wh_a' },
    ]);
    expect(plannedStockRecords({ id: 'mug', name: 'Mug', type: 'DIGITAL', variants: [] })).toEqual([]);
  });

  it('counts entries with their stock records', () => {
    // Tenant, 2 locations, product, 2 variants, 4 stock records.
    expect(countEntries(document({ products: [tee] }))).toBe(10);
  });

  it('counts quantities, OrderCloud records and links as entries too', () => {
    const stocked = {
      ...tee,
      variants: tee.variants.map((variant, i) =>
        i === 0
          ? {
              ...variant,
              stock: [{ locationId: 'wh_a', onHand: 1 }],
              inventoryLinks: [{ id: 'pvitem_01JCOUNT000000000000000001', inventoryItemId: 'iitem_1', requiredQuantity: 1 }],
            }
          : variant,
      ),
      inventoryRecords: [
        {
          id: 'rec-1',
          variantId: tee.variants[1]!.id,
          addressId: 'wh_b',
          allowAllBuyers: true,
          orderCanExceed: false,
          quantityAvailable: 0,
          notificationPoint: null,
          xp: {},
        },
      ],
    };
    // The 10 above, one quantity, one link, one record.
    expect(countEntries(document({ products: [stocked] }))).toBe(13);
  });

  it('creates missing stock records once and reports existing ones unchanged', async () => {
    const { store, stock } = memoryStore();
    const first = await importCatalog(store, { tenantId: 't1', subject: 'admin' }, [document({ products: [tee] })]);
    expect(first.summary).toEqual({ created: 10, updated: 0, unchanged: 0, refused: 0 });
    expect(stock.size).toBe(4);
    const again = await importCatalog(store, { tenantId: 't1', subject: 'admin' }, [document({ products: [tee] })]);
    expect(again.summary).toEqual({ created: 0, updated: 0, unchanged: 10, refused: 0 });
  });

  it("refuses another tenant's document and an oversized one before writing anything", async () => {
    const { store, stock } = memoryStore();
    await expect(importCatalog(store, { tenantId: 't2', subject: 'admin' }, [document()])).rejects.toMatchObject({
      rule: 'import-of-other-tenant',
      detail: { documentIndex: 0, tenantId: 't2' },
    });
    const many = Array.from({ length: 1_000 }, (_, i) => ({ id: `p${i}`, name: 'P', type: 'SIMPLE' as const, variants: [] }));
    await expect(importCatalog(store, { tenantId: 't1', subject: 'admin' }, [document({ products: many })])).rejects.toMatchObject({
      rule: 'import-too-large',
      detail: { entries: 1_003, maximum: 1_000 },
    });
    expect(stock.size).toBe(0);
  });
});

describe('fixtures validation messages', () => {
  const problems = (raw: unknown) => {
    try {
      parseFixtures(raw);
    } catch (error) {
      return (error as Error).message.split('\n').slice(1);
    }
    return [];
  };

  it('name the rule each value breaks, after its JSON path', () => {
    const tenant = { id: 't', name: 'T', a: 1, b: 2, vendors: [{ id: 'v', name: 'V' }], merchantApiKeys: ['short', 7] };
    expect(problems({ tenants: [{ ...tenant, inventoryItems: [{ id: 'i', levels: [{ locationId: 'l', stocked: -1 }] }] }] })).toEqual([
      // A check with its own message keeps it.
      '  tenants[0].merchantApiKeys[0]: at least 8 characters',
      '  tenants[0].merchantApiKeys[1]: merchantApiKeys[1] must be a string',
      '  tenants[0].inventoryItems[0].levels[0].stocked: stocked must be at least 0',
      '  tenants[0]: "a", "b" are not fields of tenants[0]',
    ]);
    expect(problems({ tenants: [] })).toEqual(['  tenants: tenants must have at least 1 entry']);
    expect(problems([])).toEqual(['  (root): the document must be an object']);
  });

  it('hold OrderCloud records to the rules of the stock they name', () => {
    const tenant = {
      id: 't',
      name: 'T',
      locations: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      stockRecords: [{ id: `inv_${'0'.repeat(32)}`, productId: 'tee', skuId: 'm', warehouseId: 'b', onHandQty: 1 }],
    };
    const tee = { id: 'tee', name: 'Tee', type: 'VARIABLE', variants: [{ id: 'm', name: 'M' }] };
    expect(
      problems({
        tenants: [
          {
            ...tenant,
            products: [
              { ...tee, inventoryRecords: [{ id: 'r1', variantId: 'm', addressId: 'a', quantityAvailable: -1 }] },
              { id: 'tote', name: 'Tote', type: 'SIMPLE', inventoryRecords: [{ id: 'r1', addressId: 'a', notificationPoint: -2 }] },
            ],
          },
        ],
      }),
    ).toEqual([
      '  tenants[0].products[0].inventoryRecords[0].quantityAvailable: quantityAvailable must be at least 0',
      '  tenants[0].products[1].inventoryRecords[0].notificationPoint: notificationPoint must be at least 0',
    ]);
    expect(
      problems({
        tenants: [
          {
            ...tenant,
            products: [
              {
                ...tee,
                inventoryRecords: [
                  { id: 'r1', variantId: 'm', addressId: 'a' },
                  { id: 'r1', variantId: 'm', addressId: 'a' },
                  { id: 'r2', variantId: 'm', addressId: 'b' },
                  { id: 'r3', addressId: 'a' },
                ],
              },
            ],
          },
        ],
      }),
    ).toEqual([
      '  tenants[0].products[0].inventoryRecords[1].id: another inventory record of product "tee" has id "r1"',
      '  tenants[0].products[0].inventoryRecords[1].addressId: another inventory record of this variant (or product) is at this address: one names its stock',
      '  tenants[0].products[0].inventoryRecords[2].addressId: the document stocks this variant (or product) at this location already: one level per location',
      '  tenants[0].products[0].inventoryRecords[3].variantId: variantId is required: a VARIABLE product holds stock by variant',
    ]);
  });

  it('point at the catalog member of an export page sent whole', () => {
    expect(problems({ catalog: { tenants: [{ id: 't', name: 'T' }] }, nextCursor: 'abc' })).toEqual([
      '  (root): this is a page of the catalog export (GET /admin/catalog): send its "catalog" member, the document, instead',
    ]);
  });
});

describe('business settings rules', () => {
  it('merges a patch into what is stored, and reads again after a concurrent change', async () => {
    let tenant: Tenant = {
      id: 't',
      name: 'T',
      currency: 'usd',
      createdAt: '2024-01-01T00:00:00Z',
      stripe: { accountId: 'acct_1', syncRequired: false },
    };
    let revision = 0;
    let interfere = true;
    const store: SettingsStore = {
      async read() {
        return { tenant, revision };
      },
      async write(_, settings, expected) {
        if (interfere) {
          // Another request changes the currency between this read and this write.
          interfere = false;
          tenant = { ...tenant, currency: 'eur' };
          revision += 1;
        }
        if (expected !== revision) throw new ConcurrentChangeError('changed');
        tenant = {
          ...tenant,
          name: settings.name,
          currency: settings.currency,
          stripe: {
            syncRequired: settings.stripe.syncRequired,
            ...(settings.stripe.accountId ? { accountId: settings.stripe.accountId } : {}),
          },
        };
        revision += 1;
      },
    };
    const result = await updateSettings(store, 't', { stripe: { syncRequired: true } });
    expect(result).toEqual({ name: 'T', currency: 'eur', defaultLocationId: null, stripe: { accountId: 'acct_1', syncRequired: true } });
  });
});
