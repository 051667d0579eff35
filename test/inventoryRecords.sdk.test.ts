import {
  Configuration,
  InventoryRecords,
  Tokens,
  type Filters,
  type InventoryRecord,
  type OrderCloudError,
} from 'ordercloud-javascript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '#shared/store/keys';
import { startLocalApi } from '#test/support/localApi';
import { seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const P = 'prod_sdk';
const V = 'var_a';
/** A SIMPLE product: only a product without variants has product-level records (the stock of the product itself). */
const PS = 'prod_sdk_simple';

/** A record names its variant's stock at its address, one per address: record i's address, in Lagos (a) or Abuja (b). */
const addressOf = (i: number) => `${i % 2 === 0 ? 'addr_a' : 'addr_b'}_${String(i).padStart(2, '0')}`;

/** 23 records of var_a: rec-00..rec-22, at alternating cities, quantities 0..22, some with xp.color. */
const variantRecords = Array.from({ length: 23 }, (_, i) => ({
  id: `rec-${String(i).padStart(2, '0')}`,
  variantId: V,
  addressId: addressOf(i),
  quantityAvailable: i,
  orderCanExceed: i % 5 === 0,
  xp: i % 3 === 0 ? { color: i % 2 === 0 ? 'red' : 'blue', size: { cm: i } } : {},
}));

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as OrderCloudError,
  );
const ids = (items: InventoryRecord[]) => items.map((record) => record.ID);

/** The official SDK, unchanged except for its base URL: it calls /v1/products/... */
describe('InventoryRecords through ordercloud-javascript-sdk', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  let tenantId: string;
  const items = async () => tenantItems(tenantId);
  const item = async (key: { pk: string; sk: string }) =>
    (await items()).find((candidate) => candidate.pk === key.pk && candidate.sk === key.sk);

  beforeAll(async () => {
    api = await startLocalApi();
    tenantId = await seedTenant({
      name: 'SDK marketplace',
      locations: [
        ...variantRecords.map((record, i) => ({
          id: record.addressId,
          name: record.addressId,
          address: { city: i % 2 === 0 ? 'Lagos' : 'Abuja', country: 'NG' },
        })),
        // Free addresses, for the records the tests create.
        ...Array.from({ length: 16 }, (_, i) => ({ id: `addr_s${i}`, name: `S${i}` })),
        { id: 'addr_supplier', name: 'Supplier', ownerId: 'supplier_1' },
      ],
      products: [
        {
          id: P,
          name: 'P',
          type: 'VARIABLE',
          variants: [
            { id: V, name: 'A' },
            { id: 'var_b', name: 'B' },
          ],
          inventoryRecords: [...variantRecords, { id: 'b-only', variantId: 'var_b', addressId: addressOf(0) }],
        },
        { id: PS, name: 'PS', type: 'SIMPLE', inventoryRecords: [{ id: 'prod-level', addressId: addressOf(1), quantityAvailable: 50 }] },
      ],
    });
    Configuration.Set({ baseApiUrl: api.baseUrl });
    Tokens.SetAccessToken(tokenFor(tenantId));
  });
  afterAll(() => api.close());

  describe('ListVariant', () => {
    it('pages to the last page with exact Meta, and past it', async () => {
      const pages = await Promise.all([1, 2, 3, 4].map((page) => InventoryRecords.ListVariant(P, V, { page, pageSize: 10 })));
      expect(pages.map((page) => page.Items.length)).toEqual([10, 10, 3, 0]);
      expect(pages[2]!.Meta).toEqual({ Page: 3, PageSize: 10, TotalCount: 23, TotalPages: 3, ItemRange: [21, 23] });
      expect(pages[3]!.Meta).toEqual({ Page: 4, PageSize: 10, TotalCount: 23, TotalPages: 3, ItemRange: [31, 30] });
      // Every record exactly once, in ID order; another variant's and product-level records never mix in.
      expect(pages.flatMap((page) => ids(page.Items))).toEqual(variantRecords.map((record) => record.id));
      const first = await InventoryRecords.ListVariant(P, V);
      expect(first.Meta).toMatchObject({ Page: 1, PageSize: 20, TotalCount: 23, TotalPages: 2, ItemRange: [1, 20] });
    });

    it('leaves Address null unless includeAddress=true', async () => {
      const plain = await InventoryRecords.ListVariant(P, V, { pageSize: 1 });
      expect(plain.Items[0]!.Address).toBeNull();
      const withAddress = await InventoryRecords.ListVariant(P, V, { pageSize: 1, includeAddress: true });
      expect(withAddress.Items[0]!.Address).toMatchObject({ ID: 'addr_a_00', City: 'Lagos' });
    });

    it('sorts by ID or AddressID, ascending or descending (!)', async () => {
      expect(ids((await InventoryRecords.ListVariant(P, V, { sortBy: ['!ID'], pageSize: 3 })).Items)).toEqual([
        'rec-22',
        'rec-21',
        'rec-20',
      ]);
      expect(ids((await InventoryRecords.ListVariant(P, V, { sortBy: ['!AddressID'], pageSize: 3 })).Items)).toEqual([
        'rec-21',
        'rec-19',
        'rec-17',
      ]);
      // A variant's records are at distinct addresses (one names the stock at each), so the second key never decides here.
      expect(ids((await InventoryRecords.ListVariant(P, V, { sortBy: ['AddressID', '!ID'], pageSize: 2 })).Items)).toEqual([
        'rec-00',
        'rec-02',
      ]);
    });

    it('filters with every OrderCloud operator', async () => {
      const list = async (filters: Filters) => ids((await InventoryRecords.ListVariant(P, V, { filters, pageSize: 100 })).Items);
      expect(await list({ ID: 'rec-1*' })).toEqual([
        'rec-10',
        'rec-11',
        'rec-12',
        'rec-13',
        'rec-14',
        'rec-15',
        'rec-16',
        'rec-17',
        'rec-18',
        'rec-19',
      ]);
      expect(await list({ ID: '*-2*' })).toEqual(['rec-20', 'rec-21', 'rec-22']);
      expect(await list({ ID: 'rec-01|rec-04' })).toEqual(['rec-01', 'rec-04']);
      expect(await list({ QuantityAvailable: '<2' })).toEqual(['rec-00', 'rec-01']);
      expect(await list({ QuantityAvailable: '<=2' })).toEqual(['rec-00', 'rec-01', 'rec-02']);
      expect(await list({ QuantityAvailable: '>21' })).toEqual(['rec-22']);
      expect(await list({ QuantityAvailable: '>=21' })).toEqual(['rec-21', 'rec-22']);
      // Repeated parameters AND together: 5 ≤ q ≤ 7, here excluding 6.
      expect(await list({ QuantityAvailable: ['>=5', '<=7', '!6'] })).toEqual(['rec-05', 'rec-07']);
      expect(await list({ AddressID: '!addr_a*', QuantityAvailable: '<6' })).toEqual(['rec-01', 'rec-03', 'rec-05']);
      expect(await list({ OrderCanExceed: true })).toEqual(['rec-00', 'rec-05', 'rec-10', 'rec-15', 'rec-20']);
      expect(await list({ AllowAllBuyers: false })).toEqual([]);
      expect(await list({ 'xp.color': 'red' })).toEqual(['rec-00', 'rec-06', 'rec-12', 'rec-18']);
      expect(await list({ 'xp.color': 'RED|blue', 'xp.size.cm': '>10' })).toEqual(['rec-12', 'rec-15', 'rec-18', 'rec-21']);
      expect(await list({ 'xp.color': '*' })).toHaveLength(8);
      expect(await list({ 'xp.color': '!*' })).toHaveLength(15);
    });

    it('searches ID and AddressID, or only the fields in searchOn', async () => {
      const search = async (term: string, searchOn?: ('ID' | 'AddressID')[]) =>
        (await InventoryRecords.ListVariant(P, V, { search: term, ...(searchOn ? { searchOn } : {}), pageSize: 100 })).Meta.TotalCount;
      expect(await search('REC-2')).toBe(3);
      expect(await search('addr_b')).toBe(11);
      expect(await search('addr', ['ID'])).toBe(0);
    });

    it('answers 400 InvalidRequest naming an unknown or malformed parameter', async () => {
      const cases: [Parameters<typeof InventoryRecords.ListVariant>[2], string][] = [
        [{ filters: { OwnerID: 'x' } }, 'OwnerID'],
        [{ filters: { toString: '0' } }, 'toString'],
        [{ filters: { QuantityAvailable: 'many' } }, 'QuantityAvailable'],
        [{ filters: { OrderCanExceed: '>true' } }, 'OrderCanExceed'],
        [{ pageSize: 101 }, 'pageSize'],
        [{ page: -1 }, 'page'],
        [{ sortBy: ['QuantityAvailable' as 'ID'] }, 'sortBy'],
        [{ search: 'x', searchOn: ['xp.color' as 'ID'] }, 'searchOn'],
      ];
      for (const [options, field] of cases) {
        const error = await failure(InventoryRecords.ListVariant(P, V, options));
        expect(error, field).toMatchObject({ status: 400, errorCode: 'InvalidRequest' });
        expect(error!.errors?.[0]?.Data, field).toEqual({ Field: field });
      }
    });

    it('answers 404 naming the missing product or variant', async () => {
      expect((await failure(InventoryRecords.ListVariant('prod_none', V)))!.errors?.[0]?.Data).toEqual({
        ObjectType: 'Product',
        ObjectID: 'prod_none',
      });
      expect((await failure(InventoryRecords.ListVariant(P, 'var_none')))!.errors?.[0]?.Data).toEqual({
        ObjectType: 'Variant',
        ObjectID: 'var_none',
      });
    });
  });

  describe('GetVariant, SaveVariant, PatchVariant, DeleteVariant', () => {
    it('gets a record with its address; another level or variant is a 404', async () => {
      expect(await InventoryRecords.GetVariant(P, V, 'rec-03')).toMatchObject({
        ID: 'rec-03',
        AddressID: 'addr_b_03',
        QuantityAvailable: 3,
        Address: { ID: 'addr_b_03', City: 'Abuja' },
      });
      expect((await failure(InventoryRecords.GetVariant(P, 'var_b', 'rec-03')))!.errors?.[0]?.Data).toEqual({
        ObjectType: 'InventoryRecord',
        ObjectID: 'rec-03',
      });
      expect((await failure(InventoryRecords.Get(P, 'rec-03')))!.status).toBe(404);
    });

    it('saves a new record, replaces it (defaults for what is left out, read-only fields ignored)', async () => {
      const created = await InventoryRecords.SaveVariant(P, V, 'saved-1', {
        AddressID: 'addr_s1',
        QuantityAvailable: 9,
        OrderCanExceed: true,
        xp: { a: 1 },
      });
      expect(created).toMatchObject({ ID: 'saved-1', QuantityAvailable: 9, OrderCanExceed: true, xp: { a: 1 } });
      const replaced = await InventoryRecords.SaveVariant(P, V, 'saved-1', {
        AddressID: 'addr_s1',
        QuantityAvailable: 4,
        ...({ Address: { ID: 'forged' }, LastUpdated: '2000-01-01T00:00:00Z' } as object),
      } as InventoryRecord);
      expect(replaced).toMatchObject({
        ID: 'saved-1',
        AddressID: 'addr_s1',
        QuantityAvailable: 4,
        OrderCanExceed: false,
        xp: {},
        Address: { ID: 'addr_s1' },
      });
      expect(replaced.LastUpdated).not.toBe('2000-01-01T00:00:00Z');
      expect(await item(keys.variantInventoryRecord(tenantId, P, V, 'saved-1'))).toMatchObject({
        type: 'InventoryRecord',
        addressId: 'addr_s1',
        quantityAvailable: 4,
        orderCanExceed: false,
      });
      expect(await item(keys.inventoryRecordId(tenantId, P, 'saved-1'))).toMatchObject({ type: 'InventoryRecordId', variantId: V });
      // Deliberately: a record names the stock at its address and stays there (400 naming AddressID), unlike in OrderCloud.
      const before = await items();
      expect(await failure(InventoryRecords.SaveVariant(P, V, 'saved-1', { AddressID: 'addr_s2' }))).toMatchObject({
        status: 400,
        errorCode: 'InvalidRequest',
        errors: [{ Data: { Field: 'AddressID' } }],
      });
      expect(await items()).toEqual(before);
    });

    it('renames a record when the body ID differs from the path ID, and refuses a taken one', async () => {
      await InventoryRecords.SaveVariant(P, V, 'rename-me', { AddressID: 'addr_s3' });
      const renamed = await InventoryRecords.SaveVariant(P, V, 'rename-me', { ID: 'renamed', AddressID: 'addr_s3', QuantityAvailable: 2 });
      expect(renamed).toMatchObject({ ID: 'renamed', QuantityAvailable: 2 });
      expect(await item(keys.variantInventoryRecord(tenantId, P, V, 'rename-me'))).toBeUndefined();
      expect(await item(keys.inventoryRecordId(tenantId, P, 'rename-me'))).toBeUndefined();
      expect(await item(keys.inventoryRecordId(tenantId, P, 'renamed'))).toBeDefined();
      // Taken by another variant's record: the same product's ID space.
      for (const taken of ['b-only', 'rec-05']) {
        const before = await items();
        expect(await failure(InventoryRecords.SaveVariant(P, V, 'renamed', { ID: taken, AddressID: 'addr_s3' }))).toMatchObject({
          status: 409,
          errorCode: 'IdExists',
        });
        expect(await failure(InventoryRecords.PatchVariant(P, V, 'renamed', { ID: taken }))).toMatchObject({
          status: 409,
          errorCode: 'IdExists',
        });
        expect(await items()).toEqual(before);
      }
    });

    it('patches only the named fields, deep-merging xp; read-only fields are ignored', async () => {
      await InventoryRecords.SaveVariant(P, V, 'patch-me', {
        AddressID: 'addr_s4',
        QuantityAvailable: 5,
        NotificationPoint: 2,
        xp: { bin: { row: 1, shelf: 'A' }, tags: ['x', 'y'], keep: true },
      });
      const before = (await item(keys.variantInventoryRecord(tenantId, P, V, 'patch-me')))!;
      const patched = await InventoryRecords.PatchVariant(P, V, 'patch-me', {
        QuantityAvailable: 7,
        xp: { bin: { row: 2 }, tags: ['z'], gone: null },
        ...({ Address: { ID: 'forged' }, LastUpdated: '2000-01-01T00:00:00Z' } as object),
      });
      expect(patched).toMatchObject({
        ID: 'patch-me',
        AddressID: 'addr_s4',
        QuantityAvailable: 7,
        NotificationPoint: 2,
        Address: { ID: 'addr_s4' },
      });
      expect(patched.xp).toEqual({ bin: { row: 2, shelf: 'A' }, tags: ['z'], keep: true, gone: null });
      expect(patched.LastUpdated >= String(before.lastUpdated)).toBe(true);
      expect(patched.LastUpdated).not.toBe('2000-01-01T00:00:00Z');
      const stored = (await item(keys.variantInventoryRecord(tenantId, P, V, 'patch-me')))!;
      expect(JSON.parse(String(stored.xp))).toEqual(patched.xp);
      expect(stored.quantityAvailable).toBe(7);
    });

    it('refuses a Patch whose xp, merged, would pass 8 KB of JSON: 400 naming xp, the record as it was', async () => {
      // The record the test above patched (one record names a level at its address).
      await InventoryRecords.PatchVariant(P, V, 'patch-me', { xp: { a: 'x'.repeat(5_000) } });
      const before = (await item(keys.variantInventoryRecord(tenantId, P, V, 'patch-me')))!;
      const error = await failure(InventoryRecords.PatchVariant(P, V, 'patch-me', { xp: { b: 'x'.repeat(5_000) } }));
      expect(error?.status).toBe(400);
      expect(error?.errors?.[0]).toMatchObject({ ErrorCode: 'InvalidRequest', Data: { Field: 'xp' } });
      expect(await item(keys.variantInventoryRecord(tenantId, P, V, 'patch-me'))).toEqual(before);
      await InventoryRecords.PatchVariant(P, V, 'patch-me', { xp: null } as object);
    });

    it('refuses an address of another owner, or none, with 404 Address', async () => {
      for (const AddressID of ['addr_supplier', 'addr_none']) {
        expect((await failure(InventoryRecords.PatchVariant(P, V, 'rec-00', { AddressID })))!.errors?.[0]?.Data).toEqual({
          ObjectType: 'Address',
          ObjectID: AddressID,
        });
        expect((await failure(InventoryRecords.SaveVariant(P, V, 'rec-00', { AddressID })))!.errors?.[0]?.Data).toEqual({
          ObjectType: 'Address',
          ObjectID: AddressID,
        });
      }
      // The supplier's own address, for a record of the supplier: a new record, since a record stays at its address.
      expect(
        await failure(InventoryRecords.PatchVariant(P, V, 'rec-00', { OwnerID: 'supplier_1', AddressID: 'addr_supplier' })),
      ).toMatchObject({
        status: 400,
        errors: [{ Data: { Field: 'AddressID' } }],
      });
      expect(await InventoryRecords.CreateVariant(P, V, { OwnerID: 'supplier_1', AddressID: 'addr_supplier' })).toMatchObject({
        OwnerID: 'supplier_1',
        AddressID: 'addr_supplier',
      });
    });

    it('deletes a record and frees its ID; a second delete is a 404', async () => {
      await InventoryRecords.SaveVariant(P, V, 'delete-me', { AddressID: 'addr_s5' });
      await InventoryRecords.DeleteVariant(P, V, 'delete-me');
      expect(await item(keys.variantInventoryRecord(tenantId, P, V, 'delete-me'))).toBeUndefined();
      expect(await item(keys.inventoryRecordId(tenantId, P, 'delete-me'))).toBeUndefined();
      expect((await failure(InventoryRecords.DeleteVariant(P, V, 'delete-me')))!.errors?.[0]?.Data).toEqual({
        ObjectType: 'InventoryRecord',
        ObjectID: 'delete-me',
      });
      expect((await failure(InventoryRecords.DeleteVariant(P, 'var_none', 'delete-me')))!.errors?.[0]?.Data).toEqual({
        ObjectType: 'Variant',
        ObjectID: 'var_none',
      });
      // The ID is free again, for any variant of the product.
      expect(await InventoryRecords.CreateVariant(P, 'var_b', { ID: 'delete-me', AddressID: 'addr_s5' })).toMatchObject({
        ID: 'delete-me',
      });
    });
  });

  describe('product-level records: List, Create, Get, Save, Patch, Delete', () => {
    it('keeps them apart from variant records, with the same operations and shape', async () => {
      const created = await InventoryRecords.Create(PS, { ID: 'p-1', AddressID: 'addr_s6', QuantityAvailable: 3, xp: { a: { b: 1 } } });
      expect(created).toMatchObject({ ID: 'p-1', AllowAllBuyers: true, Address: { ID: 'addr_s6' } });
      expect(await item(keys.productInventoryRecord(tenantId, PS, 'p-1'))).toMatchObject({ type: 'InventoryRecord', variantId: null });
      expect(await InventoryRecords.Get(PS, 'p-1')).toEqual(created);
      expect((await InventoryRecords.Patch(PS, 'p-1', { xp: { a: { c: 2 } } })).xp).toEqual({ a: { b: 1, c: 2 } });
      expect(await InventoryRecords.Save(PS, 'p-1', { AddressID: 'addr_s6', QuantityAvailable: 1 })).toMatchObject({
        ID: 'p-1',
        AddressID: 'addr_s6',
        QuantityAvailable: 1,
        xp: {},
      });
      const list = await InventoryRecords.List(PS, { pageSize: 100 });
      expect(ids(list.Items).sort()).toEqual(['p-1', 'prod-level']);
      expect(ids((await InventoryRecords.ListVariant(P, V, { pageSize: 100 })).Items)).not.toContain('p-1');
      await InventoryRecords.Delete(PS, 'p-1');
      expect(await item(keys.productInventoryRecord(tenantId, PS, 'p-1'))).toBeUndefined();
      expect((await failure(InventoryRecords.Get(PS, 'p-1')))!.status).toBe(404);
    });

    it('answers 400 for a product-level record of a product with variants (deliberately: its stock is kept by variant)', async () => {
      const before = await items();
      for (const call of [
        () => InventoryRecords.Create(P, { ID: 'p-2', AddressID: 'addr_s7' }),
        () => InventoryRecords.Save(P, 'rec-02', { AddressID: 'addr_s7' }),
      ]) {
        expect(await failure(call())).toMatchObject({ status: 400, errorCode: 'InvalidRequest' });
      }
      expect(await items()).toEqual(before);
      // The product's ID space spans its variants: an ID taken by one variant's record is taken for the others.
      expect(await failure(InventoryRecords.CreateVariant(P, 'var_b', { ID: 'rec-01', AddressID: 'addr_s7' }))).toMatchObject({
        status: 409,
        errorCode: 'IdExists',
      });
    });

    it('answers 404 Product for an unknown product', async () => {
      const calls = [
        () => InventoryRecords.List('prod_none'),
        () => InventoryRecords.Get('prod_none', 'x'),
        () => InventoryRecords.Create('prod_none', { AddressID: 'addr_s7' }),
        () => InventoryRecords.Delete('prod_none', 'x'),
      ];
      for (const call of calls) {
        expect((await failure(call()))!.errors?.[0]?.Data).toEqual({ ObjectType: 'Product', ObjectID: 'prod_none' });
      }
    });
  });

  describe('races on the ID rule, decided by DynamoDB', () => {
    it('lets exactly one of concurrent creates for two variants take an ID', async () => {
      const results = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) =>
          InventoryRecords.CreateVariant(P, i % 2 === 0 ? V : 'var_b', { ID: 'race-1', AddressID: 'addr_s8' }),
        ),
      );
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      for (const result of results.filter((r): r is PromiseRejectedResult => r.status === 'rejected'))
        expect(result.reason).toMatchObject({ status: 409, errorCode: 'IdExists' });
      const stored = (await items()).filter((candidate) => candidate.id === 'race-1' || candidate.recordId === 'race-1');
      expect(stored.map((candidate) => candidate.type).sort()).toEqual(['InventoryRecord', 'InventoryRecordId']);
    });

    it('lets exactly one of concurrent renames to the same ID win, losing no record', async () => {
      // IDs of their own: the race above may leave its ID at either level.
      const sources = Array.from({ length: 6 }, (_, i) => `rename-src-${i}`);
      for (const [i, id] of sources.entries()) await InventoryRecords.SaveVariant(P, V, id, { AddressID: `addr_s${9 + i}` });
      const results = await Promise.allSettled(sources.map((id) => InventoryRecords.PatchVariant(P, V, id, { ID: 'rename-target' })));
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const listed = ids((await InventoryRecords.ListVariant(P, V, { filters: { ID: 'rename-*' }, pageSize: 100 })).Items);
      expect(listed).toHaveLength(sources.length);
      expect(listed).toContain('rename-target');
    });
  });
});
