import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as adjustHandler } from '#functions/shopsynch/adjustInventory/handler';
import { handler as createHandler } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as createVariantHandler } from '#functions/dayzero/createVariant/handler';
import { handler as getHandler } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as listHandler } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as lowStockHandler } from '#functions/shopsynch/listLowStockInventory/handler';
import { handler as movementsHandler } from '#functions/shopsynch/listInventoryMovements/handler';
import { handler as releaseHandler } from '#functions/shopsynch/releaseInventory/handler';
import { handler as reserveHandler } from '#functions/shopsynch/reserveInventory/handler';
import { openCursor, sealCursor } from '#shared/store/cursorSeal';
import { injectFault } from '#test/support/faults';
import { invoke, type Reply } from '#test/support/http';
import { expectNeverOverReserved } from '#test/support/races';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const API_KEY = 'mk_test_stock_0123';
const LAMP = 'inv_00000000000000000000000000000001';
const PHONE_RED_MAIN = 'inv_00000000000000000000000000000002';
const PHONE_RED_NORTH = 'inv_00000000000000000000000000000003';
const PHONE_BLUE_MAIN = 'inv_00000000000000000000000000000004';
const CABLE = 'inv_00000000000000000000000000000005';
const NEVER_LOW = 'inv_00000000000000000000000000000006';

const catalog = () => ({
  name: 'Stock merchant',
  merchantApiKeys: [API_KEY],
  defaultLocationId: 'wh_main',
  locations: [
    { id: 'wh_main', name: 'Main Warehouse' },
    { id: 'wh_north', name: 'North Store' },
  ],
  products: [
    { id: 'prod_lamp', name: 'Lamp', type: 'SIMPLE' as const },
    { id: 'prod_cable', name: 'Cable', type: 'SIMPLE' as const },
    { id: 'prod_cab', name: 'Cab (sorts between cable and lamp, shares a prefix with cable)', type: 'SIMPLE' as const },
    {
      id: 'prod_phone',
      name: 'Phone',
      type: 'VARIABLE' as const,
      variants: [
        { id: 'sku_red', name: 'Red', attributes: { Color: 'Red' } },
        { id: 'sku_blue', name: 'Blue', attributes: { Color: 'Blue' } },
      ],
    },
  ],
  stockRecords: [
    { id: LAMP, productId: 'prod_lamp', warehouseId: 'wh_main', location: 'A-1', onHandQty: 20, reorderLevel: 5, reorderQty: 10 },
    { id: PHONE_RED_MAIN, productId: 'prod_phone', skuId: 'sku_red', warehouseId: 'wh_main', onHandQty: 8, reorderLevel: 10 },
    { id: PHONE_RED_NORTH, productId: 'prod_phone', skuId: 'sku_red', warehouseId: 'wh_north', onHandQty: 3, reorderLevel: 3 },
    { id: PHONE_BLUE_MAIN, productId: 'prod_phone', skuId: 'sku_blue', warehouseId: 'wh_main', onHandQty: 50, reorderLevel: 5 },
    { id: CABLE, productId: 'prod_cable', warehouseId: 'wh_north', onHandQty: 2, reservedQty: 2, reorderLevel: 0 },
    { id: NEVER_LOW, productId: 'prod_cab', warehouseId: 'wh_north', onHandQty: 0 },
  ],
});

const headers = (tenantId: string, extra: Record<string, string | undefined> = {}) => ({
  authorization: bearer(tokenFor(tenantId)),
  'x-merchantapikey': API_KEY,
  ...extra,
});

const get = (tenantId: string, id: string, extra?: Record<string, string | undefined>) =>
  invoke(getHandler, {
    path: `/v1/inventory/${id}`,
    routeKey: 'GET /v1/inventory/{id}',
    pathParameters: { id },
    headers: headers(tenantId, extra),
  });
const list = (tenantId: string, query = '') =>
  invoke(listHandler, { path: '/v1/inventory', routeKey: 'GET /v1/inventory', query, headers: headers(tenantId) });
const lowStock = (tenantId: string, query = '') =>
  invoke(lowStockHandler, { path: '/v1/inventory/low-stock', routeKey: 'GET /v1/inventory/low-stock', query, headers: headers(tenantId) });
const movements = (tenantId: string, id: string, query = '') =>
  invoke(movementsHandler, {
    path: `/v1/inventory/${id}/movements`,
    routeKey: 'GET /v1/inventory/{id}/movements',
    pathParameters: { id },
    query,
    headers: headers(tenantId),
  });
const MOVES = { reserve: reserveHandler, release: releaseHandler, adjust: adjustHandler };
const move = (kind: keyof typeof MOVES, tenantId: string, id: string, body: unknown, extra?: Record<string, string | undefined>) =>
  invoke(MOVES[kind], {
    path: `/v1/inventory/${id}/${kind}`,
    routeKey: `PATCH /v1/inventory/{id}/${kind}`,
    pathParameters: { id },
    headers: headers(tenantId, extra),
    body,
  });

const ids = (reply: Reply) => reply.body.data.map((record: { id: string }) => record.id);
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** Every page of a list, following nextCursor. */
async function allPages(fetch: (query: string) => Promise<Reply>, query: string): Promise<{ ids: string[]; pages: number }> {
  const found: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const reply = await fetch(`${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    found.push(...ids(reply));
    cursor = reply.body.nextCursor;
    pages += 1;
  } while (cursor);
  return { ids: found, pages };
}

describe('ShopSynch stock lifecycle', () => {
  let tenant: string;
  beforeAll(async () => {
    tenant = await seedTenant(catalog());
  });
  afterEach(() => vi.restoreAllMocks());

  describe('GET /v1/inventory/{id}', () => {
    it('answers the record as the create does, plus lastStockAdjusted', async () => {
      const created = await invoke(createHandler, {
        path: '/v1/inventory',
        routeKey: 'POST /v1/inventory',
        headers: headers(tenant),
        body: { productId: 'prod_lamp', warehouseId: 'wh_north', initialQty: 7, location: 'N-2', reorderLevel: 2, reorderQty: 4 },
      });
      expect(created.status).toBe(200);
      const reply = await get(tenant, created.body.data.id);
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ status: true, data: { ...created.body.data, lastStockAdjusted: created.body.data.createdAt } });
    });

    it("answers 404 for an unknown ID and for another tenant's, alike", async () => {
      const other = await seedTenant(catalog());
      const unknown = await get(tenant, 'inv_ffffffffffffffffffffffffffffffff');
      const foreign = await get(other, 'inv_ffffffffffffffffffffffffffffffff');
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({ status: false, message: "Inventory record 'inv_ffffffffffffffffffffffffffffffff' not found" });
      // The same fixture IDs exist in both tenants; a record created in one is unknown to the other.
      const created = await invoke(createHandler, {
        path: '/v1/inventory',
        routeKey: 'POST /v1/inventory',
        headers: headers(other),
        body: { productId: 'prod_cable', warehouseId: 'wh_main', initialQty: 1 },
      });
      const crossed = await get(tenant, created.body.data.id);
      expect(crossed.status).toBe(404);
      expect(crossed.body.message).toBe(`Inventory record '${created.body.data.id}' not found`);
      expect(foreign.status).toBe(404);
    });

    it('needs the merchant key', async () => {
      const reply = await get(tenant, LAMP, { 'x-merchantapikey': 'mk_wrong_123456' });
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ status: false, message: 'X-MerchantApiKey is not valid' });
    });

    it("includes DayZero's initial inventory: the same stock, readable, listable and movable here", async () => {
      const t = await seedTenant(catalog());
      const variant = await invoke(createVariantHandler, {
        path: '/api/v1/inventory/products/variants',
        routeKey: 'POST /api/v1/inventory/products/variants',
        headers: { authorization: bearer(tokenFor(t)), 'x-business-id': t },
        body: { product_id: 'prod_phone', name: 'Green', sku: 'PH-GREEN', initial_inventory_quantity: 12 },
      });
      expect(variant.status).toBe(201);
      const id = `inv_${variant.body.id.replaceAll('-', '')}`;
      const reply = await get(t, id);
      expect(reply.status).toBe(200);
      expect(reply.body.data).toMatchObject({
        id,
        productId: 'prod_phone',
        skuId: variant.body.id,
        warehouseId: 'wh_main',
        warehouseName: 'Main Warehouse',
        onHandQty: 12,
        reservedQty: 0,
        availableQty: 12,
      });
      expect(ids(await list(t, `productId=prod_phone&skuId=${variant.body.id}`))).toEqual([id]);
      expect((await move('reserve', t, id, { qty: 5 })).body.data).toEqual({ id, onHandQty: 12, reservedQty: 5, availableQty: 7 });
      expect((await movements(t, id)).body.data.map((entry: { type: string }) => entry.type)).toEqual(['reserved', 'created']);
    });
  });

  describe('GET /v1/inventory', () => {
    let t: string;
    beforeAll(async () => {
      t = await seedTenant(catalog());
    });

    it.each([
      ['no filter', '', [CABLE, LAMP, NEVER_LOW, PHONE_BLUE_MAIN, PHONE_RED_MAIN, PHONE_RED_NORTH]],
      ['productId', 'productId=prod_phone', [PHONE_BLUE_MAIN, PHONE_RED_MAIN, PHONE_RED_NORTH]],
      ['productId that prefixes another', 'productId=prod_cab', [NEVER_LOW]],
      ['productId and skuId', 'productId=prod_phone&skuId=sku_red', [PHONE_RED_MAIN, PHONE_RED_NORTH]],
      ['productId, skuId and warehouseId', 'productId=prod_phone&skuId=sku_red&warehouseId=wh_north', [PHONE_RED_NORTH]],
      ['warehouseId', 'warehouseId=wh_north', [CABLE, NEVER_LOW, PHONE_RED_NORTH]],
      ['warehouseId and productId', 'warehouseId=wh_main&productId=prod_phone', [PHONE_BLUE_MAIN, PHONE_RED_MAIN]],
      ['an unknown product', 'productId=prod_none', []],
    ])('%s: one Query on an index, all pages', async (_, query, expected) => {
      const single = await list(t, query);
      expect(single.status).toBe(200);
      expect([...ids(single)].sort()).toEqual([...expected].sort());
      expect(single.body.nextCursor).toBeNull();
      // One record per page: the cursor walks exactly the same records.
      const paged = await allPages((q) => list(t, q), `${query}&limit=1`);
      expect([...paged.ids].sort()).toEqual([...expected].sort());
      expect(new Set(paged.ids).size).toBe(paged.ids.length);
    });

    it('answers each record in the documented shape', async () => {
      const reply = await list(t, 'productId=prod_phone&skuId=sku_red&warehouseId=wh_main');
      expect(reply.body).toEqual({
        status: true,
        data: [
          {
            id: PHONE_RED_MAIN,
            productId: 'prod_phone',
            skuId: 'sku_red',
            tenantId: t,
            warehouseId: 'wh_main',
            warehouseName: 'Main Warehouse',
            location: null,
            onHandQty: 8,
            reservedQty: 0,
            availableQty: 8,
            reorderLevel: 10,
            reorderQty: null,
            variantAttributes: { Color: 'Red' },
            createdAt: expect.stringMatching(ISO),
            updatedAt: expect.stringMatching(ISO),
            lastStockAdjusted: expect.stringMatching(ISO),
          },
        ],
        nextCursor: null,
      });
    });

    it('refuses skuId without productId, a bad limit, and a cursor that is not this list’s, with 400', async () => {
      expect((await list(t, 'skuId=sku_red')).body).toEqual({
        status: false,
        message: 'skuId can only be filtered on together with productId',
      });
      for (const query of ['limit=0', 'limit=101', 'limit=abc', 'cursor=not-a-cursor', 'cursor=e30']) {
        const reply = await list(t, query);
        expect(reply.status, query).toBe(400);
        expect(reply.body.status).toBe(false);
      }
      // A real cursor, replayed against another filter or another tenant.
      const first = await list(t, 'productId=prod_phone&limit=1');
      const cursor = encodeURIComponent(first.body.nextCursor);
      expect((await list(t, `productId=prod_lamp&limit=1&cursor=${cursor}`)).status).toBe(400);
      expect((await list(t, `warehouseId=wh_main&limit=1&cursor=${cursor}`)).status).toBe(400);
      expect((await list(tenant, `productId=prod_phone&limit=1&cursor=${cursor}`)).status).toBe(400);
      // A cursor sealed with the stack's key, yet pointing at another tenant's partition: what it holds is still checked.
      const decoded = (await openCursor(t, 'stock-records', first.body.nextCursor)) as Record<string, string>;
      const forged = await sealCursor(t, 'stock-records', { ...decoded, pk: decoded.pk!.replace(t, tenant) });
      expect((await list(t, `productId=prod_phone&limit=1&cursor=${forged}`)).status).toBe(400);
    });
  });

  describe('PATCH reserve and release', () => {
    it('reserves and releases, answering the quantities, each with a history entry', async () => {
      const t = await seedTenant(catalog());
      const reserved = await move('reserve', t, LAMP, { qty: 5, reference: 'order-1', notes: 'checkout' });
      expect(reserved.status).toBe(200);
      expect(reserved.body).toEqual({ status: true, data: { id: LAMP, onHandQty: 20, reservedQty: 5, availableQty: 15 } });
      const released = await move('release', t, LAMP, { qty: 2, reference: 'order-1' });
      expect(released.body).toEqual({ status: true, data: { id: LAMP, onHandQty: 20, reservedQty: 3, availableQty: 17 } });
      const history = (await movements(t, LAMP)).body.data;
      expect(history).toEqual([
        {
          version: 3,
          type: 'released',
          qty: 2,
          reason: null,
          reference: 'order-1',
          notes: null,
          onHandQty: 20,
          reservedQty: 3,
          availableQty: 17,
          by: 'dev-user',
          at: expect.stringMatching(ISO),
        },
        {
          version: 2,
          type: 'reserved',
          qty: 5,
          reason: null,
          reference: 'order-1',
          notes: 'checkout',
          onHandQty: 20,
          reservedQty: 5,
          availableQty: 15,
          by: 'dev-user',
          at: expect.stringMatching(ISO),
        },
        {
          version: 1,
          type: 'created',
          qty: 20,
          reason: null,
          reference: null,
          notes: null,
          onHandQty: 20,
          reservedQty: 0,
          availableQty: 20,
          by: 'fixtures',
          at: expect.stringMatching(ISO),
        },
      ]);
    });

    it("answers ShopSynch's 400 for more than is available, and says so for more than is reserved; nothing written", async () => {
      const t = await seedTenant(catalog());
      await move('reserve', t, PHONE_RED_MAIN, { qty: 5 });
      const before = await tenantItems(t);
      const over = await move('reserve', t, PHONE_RED_MAIN, { qty: 5 });
      expect(over.status).toBe(400);
      expect(over.body).toEqual({ status: false, message: 'Cannot reserve 5 units. Only 3 units are currently available.' });
      const release = await move('release', t, PHONE_RED_MAIN, { qty: 6 });
      expect(release.status).toBe(400);
      expect(release.body).toEqual({ status: false, message: 'Cannot release 6 units. Only 5 units are currently reserved.' });
      expect((await move('release', t, LAMP, { qty: 1 })).body.message).toBe('Cannot release 1 unit. Only 0 units are currently reserved.');
      expect(await tenantItems(t)).toEqual(before);
    });

    it.each([
      [{ qty: 0 }, 'qty must be greater than 0'],
      [{ qty: -1 }, 'qty must be greater than 0'],
      [{ qty: 1.5 }, 'qty must be an integer'],
      [{}, 'qty is required'],
      [{ qty: 1, reference: 7 }, 'reference must be a string'],
    ])('refuses %j with 400 naming the field', async (body, message) => {
      const reply = await move('reserve', tenant, LAMP, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ status: false, message });
    });

    it("answers 404 for an unknown or another tenant's record, writing nothing", async () => {
      const t = await seedTenant(catalog());
      const created = await invoke(createHandler, {
        path: '/v1/inventory',
        routeKey: 'POST /v1/inventory',
        headers: headers(t),
        body: { productId: 'prod_cable', warehouseId: 'wh_main', initialQty: 9 },
      });
      const before = await tenantItems(tenant);
      for (const id of [created.body.data.id, 'inv_ffffffffffffffffffffffffffffffff']) {
        const reply = await move('reserve', tenant, id, { qty: 1 });
        expect(reply.status).toBe(404);
        expect(reply.body).toEqual({ status: false, message: `Inventory record '${id}' not found` });
      }
      expect(await tenantItems(tenant)).toEqual(before);
    });

    it('lets 50 concurrent reserves of 1 against 20 available never over-reserve: 20 made (fewer only beside a 503 to retry), the rest 400', async () => {
      const t = await seedTenant(catalog());
      const replies = await Promise.all(Array.from({ length: 50 }, () => move('reserve', t, LAMP, { qty: 1 })));
      const made = expectNeverOverReserved(
        replies.map((reply) => reply.status),
        20,
      );
      for (const reply of replies.filter((r) => r.status === 400))
        expect(reply.body.message).toMatch(/^Cannot reserve 1 unit\. Only 0 units are currently available\.$/);
      for (const reply of replies.filter((r) => r.status === 503)) expect(reply.headers['retry-after']).toBeDefined();
      // A contender the function's own deadline answered 503 may have had its write in flight: it
      // lands whole (level and history in one transaction) after the answer, so up to that many more.
      const retryLater = replies.filter((r) => r.status === 503).length;
      const seen = replies.filter((r) => r.status === 200).map((r) => r.body.data.reservedQty as number);
      expect(new Set(seen).size).toBe(made);
      expect(seen.every((qty) => qty >= 1 && qty <= made + retryLater)).toBe(true);
      // Read in this order, each read sees at least what the one before saw.
      const history = (await itemsOfType(t, 'StockMovement')).filter((entry) => entry.recordId === LAMP && entry.kind === 'reserved');
      const crossings = (await itemsOfType(t, 'LowStockEvent')).filter((event) => event.recordId === LAMP);
      const level = (await get(t, LAMP)).body.data;
      expect(history.length).toBeGreaterThanOrEqual(made);
      expect(history.length).toBeLessThanOrEqual(made + retryLater);
      expect(level).toMatchObject({ onHandQty: 20, availableQty: 20 - level.reservedQty });
      expect(level.reservedQty).toBeGreaterThanOrEqual(history.length);
      expect(level.reservedQty).toBeLessThanOrEqual(Math.min(20, made + retryLater));
      // Exactly one crossing into low stock (at 5 available), however the race went.
      expect(crossings).toHaveLength(history.length >= 15 ? 1 : 0);
    }, 120_000);

    it('does not reserve twice on a retry with the same Idempotency-Key', async () => {
      const t = await seedTenant(catalog());
      const first = await move('reserve', t, LAMP, { qty: 4 }, { 'idempotency-key': 'reserve-once' });
      const retry = await move('reserve', t, LAMP, { qty: 4 }, { 'idempotency-key': 'reserve-once' });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(retry.headers['idempotent-replayed']).toBe('true');
      expect((await get(t, LAMP)).body.data.reservedQty).toBe(4);
      expect((await movements(t, LAMP)).body.data).toHaveLength(2);
    });

    it('answers 503 with Retry-After when the record cannot be written in time, and loses nothing', async () => {
      const t = await seedTenant(catalog());
      const before = await tenantItems(t);
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const fault = injectFault('transaction-conflict', 'writes');
      const reply = await move('reserve', t, LAMP, { qty: 1 }, { 'idempotency-key': 'hot-1' });
      fault.clear();
      expect(reply.status).toBe(503);
      expect(reply.headers['retry-after']).toBe('1');
      expect(reply.body).toEqual({ status: false, message: 'Service temporarily unavailable, please retry' });
      expect(await tenantItems(t)).toEqual(before);
      // The retry the client was asked for succeeds, once.
      expect((await move('reserve', t, LAMP, { qty: 1 }, { 'idempotency-key': 'hot-1' })).body.data.reservedQty).toBe(1);
    });
  });

  describe('PATCH adjust', () => {
    it('adds and removes on-hand units with settings, keeping onHandQty = created + Σ adjustments', async () => {
      const t = await seedTenant(catalog());
      await move('reserve', t, LAMP, { qty: 6 });
      const delivery = await move('adjust', t, LAMP, {
        qty: 30,
        reason: 'delivery',
        reference: 'PO-1',
        reorderLevel: 8,
        reorderQty: 20,
        location: 'B-9',
      });
      expect(delivery.status).toBe(200);
      expect(delivery.body.data).toMatchObject({
        id: LAMP,
        onHandQty: 50,
        reservedQty: 6,
        availableQty: 44,
        reorderLevel: 8,
        reorderQty: 20,
        location: 'B-9',
      });
      expect(delivery.body.data.lastStockAdjusted).toBe(delivery.body.data.updatedAt);
      const damage = await move('adjust', t, LAMP, { qty: -44, reason: 'damaged' });
      expect(damage.body.data).toMatchObject({ onHandQty: 6, reservedQty: 6, availableQty: 0, reorderLevel: 8, location: 'B-9' });
      const history = (await movements(t, LAMP)).body.data as { type: string; qty: number; onHandQty: number }[];
      const created = history.at(-1)!;
      const adjusted = history.filter((entry) => entry.type === 'adjusted').reduce((sum, entry) => sum + entry.qty, 0);
      expect(history[0]!.onHandQty).toBe(created.qty + adjusted);
      expect((await get(t, LAMP)).body.data.onHandQty).toBe(created.qty + adjusted);
    });

    it('never takes onHandQty below reservedQty', async () => {
      const t = await seedTenant(catalog());
      await move('reserve', t, LAMP, { qty: 12 });
      const before = await tenantItems(t);
      const reply = await move('adjust', t, LAMP, { qty: -9, reason: 'count' });
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ status: false, message: 'Cannot adjust by -9. onHandQty would be 11, below the 12 units reserved.' });
      expect(await tenantItems(t)).toEqual(before);
    });

    it.each([
      [{ qty: 0, reason: 'x' }, 'qty must not be 0'],
      [{ qty: 3 }, 'reason is required'],
      [{ qty: 3, reason: '  ' }, 'reason must not be empty'],
      [{ qty: 3, reason: 'x', reorderLevel: -1 }, 'reorderLevel must be 0 or greater'],
    ])('refuses %j with 400 naming the field', async (body, message) => {
      const reply = await move('adjust', tenant, LAMP, body);
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ status: false, message });
    });
  });

  describe('GET /v1/inventory/{id}/movements', () => {
    it('pages through the history newest first', async () => {
      const t = await seedTenant(catalog());
      for (let i = 0; i < 4; i++) await move('reserve', t, PHONE_BLUE_MAIN, { qty: 1, reference: `order-${i}` });
      const paged = await allPages(async (query) => {
        const reply = await movements(t, PHONE_BLUE_MAIN, query);
        return {
          ...reply,
          body: { ...reply.body, data: reply.body.data.map((entry: { version: number }) => ({ id: String(entry.version) })) },
        };
      }, 'limit=2');
      expect(paged.ids).toEqual(['5', '4', '3', '2', '1']);
      const forged = await sealCursor(t, 'movements', { pk: 'x', sk: 'MOVEMENT#1' });
      expect((await movements(t, PHONE_BLUE_MAIN, `cursor=${forged}`)).status).toBe(400);
    });

    it("answers 404 for an unknown or another tenant's record", async () => {
      const other = await seedTenant({ name: 'Other', merchantApiKeys: [API_KEY] });
      const reply = await movements(other, LAMP);
      expect(reply.status).toBe(404);
      expect(reply.body).toEqual({ status: false, message: `Inventory record '${LAMP}' not found` });
    });
  });

  describe('GET /v1/inventory/low-stock', () => {
    it('lists exactly the records at or below their reorder level, and follows every movement at once', async () => {
      const t = await seedTenant(catalog());
      // PHONE_RED_MAIN 8 ≤ 10, PHONE_RED_NORTH 3 ≤ 3, CABLE 0 ≤ 0; NEVER_LOW has no reorder level.
      expect([...ids(await lowStock(t))].sort()).toEqual([CABLE, PHONE_RED_MAIN, PHONE_RED_NORTH].sort());
      expect(ids(await lowStock(t, 'warehouseId=wh_main'))).toEqual([PHONE_RED_MAIN]);
      await move('reserve', t, LAMP, { qty: 15 });
      expect(ids(await lowStock(t, 'warehouseId=wh_main'))).toEqual([LAMP, PHONE_RED_MAIN].sort());
      await move('adjust', t, PHONE_RED_MAIN, { qty: 10, reason: 'delivery' });
      await move('release', t, LAMP, { qty: 1 });
      expect(ids(await lowStock(t, 'warehouseId=wh_main'))).toEqual([]);
      await move('adjust', t, PHONE_BLUE_MAIN, { qty: 1, reason: 'count', reorderLevel: 60 });
      const report = await lowStock(t, 'warehouseId=wh_main');
      expect(report.body).toEqual({
        status: true,
        data: [
          {
            id: PHONE_BLUE_MAIN,
            productId: 'prod_phone',
            skuId: 'sku_blue',
            warehouseId: 'wh_main',
            warehouseName: 'Main Warehouse',
            onHandQty: 51,
            reservedQty: 0,
            availableQty: 51,
            reorderLevel: 60,
            reorderQty: null,
            variantAttributes: { Color: 'Blue' },
            lastStockAdjusted: expect.stringMatching(ISO),
          },
        ],
        nextCursor: null,
      });
      expect((await allPages((q) => lowStock(t, q), 'limit=1')).ids.sort()).toEqual([CABLE, PHONE_BLUE_MAIN, PHONE_RED_NORTH].sort());
    });

    it('writes one InventoryLowStock outbox entry per crossing into low stock, none while it stays low', async () => {
      const t = await seedTenant(catalog());
      await move('reserve', t, LAMP, { qty: 14 }); // 6 available: not low
      await move('reserve', t, LAMP, { qty: 1 }); // 5: crossing
      await move('reserve', t, LAMP, { qty: 1 }); // 4: still low
      await move('release', t, LAMP, { qty: 10 }); // 14: out
      await move('adjust', t, LAMP, { qty: -10, reason: 'damaged' }); // 4: crossing again
      const events = (await itemsOfType(t, 'LowStockEvent')) as any[];
      expect(
        events.map((event) => JSON.parse(event.record)).map((record) => [record.id, record.version, record.onHandQty - record.reservedQty]),
      ).toEqual([
        [LAMP, 3, 5],
        [LAMP, 6, 4],
      ]);
    });
  });
});
