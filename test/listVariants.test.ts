import { beforeAll, describe, expect, it } from 'vitest';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as deleteVariant } from '#functions/dayzero/deleteVariant/handler';
import { handler as getVariant } from '#functions/dayzero/getVariant/handler';
import { handler as importCatalog } from '#functions/admin/importCatalog/handler';
import { handler } from '#functions/dayzero/listVariants/handler';
import { handler as updateVariant } from '#functions/dayzero/updateVariant/handler';
import { putMany } from '#shared/store/batch';
import { openCursor, sealCursor } from '#shared/store/cursorSeal';
import { fixtureItems, parseFixtures, type TenantFixture } from '#shared/store/fixtures';
import { invoke, type Reply } from '#test/support/http';
import { bearer, db, seedTenant, table, tokenFor, uniqueId } from '#test/support/tenants';

const PATH = '/api/v1/inventory/products/variants';

const list = (tenantId: string, query = '', headers: Record<string, string | undefined> = {}) =>
  invoke(handler, {
    path: PATH,
    routeKey: `GET ${PATH}`,
    ...(query ? { query } : {}),
    headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId, ...headers },
  });

const headersFor = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId });

const get = (tenantId: string, id: string) =>
  invoke(getVariant, { path: `${PATH}/${id}`, routeKey: `GET ${PATH}/{id}`, pathParameters: { id }, headers: headersFor(tenantId) });

const put = (tenantId: string, id: string, body: unknown) =>
  invoke(updateVariant, {
    path: `${PATH}/${id}`,
    routeKey: `PUT ${PATH}/{id}`,
    pathParameters: { id },
    headers: headersFor(tenantId),
    body,
  });

const create = (tenantId: string, body: Record<string, unknown>) =>
  invoke(createVariant, { path: PATH, routeKey: `POST ${PATH}`, headers: headersFor(tenantId), body });

const archive = (tenantId: string, id: string) =>
  invoke(deleteVariant, { path: `${PATH}/${id}`, routeKey: `DELETE ${PATH}/{id}`, pathParameters: { id }, headers: headersFor(tenantId) });

const ids = (reply: Reply): string[] => reply.body.items.map((item: { id: string }) => item.id);

/** A business's settings and locations; its products are loaded one variant at a time, each at its own creation time. */
const business = (id: string): TenantFixture =>
  ({ id, name: 'List business', defaultLocationId: 'loc_main', locations: [{ id: 'loc_main', name: 'Main' }] }) as TenantFixture;

interface Seeded {
  id: string;
  productId: string;
  name: string;
  createdAt: string;
}

/** Loads each variant as fixtures at its own creation time (fixtures stamp every item with the load's time). */
async function seedVariants(tenantId: string, variants: Seeded[]): Promise<void> {
  for (const variant of variants) {
    const fixture = {
      ...business(tenantId),
      products: [
        {
          id: variant.productId,
          name: `Product ${variant.productId}`,
          type: 'VARIABLE',
          variants: [{ id: variant.id, name: variant.name, unitPrice: 1000, unitCost: 250 }],
        },
      ],
    };
    await putMany(db, table, fixtureItems(parseFixtures({ tenants: [fixture] }), variant.createdAt));
  }
}

/** The name order DynamoDB keeps: the names' UTF-8 bytes, then the IDs. */
const byName = (a: Seeded, b: Seeded) =>
  Buffer.compare(Buffer.from(a.name), Buffer.from(b.name)) || Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));
const byCreated = (a: Seeded, b: Seeded) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : Buffer.compare(Buffer.from(a.id), Buffer.from(b.id));

/** Walks a list forward from its first page, then back from its last page with prev_cursor; returns the pages of each walk. */
async function walk(tenantId: string, query: string): Promise<{ forward: Reply[]; backward: Reply[] }> {
  const forward = [await list(tenantId, query)];
  while (forward.at(-1)!.body.has_next) forward.push(await list(tenantId, `${query}&cursor=${forward.at(-1)!.body.next_cursor}`));
  const backward = [forward.at(-1)!];
  while (backward.at(-1)!.body.has_prev)
    backward.push(await list(tenantId, `${query}&direction=prev&cursor=${backward.at(-1)!.body.prev_cursor}`));
  return { forward, backward };
}

// Names chosen so the byte order shows: upper case before lower case, accents after ASCII, and a name before its own extension.
const NAMES = ['Tee Shirt', 'apple', 'Tee', 'Banana', 'Éclair', 'banana', 'Zebra', 'tee', 'Mango', 'Kiwi'];
const CATALOG: Seeded[] = [
  ...NAMES.map((name, i) => ({
    id: `var_a_${String(i).padStart(2, '0')}`,
    productId: 'prod_a',
    name,
    createdAt: `2026-01-01T00:00:${String((i * 7) % 10).padStart(2, '0')}Z`,
  })),
  { id: 'var_b_00', productId: 'prod_b', name: 'Bolt', createdAt: '2026-01-01T00:00:20Z' },
  { id: 'var_b_01', productId: 'prod_b', name: 'Nut', createdAt: '2026-01-01T00:00:05Z' },
];

describe('GET /api/v1/inventory/products/variants', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = uniqueId('dzlist');
    await seedVariants(tenantId, CATALOG);
  });

  it('answers the business’s active variants newest first, 20 to a page, with the fields of GET by id and no stock', async () => {
    const reply = await list(tenantId);
    expect(reply.status).toBe(200);
    expect(ids(reply)).toEqual(
      [...CATALOG]
        .sort(byCreated)
        .reverse()
        .map((variant) => variant.id),
    );
    expect(reply.body).toMatchObject({ total: null, limit: 20, next_cursor: null, prev_cursor: null, has_next: false, has_prev: false });
    const read = await get(tenantId, 'var_a_00');
    expect(reply.body.items.find((item: { id: string }) => item.id === 'var_a_00')).toEqual({
      ...read.body,
      inventory: null,
      inventory_quantity: null,
    });
    expect(read.body).toMatchObject({
      id: 'var_a_00',
      name: 'Tee Shirt',
      product_id: 'prod_a',
      product_name: 'Product prod_a',
      created_at: '2026-01-01T00:00:00Z',
      unit_price: 1000,
      margin_cents: 750,
    });
  });

  it('pages by limit with exact has_next/has_prev and null cursors where nothing lies', async () => {
    const first = await list(tenantId, 'limit=5');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ limit: 5, has_next: true, has_prev: false, prev_cursor: null, next_cursor: expect.any(String) });
    expect(first.body.items).toHaveLength(5);
  });

  it('sorts by name in the bytes of its UTF-8 encoding, ascending or descending', async () => {
    const ascending = await list(tenantId, 'sort_by=name&descending=false');
    expect(ascending.body.items.map((item: { name: string }) => item.name)).toEqual(
      [...CATALOG].sort(byName).map((variant) => variant.name),
    );
    expect(ascending.body.items.map((item: { name: string }) => item.name).slice(0, 7)).toEqual([
      'Banana',
      'Bolt',
      'Kiwi',
      'Mango',
      'Nut',
      'Tee',
      'Tee Shirt',
    ]);
    expect(ascending.body.items.at(-1).name).toBe('Éclair');
    const descending = await list(tenantId, 'sort_by=name');
    expect(ids(descending)).toEqual([...ids(ascending)].reverse());
  });

  it('keeps the byte order for control characters, and takes names longer than a sort key holds', async () => {
    const other = uniqueId('dzlist_names');
    const names: Seeded[] = ['Tab Name', 'Tab', 'Tab\tName', 'Tab\u0000', 'x'.repeat(1_000), `${'x'.repeat(999)}a`].map((name, i) => ({
      id: `var_${i}`,
      productId: 'prod_n',
      name,
      createdAt: '2026-01-01T00:00:00Z',
    }));
    await seedVariants(other, names);
    const ascending = await list(other, 'sort_by=name&descending=false');
    expect(ascending.body.items.map((item: { name: string }) => item.name).slice(0, 4)).toEqual([
      'Tab',
      'Tab\u0000',
      'Tab\tName',
      'Tab Name',
    ]);
    // Alike for their first 700 bytes: by ID.
    expect(ids(ascending).slice(4)).toEqual(['var_4', 'var_5']);
    const long = await create(other, { product_id: 'prod_n', name: '語'.repeat(255) });
    expect(long.status).toBe(201);
    expect(ids(await list(other, 'sort_by=name&limit=1'))).toEqual([long.body.id]);
  });

  it('lists one product’s variants with product_id, in either order', async () => {
    const byCreation = await list(tenantId, 'product_id=prod_b');
    expect(ids(byCreation)).toEqual(['var_b_00', 'var_b_01']);
    const named = await list(tenantId, 'product_id=prod_a&sort_by=name&descending=false');
    expect(ids(named)).toEqual(
      CATALOG.filter((variant) => variant.productId === 'prod_a')
        .sort(byName)
        .map((variant) => variant.id),
    );
    expect(await list(tenantId, 'product_id=prod_none')).toMatchObject({
      status: 200,
      body: { items: [], has_next: false, has_prev: false },
    });
  });

  it('walks forward through every page once, and back from the last page through the same pages', async () => {
    for (const [query, expected] of [
      ['limit=5', [...CATALOG].sort(byCreated).reverse()],
      ['limit=5&product_id=prod_a&sort_by=name&descending=false', CATALOG.filter((variant) => variant.productId === 'prod_a').sort(byName)],
      ['limit=3&sort_by=name', [...CATALOG].sort(byName).reverse()],
      ['limit=1&product_id=prod_b&descending=false', CATALOG.filter((variant) => variant.productId === 'prod_b').sort(byCreated)],
    ] as const) {
      const { forward, backward } = await walk(tenantId, query);
      expect(forward.flatMap(ids), query).toEqual(expected.map((variant) => variant.id));
      expect(backward.map(ids), query).toEqual([...forward].reverse().map(ids));
      for (const [i, page] of forward.entries()) {
        expect(page.body.has_prev, `${query} page ${i}`).toBe(i > 0);
        expect(page.body.has_next, `${query} page ${i}`).toBe(i < forward.length - 1);
        expect(page.body.prev_cursor === null, `${query} page ${i}`).toBe(i === 0);
        expect(page.body.next_cursor === null, `${query} page ${i}`).toBe(i === forward.length - 1);
      }
      expect(backward.at(-1)!.body).toMatchObject({ has_prev: false, prev_cursor: null, has_next: backward.length > 1 });
    }
  });

  it('ends a page that stops exactly at the last variant with has_next false', async () => {
    // prod_a has 10 variants: two full pages of 5 and nothing after.
    const { forward } = await walk(tenantId, 'limit=5&product_id=prod_a');
    expect(forward.map((page) => page.body.items.length)).toEqual([5, 5]);
    expect(forward[1]!.body).toMatchObject({ has_next: false, next_cursor: null, has_prev: true });
    const all = await list(tenantId, 'limit=12');
    expect(all.body).toMatchObject({ has_next: false, next_cursor: null });
    expect(all.body.items).toHaveLength(12);
    expect((await list(tenantId, 'limit=11')).body).toMatchObject({ has_next: true });
  });

  it('direction=prev without a cursor gives the last page, in the list’s order', async () => {
    const last = await list(tenantId, 'direction=prev&limit=5&sort_by=name&descending=false');
    expect(ids(last)).toEqual(
      [...CATALOG]
        .sort(byName)
        .slice(-5)
        .map((variant) => variant.id),
    );
    expect(last.body).toMatchObject({ has_next: false, next_cursor: null, has_prev: true, prev_cursor: expect.any(String) });
    const before = await list(tenantId, `direction=prev&limit=5&sort_by=name&descending=false&cursor=${last.body.prev_cursor}`);
    expect(ids(before)).toEqual(
      [...CATALOG]
        .sort(byName)
        .slice(-10, -5)
        .map((variant) => variant.id),
    );
    expect(before.body).toMatchObject({ has_next: true, has_prev: true });
  });

  it('counts the whole list only when asked', async () => {
    expect((await list(tenantId, 'limit=2')).body.total).toBeNull();
    expect((await list(tenantId, 'limit=2&include_total_count=true')).body).toMatchObject({ total: CATALOG.length, limit: 2 });
    expect((await list(tenantId, 'product_id=prod_a&sort_by=name&include_total_count=true&limit=1')).body.total).toBe(10);
    expect((await list(tenantId, 'archived=true&include_total_count=true')).body).toMatchObject({ items: [], total: 0 });
    expect((await list(tenantId, 'include_total_count=false')).body.total).toBeNull();
  });

  it('never shows another business’s variants', async () => {
    const other = uniqueId('dzlist_other');
    await seedVariants(other, [{ id: 'var_a_00', productId: 'prod_a', name: 'Theirs', createdAt: '2026-01-01T00:00:03Z' }]);
    expect(ids(await list(other))).toEqual(['var_a_00']);
    expect((await list(other)).body.items[0]).toMatchObject({ name: 'Theirs', business_id: other });
    expect(
      (await list(tenantId, 'product_id=prod_a&sort_by=name&limit=100')).body.items.every(
        (item: { business_id: string; name: string }) => item.business_id === tenantId && item.name !== 'Theirs',
      ),
    ).toBe(true);
  });

  it('answers 422 at ["query","cursor"] for a cursor of another business, order or filter, or one that is not a cursor', async () => {
    const cursor = (await list(tenantId, 'limit=2')).body.next_cursor as string;
    const other = uniqueId('dzlist_stranger');
    await seedVariants(other, [{ id: 'var_x', productId: 'prod_a', name: 'X', createdAt: '2026-01-01T00:00:00Z' }]);
    // A cursor is sealed: its content is changed here with the sealing key itself, to show that
    // what a cursor holds is still checked once it opens.
    const content = await openCursor(tenantId, 'variants', cursor);
    expect(content).toBeTypeOf('object');
    const forged = (change: (value: any) => void, sealedFor = tenantId) => {
      const copy = structuredClone(content) as any;
      change(copy);
      return sealCursor(sealedFor, 'variants', copy);
    };
    const refused = async (reply: Promise<Reply>, input: string) =>
      expect(await reply).toMatchObject({
        status: 422,
        body: {
          detail: [
            {
              type: 'value_error',
              loc: ['query', 'cursor'],
              msg: 'Value error, cursor is not valid for this list; use the next_cursor or prev_cursor of one of its pages',
              input,
            },
          ],
        },
      });
    await refused(list(other, `limit=2&cursor=${cursor}`), cursor);
    for (const query of ['sort_by=name', 'descending=false', 'product_id=prod_a', 'archived=true'])
      await refused(list(tenantId, `limit=2&${query}&cursor=${cursor}`), cursor);
    for (const garbage of ['not-a-cursor', 'e30', Buffer.from('[1]').toString('base64url'), `${cursor}!`, cursor.slice(0, -4)]) {
      await refused(list(tenantId, `cursor=${encodeURIComponent(garbage)}`), garbage);
    }
    // The stranger relabels our cursor as theirs: its position is still in our partition.
    const relabelled = await forged((value) => (value.tenant = other), other);
    await refused(list(other, `limit=2&cursor=${relabelled}`), relabelled);
    // Our own cursor pointing into the stranger's partition, or with a key DynamoDB could not take.
    for (const tampered of await Promise.all([
      forged((value) => (value.at.pk = value.at.pk.replace(tenantId, other))),
      forged((value) => (value.at.variantsCreatedSk = `${'9'.repeat(1100)}#${value.at.sk.slice('VARIANT#'.length)}`)),
      forged((value) => (value.at.sk = 'VARIANT#other')),
      forged((value) => (value.at.index = 'variantsByName')),
      forged((value) => (value.extra = true)),
      forged((value) => (value.at.pk = '\ud800')),
    ])) {
      await refused(list(tenantId, `limit=2&cursor=${tampered}`), tampered);
    }
    expect(await list(tenantId, 'cursor=')).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'string_too_short', loc: ['query', 'cursor'] }] },
    });
  });

  it('answers 422 for a limit out of 1..100 or not an integer, and for unknown orders and directions', async () => {
    expect(await list(tenantId, 'limit=0')).toMatchObject({
      status: 422,
      body: {
        detail: [{ type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0' }],
      },
    });
    expect(await list(tenantId, 'limit=101')).toMatchObject({
      status: 422,
      body: {
        detail: [{ type: 'less_than_equal', loc: ['query', 'limit'], msg: 'Input should be less than or equal to 100', input: '101' }],
      },
    });
    for (const limit of ['abc', '1.5', '']) {
      expect(await list(tenantId, `limit=${limit}`)).toMatchObject({
        status: 422,
        body: {
          detail: [
            {
              type: 'int_parsing',
              loc: ['query', 'limit'],
              msg: 'Input should be a valid integer, unable to parse string as an integer',
              input: limit,
            },
          ],
        },
      });
    }
    expect(await list(tenantId, 'limit=100')).toMatchObject({ status: 200, body: { limit: 100 } });
    expect(await list(tenantId, 'sort_by=price')).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'enum', loc: ['query', 'sort_by'], msg: "Input should be 'created_at' or 'name'", input: 'price' }] },
    });
    expect(await list(tenantId, 'direction=up')).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'enum', loc: ['query', 'direction'] }] },
    });
    expect(await list(tenantId, 'archived=maybe')).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'enum', loc: ['query', 'archived'] }] },
    });
  });

  it('answers x-business-id as the other DayZero routes do: 404 for another business, 422 when missing, 401 without a token', async () => {
    const other = await seedTenant({ name: 'Other' });
    expect(await list(tenantId, '', { 'x-business-id': other })).toMatchObject({ status: 404, body: { detail: 'Business not found' } });
    expect(await list(tenantId, '', { 'x-business-id': undefined })).toMatchObject({
      status: 422,
      body: { detail: [{ type: 'missing', loc: ['header', 'x-business-id'], msg: 'Field required', input: null }] },
    });
    expect(await list(tenantId, '', { authorization: undefined })).toMatchObject({ status: 401, body: { detail: 'Not authenticated' } });
    // Any token of the business may read.
    expect(await list(tenantId, '', { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read' })) })).toMatchObject({
      status: 200,
    });
  });
});

describe('GET /api/v1/inventory/products/variants after changes', () => {
  let tenantId: string;
  const SEEDED: Seeded[] = ['One', 'Two', 'Three', 'Four', 'Five', 'Six'].map((name, i) => ({
    id: `var_${i}`,
    productId: 'prod_a',
    name,
    createdAt: `2026-02-01T00:00:0${i}Z`,
  }));
  beforeAll(async () => {
    tenantId = uniqueId('dzlist_changes');
    await seedVariants(tenantId, [...SEEDED, { id: 'var_b', productId: 'prod_b', name: 'Bee', createdAt: '2026-02-01T00:00:09Z' }]);
  });

  it('shows a created variant first, where GET by id gives its live stock', async () => {
    const created = await create(tenantId, { product_id: 'prod_a', name: 'Fresh', sku: 'FRESH-1', initial_inventory_quantity: 4 });
    expect(created.status).toBe(201);
    const reply = await list(tenantId, 'limit=1');
    expect(reply.body.items).toEqual([{ ...created.body, inventory: null, inventory_quantity: null }]);
    expect((await get(tenantId, created.body.id)).body).toMatchObject({ inventory_quantity: 4, inventory: { on_hand: 4 } });
  });

  it('moves a renamed variant in the name order, an archived one to the archived list, and a moved one to its new product', async () => {
    expect(await put(tenantId, 'var_0', { name: 'Zulu' })).toMatchObject({ status: 200 });
    expect(
      (await list(tenantId, 'product_id=prod_a&sort_by=name&descending=false')).body.items.map((item: { name: string }) => item.name),
    ).toEqual(['Five', 'Four', 'Fresh', 'Six', 'Three', 'Two', 'Zulu']);

    expect(await archive(tenantId, 'var_1')).toMatchObject({ status: 200, body: { code: 'VARIANT_ARCHIVED' } });
    expect(ids(await list(tenantId, 'product_id=prod_a'))).not.toContain('var_1');
    expect(ids(await list(tenantId))).not.toContain('var_1');
    expect(ids(await list(tenantId, 'archived=true'))).toEqual(['var_1']);
    expect((await list(tenantId, 'product_id=prod_a&archived=true&sort_by=name&include_total_count=true')).body).toMatchObject({
      items: [{ id: 'var_1', archived: true }],
      total: 1,
    });

    expect(await put(tenantId, 'var_1', { archived: false })).toMatchObject({ status: 200 });
    expect(ids(await list(tenantId, 'archived=true'))).toEqual([]);
    expect(ids(await list(tenantId, 'product_id=prod_a&descending=false')).slice(0, 2)).toEqual(['var_0', 'var_1']);

    expect(await put(tenantId, 'var_2', { product_id: 'prod_b' })).toMatchObject({ status: 200 });
    expect(ids(await list(tenantId, 'product_id=prod_a'))).not.toContain('var_2');
    expect(ids(await list(tenantId, 'product_id=prod_b&sort_by=name&descending=false'))).toEqual(['var_b', 'var_2']);
    expect((await list(tenantId, 'product_id=prod_b&sort_by=name&descending=false')).body.items[1]).toMatchObject({
      product_id: 'prod_b',
      product_name: 'Product prod_b',
    });
  });

  it('keeps has_prev exact when the variants before a cursor are gone', async () => {
    const first = await list(tenantId, 'product_id=prod_b&sort_by=name&descending=false&limit=1');
    expect(ids(first)).toEqual(['var_b']);
    const second = await list(tenantId, `product_id=prod_b&sort_by=name&descending=false&limit=1&cursor=${first.body.next_cursor}`);
    expect(second.body).toMatchObject({ has_prev: true, has_next: false });
    expect(await archive(tenantId, 'var_b')).toMatchObject({ status: 200 });
    const again = await list(tenantId, `product_id=prod_b&sort_by=name&descending=false&limit=1&cursor=${first.body.next_cursor}`);
    expect(again.body).toMatchObject({ items: [{ id: 'var_2' }], has_prev: false, prev_cursor: null, has_next: false, next_cursor: null });
  });

  it('follows a rename made by the catalog import', async () => {
    const document = {
      tenants: [
        {
          ...business(tenantId),
          products: [{ id: 'prod_a', name: 'Product prod_a', type: 'VARIABLE', variants: [{ id: 'var_3', name: 'Alpha' }] }],
        },
      ],
    };
    const imported = await invoke(importCatalog, {
      path: '/admin/catalog',
      routeKey: 'PUT /admin/catalog',
      headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
      body: document,
    });
    expect(imported.status).toBe(200);
    const named = await list(tenantId, 'product_id=prod_a&sort_by=name&descending=false&limit=1');
    expect(named.body.items).toMatchObject([{ id: 'var_3', name: 'Alpha' }]);
  });
});
