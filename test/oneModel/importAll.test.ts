import { beforeAll, describe, expect, it } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { handler as dzGet } from '#functions/dayzero/getVariant/handler';
import { handler as mdGetVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as mdCreateLevel } from '#functions/medusa/createLocationLevel/handler';
import { handler as mdLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as mdUpdateLevel } from '#functions/medusa/updateLocationLevel/handler';
import { handler as ocGetProductRecord } from '#functions/ordercloud/getProductInventoryRecord/handler';
import { handler as ocGetVariantRecord } from '#functions/ordercloud/getVariantInventoryRecord/handler';
import { handler as ssGet } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as ssList } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as ssMovements } from '#functions/shopsynch/listInventoryMovements/handler';
import { handler as ssReserve } from '#functions/shopsynch/reserveInventory/handler';
import type { TenantFixture } from '#shared/store/fixtures';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, tenantItems, tokenFor, uniqueId } from '#test/support/tenants';

/**
 * The import takes what the fixtures loader writes (quantities, prices, options, links, OrderCloud
 * records, DayZero's prices), each entry through the write its own API makes: every API reads it,
 * a quantity is a movement of the ledger (reason `import`), a second import changes nothing, and a
 * refused entry leaves the table as it was.
 */
const KEY = 'mk_test_import_all_01';
const LINK = 'pvitem_01JIMPORTALL00000000000KIT';
const RECORD_M = 'rec-m-b';
const RECORD_MUG = 'rec-mug-a';

let tenantId: string;

const auth = () => ({ authorization: bearer(tokenFor(tenantId)) });
const ss = () => ({ ...auth(), 'x-merchantapikey': KEY });

function document(onHand = 30, extra: Partial<TenantFixture> = {}): TenantFixture {
  return {
    id: tenantId,
    name: 'Import all',
    currency: 'eur',
    defaultLocationId: 'wh_a',
    merchantApiKeys: [KEY],
    locations: [
      { id: 'wh_a', name: 'A' },
      { id: 'wh_b', name: 'B' },
    ],
    inventoryItems: [{ id: 'iitem_box', title: 'Gift box', levels: [{ locationId: 'wh_a', stocked: 20 }] }],
    products: [
      {
        id: 'prod_tee',
        name: 'Tee',
        type: 'VARIABLE',
        options: [
          {
            id: 'opt_size',
            title: 'Size',
            values: [
              { id: 'ov_s', value: 'S' },
              { id: 'ov_m', value: 'M' },
            ],
          },
        ],
        variants: [
          {
            id: 'var_s',
            name: 'Tee / S',
            sku: 'TEE-S',
            attributes: { Size: 'S' },
            prices: [{ id: 'price_s', amount: 20, currency: 'eur' }],
            unitPrice: 2000,
            unitCost: 800,
            stock: [{ locationId: 'wh_a', onHand }],
            inventoryLinks: [{ id: LINK, inventoryItemId: 'iitem_box', requiredQuantity: 1 }],
          },
          { id: 'var_m', name: 'Tee / M', sku: 'TEE-M', attributes: { Size: 'M' } },
        ],
        inventoryRecords: [{ id: RECORD_M, variantId: 'var_m', addressId: 'wh_b', quantityAvailable: 12 }],
      },
      { id: 'prod_mug', name: 'Mug', type: 'SIMPLE', inventoryRecords: [{ id: RECORD_MUG, addressId: 'wh_a', quantityAvailable: 5 }] },
    ],
    ...extra,
  };
}

type Report = {
  summary: Record<'created' | 'updated' | 'unchanged' | 'refused', number>;
  results: { path: string; entity: string; id: string; result: string; reason?: string }[];
};

async function importDocument(tenant: TenantFixture): Promise<Report> {
  const reply = await invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
    body: { tenants: [tenant] },
  });
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body as Report;
}

const resultOf = (report: Report, entity: string) => report.results.filter((result) => result.entity === entity);

/** var_s's stock record at wh_a, as ShopSynch lists it. */
async function teeLevel(): Promise<{ id: string; onHandQty: number; reservedQty: number }> {
  const reply = await invoke(ssList, {
    path: '/v1/inventory',
    routeKey: 'GET /v1/inventory',
    query: 'productId=prod_tee&skuId=var_s',
    headers: ss(),
  });
  expect(reply.status).toBe(200);
  const records = (reply.body as { data: { id: string; warehouseId: string; onHandQty: number; reservedQty: number }[] }).data;
  return records.find((record) => record.warehouseId === 'wh_a')!;
}

async function history(recordId: string): Promise<{ type: string; qty: number; reason: string | null }[]> {
  const reply = await invoke(ssMovements, {
    path: `/v1/inventory/${recordId}/movements`,
    routeKey: 'GET /v1/inventory/{id}/movements',
    pathParameters: { id: recordId },
    headers: ss(),
  });
  expect(reply.status).toBe(200);
  return (reply.body as { data: { type: string; qty: number; reason: string | null }[] }).data;
}

describe('the import takes stock, prices, options, links, OrderCloud records and DayZero prices', () => {
  let first: Report;
  beforeAll(async () => {
    tenantId = uniqueId('importall');
    first = await importDocument(document());
  });

  it('creates each new entry with its own result', () => {
    expect(first.summary.refused).toBe(0);
    expect(resultOf(first, 'stock')).toEqual([
      { path: 'tenants[0].products[0].variants[0].stock[0]', entity: 'stock', id: 'prod_tee/var_s@wh_a', result: 'created' },
    ]);
    expect(resultOf(first, 'inventoryLink')).toEqual([
      { path: 'tenants[0].products[0].variants[0].inventoryLinks[0]', entity: 'inventoryLink', id: LINK, result: 'created' },
    ]);
    expect(resultOf(first, 'inventoryRecord').map((result) => [result.id, result.result])).toEqual([
      [RECORD_M, 'created'],
      [RECORD_MUG, 'created'],
    ]);
  });

  it('every API reads it: ShopSynch and Medusa the quantity, OrderCloud its records, DayZero the unit price, Medusa prices and the kit', async () => {
    const level = await teeLevel();
    expect(level).toMatchObject({ onHandQty: 30, reservedQty: 0 });
    expect(await history(level.id)).toEqual([expect.objectContaining({ type: 'created', qty: 30, reason: 'import' })]);

    const variant = await invoke(mdGetVariant, {
      path: '/admin/products/prod_tee/variants/var_s',
      routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
      pathParameters: { id: 'prod_tee', variant_id: 'var_s' },
      query: 'fields=id,*inventory_items,*prices,*options',
      headers: auth(),
    });
    expect(variant.status).toBe(200);
    const medusa = variant.body.variant as {
      inventory_items: { inventory_item_id: string; required_quantity: number }[];
      prices: { id: string; amount: number; currency_code: string }[];
      options: { id: string; value: string }[];
    };
    expect(medusa.prices).toEqual([expect.objectContaining({ id: 'price_s', amount: 20, currency_code: 'eur' })]);
    expect(medusa.options).toEqual([expect.objectContaining({ id: 'ov_s', value: 'S' })]);
    const items = medusa.inventory_items.map((link) => link.inventory_item_id);
    expect(items).toContain('iitem_box');
    const own = items.find((id) => id !== 'iitem_box')!;
    const levels = await invoke(mdLevels, {
      path: `/admin/inventory-items/${own}/location-levels`,
      routeKey: 'GET /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: own },
      headers: auth(),
    });
    expect(levels.body.inventory_levels).toEqual([expect.objectContaining({ location_id: 'wh_a', stocked_quantity: 30 })]);

    const variantRecord = await invoke(ocGetVariantRecord, {
      path: `/products/prod_tee/variants/var_m/inventoryrecords/${RECORD_M}`,
      routeKey: 'GET /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      pathParameters: { productID: 'prod_tee', variantID: 'var_m', inventoryRecordID: RECORD_M },
      headers: auth(),
    });
    expect(variantRecord.body).toMatchObject({ ID: RECORD_M, AddressID: 'wh_b', QuantityAvailable: 12 });
    const productRecord = await invoke(ocGetProductRecord, {
      path: `/products/prod_mug/inventoryrecords/${RECORD_MUG}`,
      routeKey: 'GET /products/{productID}/inventoryrecords/{inventoryRecordID}',
      pathParameters: { productID: 'prod_mug', inventoryRecordID: RECORD_MUG },
      headers: auth(),
    });
    expect(productRecord.body).toMatchObject({ ID: RECORD_MUG, AddressID: 'wh_a', QuantityAvailable: 5 });

    const day = await invoke(dzGet, {
      path: '/api/v1/inventory/products/variants/var_s',
      routeKey: 'GET /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: 'var_s' },
      headers: { ...auth(), 'x-business-id': tenantId },
    });
    expect(day.status).toBe(200);
    expect(day.body).toMatchObject({ unit_price: 2000, unit_cost: 800, inventory: { on_hand: 30, reserved: 0 } });
  });

  it('a second import of the same document changes nothing, and writes no movement', async () => {
    const before = await tenantItems(tenantId);
    const again = await importDocument(document());
    expect(again.summary).toMatchObject({ created: 0, updated: 0, refused: 0 });
    const after = await tenantItems(tenantId);
    const withoutIdempotency = (items: Record<string, unknown>[]) => items.filter((item) => item.type !== 'IdempotencyRecord');
    expect(withoutIdempotency(after)).toEqual(withoutIdempotency(before));
  });

  it('a changed quantity is one movement of the difference, reason import', async () => {
    const report = await importDocument(document(35));
    expect(report.summary).toMatchObject({ created: 0, updated: 1, refused: 0 });
    expect(resultOf(report, 'stock')[0]).toMatchObject({ result: 'updated' });
    const level = await teeLevel();
    expect(level).toMatchObject({ onHandQty: 35 });
    const moves = await history(level.id);
    expect(moves).toHaveLength(2);
    expect(moves[0]).toMatchObject({ type: 'adjusted', qty: 5, reason: 'import' });
  });

  it('refuses a quantity below what is reserved, and leaves the level and its history as they were', async () => {
    const level = await teeLevel();
    const reserved = await invoke(ssReserve, {
      path: `/v1/inventory/${level.id}/reserve`,
      routeKey: 'PATCH /v1/inventory/{id}/reserve',
      pathParameters: { id: level.id },
      headers: ss(),
      body: { qty: 10 },
    });
    expect(reserved.status).toBe(200);
    const moves = await history(level.id);
    const report = await importDocument(document(8));
    expect(resultOf(report, 'stock')[0]).toMatchObject({ result: 'refused', reason: expect.stringContaining('below the 10 reserved') });
    expect(report.summary).toMatchObject({ refused: 1, updated: 0, created: 0 });
    expect(await teeLevel()).toMatchObject({ onHandQty: 35, reservedQty: 10 });
    expect(await history(level.id)).toEqual(moves);
  });

  it('refuses an OrderCloud record at an address another record names, and a link to an unknown item, writing neither', async () => {
    const base = document(35);
    const [tee, mug] = base.products!;
    const report = await importDocument({
      ...base,
      products: [
        {
          ...tee!,
          variants: [
            {
              ...tee!.variants![0]!,
              inventoryLinks: [{ id: 'pvitem_01JIMPORTALL000000000GHOST', inventoryItemId: 'iitem_ghost', requiredQuantity: 2 }],
            },
            tee!.variants![1]!,
          ],
          inventoryRecords: [{ id: 'rec-m-b-again', variantId: 'var_m', addressId: 'wh_b', quantityAvailable: 3 }],
        },
        mug!,
      ],
    });
    expect(report.summary.refused).toBe(2);
    expect(resultOf(report, 'inventoryRecord')[0]).toMatchObject({
      id: 'rec-m-b-again',
      result: 'refused',
      reason: expect.stringContaining(RECORD_M),
    });
    expect(resultOf(report, 'inventoryLink')[0]).toMatchObject({ result: 'refused', reason: expect.stringContaining('iitem_ghost') });
    const records = await itemsOfType(tenantId, 'InventoryRecord');
    expect(records.map((record) => record.id).sort()).toEqual([RECORD_M, RECORD_MUG]);
    expect(records.find((record) => record.id === RECORD_M)).toMatchObject({ quantityAvailable: 12 });
    const links = await itemsOfType(tenantId, 'VariantInventoryLink');
    expect(links.some((link) => link.inventoryItemId === 'iitem_ghost')).toBe(false);
  });

  it('a quantity set while ShopSynch reserves on the same level: every reservation and the import hold, each one movement', async () => {
    const level = await teeLevel();
    const before = await history(level.id);
    const reserve = () =>
      invoke(ssReserve, {
        path: `/v1/inventory/${level.id}/reserve`,
        routeKey: 'PATCH /v1/inventory/{id}/reserve',
        pathParameters: { id: level.id },
        headers: ss(),
        body: { qty: 1 },
      });
    const [report, ...reserves] = await Promise.all([importDocument(document(50)), reserve(), reserve(), reserve(), reserve(), reserve()]);
    expect(reserves.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200]);
    expect(resultOf(report, 'stock')[0]).toMatchObject({ result: 'updated' });
    expect(await teeLevel()).toMatchObject({ onHandQty: 50, reservedQty: level.reservedQty + 5 });
    const after = await history(level.id);
    expect(after).toHaveLength(before.length + 6);
    expect(after.filter((move) => move.reason === 'import' && move.type === 'adjusted')).toHaveLength(2);
  });
});

/**
 * An inventory item's levels in the document (`inventoryItems[].levels`) are ledger levels, made and
 * moved as Medusa's level create and update make and move them: an owner's item's level is its owner's
 * stock in ShopSynch too, an unowned item's is Medusa's alone; reservations stay the orders'.
 */
describe('the import writes an inventory item’s levels through the ledger', () => {
  let ownItem: string;

  type ItemLevel = { locationId: string; stocked: number; reserved?: number; incoming?: number };
  const levelsDocument = (box: ItemLevel[], own: ItemLevel[] = []): TenantFixture => ({
    id: tenantId,
    name: 'Import levels',
    currency: 'eur',
    defaultLocationId: 'wh_a',
    merchantApiKeys: [KEY],
    locations: [
      { id: 'wh_a', name: 'A' },
      { id: 'wh_b', name: 'B' },
    ],
    products: [
      {
        id: 'prod_tee',
        name: 'Tee',
        type: 'VARIABLE',
        variants: [{ id: 'var_s', name: 'Tee / S', sku: 'TEE-S', attributes: { Size: 'S' }, stock: [{ locationId: 'wh_a', onHand: 30 }] }],
      },
    ],
    inventoryItems: [
      { id: 'iitem_box', title: 'Gift box', levels: box },
      ...(ownItem === undefined ? [] : [{ id: ownItem, title: 'Tee / S', levels: own }]),
    ],
  });
  const BOX = [{ locationId: 'wh_a', stocked: 20, reserved: 2, incoming: 5 }];
  const OWN = [{ locationId: 'wh_b', stocked: 4, incoming: 1 }];

  const medusaLevels = async (itemId: string) => {
    const reply = await invoke(mdLevels, {
      path: `/admin/inventory-items/${itemId}/location-levels`,
      routeKey: 'GET /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: itemId },
      headers: auth(),
    });
    expect(reply.status).toBe(200);
    return reply.body.inventory_levels as { id: string; location_id: string; stocked_quantity: number; reserved_quantity: number }[];
  };
  /** The ledger entry of an item at a location, the Medusa view naming it, and its history (oldest first), as stored. */
  const ledgerOf = async (itemId: string, locationId: string) => {
    const view = (await itemsOfType(tenantId, 'LocationLevel')).find(
      (item) => item.inventoryItemId === itemId && item.locationId === locationId,
    )!;
    const entry = (await itemsOfType(tenantId, 'StockRecord')).find((item) => item.id === view.stockRecordId)! as { id: string } & Record<
      string,
      unknown
    >;
    const moves = (await itemsOfType(tenantId, 'StockMovement'))
      .filter((item) => item.recordId === entry.id)
      .sort((a, b) => Number(a.version) - Number(b.version));
    return { view, entry, moves };
  };
  const levelResults = (report: Report) => resultOf(report, 'locationLevel').map(({ path, id, result }) => ({ path, id, result }));

  beforeAll(async () => {
    tenantId = uniqueId('importlevels');
    await importDocument(levelsDocument(BOX));
    // The variant's quantity made its own item: a document may give that item's levels too.
    ownItem = (await itemsOfType(tenantId, 'Variant')).find((variant) => variant.id === 'var_s')!.inventoryItemId as string;
  });

  it('an unowned item’s level is a ledger entry with one movement (reason import) that Medusa alone shows', async () => {
    expect(await medusaLevels('iitem_box')).toEqual([
      expect.objectContaining({
        id: 'ilev_iitem_box_wh_a',
        location_id: 'wh_a',
        stocked_quantity: 20,
        reserved_quantity: 2,
        incoming_quantity: 5,
      }),
    ]);
    const { view, entry, moves } = await ledgerOf('iitem_box', 'wh_a');
    expect(entry).toMatchObject({
      productId: null,
      inventoryItemId: 'iitem_box',
      levelId: 'ilev_iitem_box_wh_a',
      onHandQty: 20,
      reservedQty: 2,
      incomingQty: 5,
      version: 1,
    });
    expect(view).toMatchObject({ id: 'ilev_iitem_box_wh_a', version: 1 });
    expect(moves).toEqual([expect.objectContaining({ version: 1, kind: 'created', qty: 20, reason: 'import' })]);
    const shopsynch = await invoke(ssGet, {
      path: `/v1/inventory/${entry.id}`,
      routeKey: 'GET /v1/inventory/{id}',
      pathParameters: { id: entry.id },
      headers: ss(),
    });
    expect(shopsynch.status).toBe(404);
  });

  it('a variant’s own item’s level is the variant’s stock in ShopSynch too, counted on the variant', async () => {
    const report = await importDocument(levelsDocument(BOX, OWN));
    expect(levelResults(report)).toEqual([
      { path: 'tenants[0].inventoryItems[0].levels[0]', id: 'ilev_iitem_box_wh_a', result: 'unchanged' },
      { path: 'tenants[0].inventoryItems[1].levels[0]', id: `ilev_${ownItem}_wh_b`, result: 'created' },
    ]);
    expect(await medusaLevels(ownItem)).toEqual([
      expect.objectContaining({ location_id: 'wh_a', stocked_quantity: 30 }),
      expect.objectContaining({ location_id: 'wh_b', stocked_quantity: 4, incoming_quantity: 1 }),
    ]);
    const listed = await invoke(ssList, {
      path: '/v1/inventory',
      routeKey: 'GET /v1/inventory',
      query: 'productId=prod_tee&skuId=var_s',
      headers: ss(),
    });
    expect(listed.body.data).toEqual([
      expect.objectContaining({ warehouseId: 'wh_a', onHandQty: 30 }),
      expect.objectContaining({ skuId: 'var_s', warehouseId: 'wh_b', onHandQty: 4, reservedQty: 0, variantAttributes: { Size: 'S' } }),
    ]);
    const { entry, moves } = await ledgerOf(ownItem, 'wh_b');
    expect(await history(entry.id)).toEqual([expect.objectContaining({ type: 'created', qty: 4, reason: 'import' })]);
    expect(moves).toHaveLength(1);
    expect((await itemsOfType(tenantId, 'Variant')).find((variant) => variant.id === 'var_s')).toMatchObject({ levelCount: 2 });
  });

  it('a second import of the same document changes nothing, and writes no movement', async () => {
    const before = await tenantItems(tenantId);
    const again = await importDocument(levelsDocument(BOX, OWN));
    expect(again.summary).toMatchObject({ created: 0, updated: 0, refused: 0 });
    const withoutIdempotency = (items: Record<string, unknown>[]) => items.filter((item) => item.type !== 'IdempotencyRecord');
    expect(withoutIdempotency(await tenantItems(tenantId))).toEqual(withoutIdempotency(before));
  });

  it('a changed stocked (and incoming) is one movement of the difference, reason import', async () => {
    const report = await importDocument(levelsDocument([{ locationId: 'wh_a', stocked: 26, reserved: 2, incoming: 0 }], OWN));
    expect(report.summary).toMatchObject({ created: 0, updated: 1, refused: 0 });
    expect(levelResults(report)[0]).toMatchObject({ result: 'updated' });
    const { view, entry, moves } = await ledgerOf('iitem_box', 'wh_a');
    expect(entry).toMatchObject({ onHandQty: 26, reservedQty: 2, incomingQty: 0, version: 2 });
    expect(view).toMatchObject({ stockedQuantity: 26, reservedQuantity: 2, incomingQuantity: 0, version: 2 });
    expect(moves.map(({ version, kind, qty, reason }) => ({ version, kind, qty, reason }))).toEqual([
      { version: 1, kind: 'created', qty: 20, reason: 'import' },
      { version: 2, kind: 'adjusted', qty: 6, reason: 'import' },
    ]);
  });

  it('refuses a reserved quantity other than the level’s, and a new level reserving more than it holds, writing neither', async () => {
    const before = await tenantItems(tenantId);
    const report = await importDocument(
      levelsDocument(
        [
          { locationId: 'wh_a', stocked: 26, reserved: 0 },
          { locationId: 'wh_b', stocked: 1, reserved: 3 },
        ],
        OWN,
      ),
    );
    expect(report.summary).toMatchObject({ created: 0, updated: 0, refused: 2 });
    const [changed, overReserved] = resultOf(report, 'locationLevel');
    expect(changed).toMatchObject({
      result: 'refused',
      reason: '0 reserved differs from the 2 reserved at wh_a: reservations belong to orders, and the import does not move them',
    });
    expect(overReserved).toMatchObject({ result: 'refused', reason: expect.stringContaining('3 reserved is above the 1 stocked') });
    const withoutIdempotency = (items: Record<string, unknown>[]) => items.filter((item) => item.type !== 'IdempotencyRecord');
    expect(withoutIdempotency(await tenantItems(tenantId))).toEqual(withoutIdempotency(before));
  });

  it('Medusa updates an imported level as any other: the next version of the same entry, and the import moves it again after', async () => {
    const updated = await invoke(mdUpdateLevel, {
      path: '/admin/inventory-items/iitem_box/location-levels/wh_a',
      routeKey: 'POST /admin/inventory-items/{id}/location-levels/{location_id}',
      pathParameters: { id: 'iitem_box', location_id: 'wh_a' },
      headers: auth(),
      body: { stocked_quantity: 31, incoming_quantity: 2 },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const report = await importDocument(levelsDocument([{ locationId: 'wh_a', stocked: 25, reserved: 2, incoming: 2 }], OWN));
    expect(levelResults(report)[0]).toMatchObject({ result: 'updated' });
    const { view, entry, moves } = await ledgerOf('iitem_box', 'wh_a');
    expect(entry).toMatchObject({ onHandQty: 25, reservedQty: 2, incomingQty: 2, version: 4 });
    expect(view).toMatchObject({ stockedQuantity: 25, incomingQuantity: 2, version: 4, stockRecordId: entry.id });
    expect(moves.map(({ version, qty, reason }) => ({ version, qty, reason }))).toEqual([
      { version: 1, qty: 20, reason: 'import' },
      { version: 2, qty: 6, reason: 'import' },
      { version: 3, qty: 5, reason: 'medusa-level-update' },
      { version: 4, qty: -6, reason: 'import' },
    ]);
  });

  it('names a level Medusa made first by its own ID, and moves it as any other', async () => {
    const created = await invoke(mdCreateLevel, {
      path: '/admin/inventory-items/iitem_box/location-levels',
      routeKey: 'POST /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: 'iitem_box' },
      headers: auth(),
      body: { location_id: 'wh_b', stocked_quantity: 3 },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    const medusaId = (await medusaLevels('iitem_box')).find((level) => level.location_id === 'wh_b')!.id;
    expect(medusaId).toMatch(/^ilev_[0-9A-Z]{26}$/);
    const box = [
      { locationId: 'wh_a', stocked: 25, reserved: 2, incoming: 2 },
      { locationId: 'wh_b', stocked: 9 },
    ];
    const report = await importDocument(levelsDocument(box, OWN));
    expect(levelResults(report)[1]).toEqual({ path: 'tenants[0].inventoryItems[0].levels[1]', id: medusaId, result: 'updated' });
    const { entry, moves } = await ledgerOf('iitem_box', 'wh_b');
    expect(entry).toMatchObject({ levelId: medusaId, onHandQty: 9, version: 2 });
    expect(moves.map(({ qty, reason }) => ({ qty, reason }))).toEqual([
      { qty: 3, reason: null },
      { qty: 6, reason: 'import' },
    ]);
    expect(levelResults(await importDocument(levelsDocument(box, OWN)))[1]).toMatchObject({ id: medusaId, result: 'unchanged' });
  });
});
