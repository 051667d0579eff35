import { beforeAll, describe, expect, it } from 'vitest';
import { handler as exportCatalog } from '#functions/admin/exportCatalog/handler';
import { handler as listKeys } from '#functions/admin/listMerchantApiKeys/handler';
import { handler as listVariants } from '#functions/dayzero/listVariants/handler';
import { handler as listRecords } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as listLowStock } from '#functions/shopsynch/listLowStockInventory/handler';
import { handler as listMovements } from '#functions/shopsynch/listInventoryMovements/handler';
import { handler as reserve } from '#functions/shopsynch/reserveInventory/handler';
import { ERROR_ENVELOPES } from '#test/support/envelopes';
import { invoke, type Reply } from '#test/support/http';
import { bearer, seedTenant, tokenFor } from '#test/support/tenants';

/**
 * Issue 30, finding 1 (and 6 for the key list): every cursor of every list is sealed, bound to
 * the tenant and the list. A cursor changed in any way, made by hand, cut short, far too long,
 * or handed out by another tenant or another list is that API's documented 400 or 422 in its
 * own envelope, never a 500 and never a page; and no cursor handed out shows a table key.
 */
const API_KEY = 'mk_test_cursors_0123';
const RECORD = 'inv_00000000000000000000000000000c01';

const catalog = () => ({
  name: 'Cursor merchant',
  merchantApiKeys: [API_KEY, 'mk_test_cursors_4567', 'mk_test_cursors_89ab'],
  defaultLocationId: 'wh_main',
  locations: [
    { id: 'wh_main', name: 'Main' },
    { id: 'wh_north', name: 'North' },
  ],
  products: [
    {
      id: 'prod_phone',
      name: 'Phone',
      type: 'VARIABLE' as const,
      variants: [
        { id: 'sku_red', name: 'Red' },
        { id: 'sku_blue', name: 'Blue' },
        { id: 'sku_green', name: 'Green' },
      ],
    },
    { id: 'prod_lamp', name: 'Lamp', type: 'SIMPLE' as const },
    { id: 'prod_cable', name: 'Cable', type: 'SIMPLE' as const },
  ],
  stockRecords: [
    { id: RECORD, productId: 'prod_lamp', warehouseId: 'wh_main', onHandQty: 20, reorderLevel: 50 },
    { id: 'inv_00000000000000000000000000000c02', productId: 'prod_cable', warehouseId: 'wh_main', onHandQty: 2, reorderLevel: 50 },
    {
      id: 'inv_00000000000000000000000000000c03',
      productId: 'prod_phone',
      skuId: 'sku_red',
      warehouseId: 'wh_north',
      onHandQty: 1,
      reorderLevel: 50,
    },
  ],
});

const shopSynch = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': API_KEY });
const admin = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) });

const dayZero = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId });

/** Each API refuses a bad cursor with its own documented status. */
const REFUSED = { ShopSynch: 400, Admin: 422, DayZero: 422 } as const;

interface ListRoute {
  name: string;
  envelope: keyof typeof REFUSED;
  status: 400 | 422;
  call(tenantId: string, query: string): Promise<Reply>;
  /** The cursor of the next page, as the list's answer names it. */
  next(reply: Reply): string | null;
}

/** A list route by its route key, its path's `{id}` (if any) filled in, called with its API's headers. */
const list = (
  routeKey: string,
  handler: Parameters<typeof invoke>[0],
  envelope: ListRoute['envelope'],
  headers: (tenantId: string) => Record<string, string>,
  { id, cursorField = 'nextCursor' }: { id?: string; cursorField?: string } = {},
): ListRoute => ({
  name: routeKey,
  envelope,
  status: REFUSED[envelope],
  call: (tenantId, query) =>
    invoke(handler, {
      path: routeKey.replace(/^GET /, '').replace('{id}', id ?? '{id}'),
      routeKey,
      ...(id === undefined ? {} : { pathParameters: { id } }),
      query,
      headers: headers(tenantId),
    }),
  next: (reply) => reply.body[cursorField],
});

const LISTS: ListRoute[] = [
  list('GET /v1/inventory', listRecords, 'ShopSynch', shopSynch),
  list('GET /v1/inventory/low-stock', listLowStock, 'ShopSynch', shopSynch),
  list('GET /v1/inventory/{id}/movements', listMovements, 'ShopSynch', shopSynch, { id: RECORD }),
  list('GET /admin/catalog', exportCatalog, 'Admin', admin),
  list('GET /admin/merchant-api-keys', listKeys, 'Admin', admin),
  list('GET /api/v1/inventory/products/variants', listVariants, 'DayZero', dayZero, { cursorField: 'next_cursor' }),
];

/** Seeds a tenant whose every list has a second page (the lamp has a reserve besides its creation). */
async function merchant(): Promise<string> {
  const tenantId = await seedTenant(catalog());
  const reserved = await invoke(reserve, {
    path: `/v1/inventory/${RECORD}/reserve`,
    routeKey: 'PATCH /v1/inventory/{id}/reserve',
    pathParameters: { id: RECORD },
    headers: shopSynch(tenantId),
    body: { qty: 1, reference: 'order-1' },
  });
  expect(reserved.status).toBe(200);
  return tenantId;
}

/** The first page's cursor of each list, by name. */
async function firstCursors(tenantId: string): Promise<Record<string, string>> {
  const cursors: Record<string, string> = {};
  for (const list of LISTS) {
    const reply = await list.call(tenantId, 'limit=1');
    expect(reply.status, list.name).toBe(200);
    const cursor = list.next(reply);
    expect(cursor, list.name).toEqual(expect.any(String));
    cursors[list.name] = cursor!;
  }
  return cursors;
}

const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** One character changed in the middle of the cursor (still base64url). */
function tamper(cursor: string): string {
  const at = Math.floor(cursor.length / 2);
  return `${cursor.slice(0, at)}${cursor[at] === 'A' ? 'B' : 'A'}${cursor.slice(at + 1)}`;
}

describe('sealed cursors on every list', () => {
  let mine: string;
  let theirs: string;
  let cursors: Record<string, string>;
  let foreign: Record<string, string>;
  beforeAll(async () => {
    [mine, theirs] = await Promise.all([merchant(), merchant()]);
    [cursors, foreign] = await Promise.all([firstCursors(mine), firstCursors(theirs)]);
  });

  it.for(LISTS)('$name hands out cursors that show no table key: not JSON, no TENANT#, no tenant ID, and that page on', async (list) => {
    const cursor = cursors[list.name]!;
    const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
    expect(() => JSON.parse(decoded), list.name).toThrow();
    expect(decoded.includes('TENANT#') || decoded.includes(mine) || decoded.includes('APIKEY#'), list.name).toBe(false);
    expect(cursor.includes(mine), list.name).toBe(false);
    const next = await list.call(mine, `limit=1&cursor=${encodeURIComponent(cursor)}`);
    expect(next.status, list.name).toBe(200);
    // The same page asked twice gives two different cursors: a fresh IV each time, nothing to compare.
    const again = list.next(await list.call(mine, 'limit=1'));
    expect(again, list.name).not.toBe(cursor);
  });

  it.for(LISTS.map((list, i) => ({ ...list, other: LISTS[(i + 1) % LISTS.length]!.name })))(
    "$name refuses a tampered, foreign-tenant, other-list, truncated, huge or hand-made cursor with the API's 400 or 422, never a 500",
    async (list) => {
      const own = cursors[list.name]!;
      const otherList = cursors[list.other]!;
      const refused: Record<string, string> = {
        tampered: tamper(own),
        'last byte changed': `${own.slice(0, -1)}${own.endsWith('A') ? 'B' : 'A'}`,
        'another tenant': foreign[list.name]!,
        'another list': otherList,
        truncated: own.slice(0, -6),
        'cut to its header': own.slice(0, 20),
        huge: 'A'.repeat(100_000),
        'long but plausible': own.repeat(40).slice(0, 8_000),
        'not base64url': `${own}!`,
        'plain text': 'nonsense',
        // Today's cursor formats, by hand: a table key as base64url JSON, with a sort key DynamoDB refuses.
        'hand-made key': b64({ pk: `TENANT#${mine}#STOCK#${RECORD}`, sk: 'STOCK', gsi1pk: `TENANT#${mine}`, gsi1sk: '' }),
        'hand-made movement': b64({ pk: `TENANT#${mine}#STOCK#${RECORD}`, sk: 'MOVEMENT#' }),
        'hand-made key sort key': b64(`APIKEY#${'0'.repeat(64)}`),
        'empty object': b64({}),
      };
      for (const [what, cursor] of Object.entries(refused)) {
        const reply = await list.call(mine, `limit=1&cursor=${encodeURIComponent(cursor)}`);
        expect(reply.status, `${list.name}: ${what}`).toBe(list.status);
        expect(ERROR_ENVELOPES[list.envelope]!(reply.body), `${list.name}: ${what}`).toBe(true);
        expect(JSON.stringify(reply.body).includes(theirs), `${list.name}: ${what}`).toBe(false);
      }
      // Their own cursor still works for them: the refusal above was the binding, not the cursor.
      expect((await list.call(theirs, `limit=1&cursor=${encodeURIComponent(foreign[list.name]!)}`)).status, list.name).toBe(200);
    },
  );
});
