import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { RecordListQueryParameters, wildcardMatch } from '#functions/ordercloud/dialect/listOptions';
import type { Location } from '#shared/domain/catalog';
import { NotFoundError } from '#shared/domain/errors';
import { mergeXp, type InventoryRecord, type InventoryRecordStore, type InventoryRecordView } from '#shared/domain/inventoryRecord';
import { listInventoryRecords } from '#shared/domain/inventoryRecordList';

const address: Location = {
  id: 'addr',
  tenantId: 't',
  name: 'A',
  ownerId: 't',
  address: {
    companyName: '',
    firstName: '',
    lastName: '',
    street1: '',
    street2: '',
    city: '',
    state: '',
    zip: '',
    country: '',
    phone: '',
    addressName: '',
    xp: {},
  },
  createdAt: '2026-01-01T00:00:00Z',
};
const record = (id: string, quantityAvailable: number, xp: Record<string, unknown> = {}): InventoryRecord => ({
  id,
  tenantId: 't',
  productId: 'p',
  variantId: 'v',
  ownerId: 't',
  addressId: 'addr',
  allowAllBuyers: true,
  orderCanExceed: false,
  quantityAvailable,
  notificationPoint: null,
  xp,
  lastUpdated: '2026-01-01T00:00:00Z',
});

/** Only the list port matters here; the rest refuses to be called. */
function storeWith(views: InventoryRecordView[], variantExists = true): InventoryRecordStore {
  const unused = () => Promise.reject(new Error('not used'));
  return {
    listInventoryRecords: async () => ({
      ...(variantExists
        ? { variant: { id: 'v', tenantId: 't', productId: 'p', name: 'V', sku: null, attributes: {}, createdAt: '', updatedAt: '' } }
        : {}),
      records: views,
    }),
    readOwners: async () => ({ product: { id: 'p', tenantId: 't', name: 'P', productType: 'VARIABLE', createdAt: '' } }),
    // No kept count: the list reads the whole level.
    readRecordPage: async () => ({ records: [] }),
    readInventoryRecordContext: unused,
    insertRecordLevel: unused,
    readLevelAt: unused,
    readLevel: unused,
    writeLevelChange: unused,
    replaceRecordFields: unused,
  };
}

const options = (query: Record<string, string>) => z.parse(RecordListQueryParameters, query);

describe('OrderCloud xp merge (PATCH)', () => {
  it('merges objects key by key at every depth; arrays, scalars and null replace', () => {
    expect(mergeXp({ a: { b: 1, c: { d: 1 } }, list: [1, 2], keep: 'x' }, { a: { c: { e: 2 } }, list: [3], keep: null })).toEqual({
      a: { b: 1, c: { d: 1, e: 2 } },
      list: [3],
      keep: null,
    });
    expect(mergeXp({ a: 1 }, { a: { b: 2 } })).toEqual({ a: { b: 2 } });
  });

  it('keeps a "__proto__" key a plain key', () => {
    const merged = mergeXp({}, JSON.parse('{"__proto__": {"polluted": true}}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('list paging, filtering and sorting on the level read', () => {
  const views = Array.from({ length: 7 }, (_, i) => ({ record: record(`r${i}`, i, i % 2 ? { tag: 'odd' } : {}), address }));

  it('counts what matches, pages it, and gives [n+1, n] past the end', async () => {
    const page = await listInventoryRecords(
      storeWith(views),
      't',
      { productId: 'p', variantId: 'v' },
      options({ 'xp.tag': 'odd', pageSize: '2', page: '2', sortBy: '!ID' }).query,
    );
    expect(page.items.map((view) => view.record.id)).toEqual(['r1']);
    expect(page).toMatchObject({ totalCount: 3, totalPages: 2, itemRange: [3, 3] });
    const past = await listInventoryRecords(
      storeWith(views),
      't',
      { productId: 'p', variantId: 'v' },
      options({ page: '9', pageSize: '5' }).query,
    );
    expect(past).toMatchObject({ items: [], totalCount: 7, totalPages: 2, itemRange: [41, 40] });
  });

  it('names the missing variant', async () => {
    await expect(listInventoryRecords(storeWith([], false), 't', { productId: 'p', variantId: 'v' }, options({}).query)).rejects.toEqual(
      new NotFoundError('Variant', 'v'),
    );
  });
});

describe('OrderCloud list options', () => {
  it('refuses unknown and malformed parameters, naming each', () => {
    for (const [query, name] of [
      [{ Foo: 'x' }, 'Foo'],
      [{ page: '0' }, 'page'],
      [{ pageSize: '1e2' }, 'pageSize'],
      [{ QuantityAvailable: '>' }, 'QuantityAvailable'],
      [{ includeAddress: 'yes' }, 'includeAddress'],
      [{ 'xp.': 'x' }, 'xp.'],
    ] as const) {
      const result = z.safeParse(RecordListQueryParameters, query);
      expect(result.success, name).toBe(false);
      expect(result.error?.issues[0]?.path, name).toEqual([name]);
    }
  });

  it('matches * wildcards without exponential backtracking, whatever the pattern', () => {
    expect(wildcardMatch('rec-12', 'rec-*')).toBe(true);
    expect(wildcardMatch('rec-12', '*-1*2')).toBe(true);
    expect(wildcardMatch('rec-12', 'rec-1')).toBe(false);
    const started = performance.now();
    expect(wildcardMatch('a'.repeat(20_000), `${'*a'.repeat(200)}b`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
