import { describe, expect, it } from 'vitest';
import { handler as getVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as listLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as createProductRecord } from '#functions/ordercloud/createProductInventoryRecord/handler';
import { handler as createVariantRecord } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { handler as deleteVariantRecord } from '#functions/ordercloud/deleteVariantInventoryRecord/handler';
import { handler as getVariantRecord } from '#functions/ordercloud/getVariantInventoryRecord/handler';
import { handler as patchVariantRecord } from '#functions/ordercloud/patchVariantInventoryRecord/handler';
import { handler as saveVariantRecord } from '#functions/ordercloud/saveVariantInventoryRecord/handler';
import { handler as adjustStock } from '#functions/shopsynch/adjustInventory/handler';
import { handler as createStock } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as getStock } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as listStock } from '#functions/shopsynch/listInventoryRecords/handler';
import { handler as listMovements } from '#functions/shopsynch/listInventoryMovements/handler';
import { handler as reserveStock } from '#functions/shopsynch/reserveInventory/handler';
import { invoke } from '#test/support/http';
import { roundTripRecorder } from '#test/support/roundTrips';
import { expectEachOrRetryLater } from '#test/support/races';
import { bearer, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const KEY = 'mk_test_one_model_oc_01';
const P = 'prod_tee';
const V = 'var_tee_m';

/** A marketplace with two warehouses, a VARIABLE product with two variants and a SIMPLE product, no stock yet. */
const tenant = () =>
  seedTenant({
    name: 'One model, OrderCloud',
    merchantApiKeys: [KEY],
    locations: [
      { id: 'wh_main', name: 'Main' },
      { id: 'wh_two', name: 'Two' },
    ],
    products: [
      {
        id: P,
        name: 'Tee',
        type: 'VARIABLE',
        variants: [
          { id: V, name: 'M', sku: 'TEE-M' },
          { id: 'var_tee_l', name: 'L', sku: 'TEE-L' },
        ],
      },
      { id: 'prod_tote', name: 'Tote', type: 'SIMPLE' },
    ],
  });

const oc = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });
const shop = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': KEY });
const RECORDS = '/products/{productID}/variants/{variantID}/inventoryrecords';
const RECORD = `${RECORDS}/{inventoryRecordID}`;
const recordPath = (variantId: string, recordId?: string) =>
  `/products/${P}/variants/${variantId}/inventoryrecords${recordId === undefined ? '' : `/${recordId}`}`;

const ordercloud = {
  create: (t: string, body: unknown, variantId = V) =>
    invoke(createVariantRecord, {
      path: recordPath(variantId),
      routeKey: `POST ${RECORDS}`,
      pathParameters: { productID: P, variantID: variantId },
      headers: oc(t),
      body,
    }),
  get: (t: string, id: string, variantId = V) =>
    invoke(getVariantRecord, {
      path: recordPath(variantId, id),
      routeKey: `GET ${RECORD}`,
      pathParameters: { productID: P, variantID: variantId, inventoryRecordID: id },
      headers: oc(t),
    }),
  save: (t: string, id: string, body: unknown) =>
    invoke(saveVariantRecord, {
      path: recordPath(V, id),
      routeKey: `PUT ${RECORD}`,
      pathParameters: { productID: P, variantID: V, inventoryRecordID: id },
      headers: oc(t),
      body,
    }),
  patch: (t: string, id: string, body: unknown) =>
    invoke(patchVariantRecord, {
      path: recordPath(V, id),
      routeKey: `PATCH ${RECORD}`,
      pathParameters: { productID: P, variantID: V, inventoryRecordID: id },
      headers: oc(t),
      body,
    }),
  delete: (t: string, id: string) =>
    invoke(deleteVariantRecord, {
      path: recordPath(V, id),
      routeKey: `DELETE ${RECORD}`,
      pathParameters: { productID: P, variantID: V, inventoryRecordID: id },
      headers: oc(t),
    }),
};

const shopsynch = {
  create: (t: string, body: unknown) =>
    invoke(createStock, { path: '/v1/inventory', routeKey: 'POST /v1/inventory', headers: shop(t), body }),
  list: (t: string, productId: string) =>
    invoke(listStock, { path: '/v1/inventory', routeKey: 'GET /v1/inventory', query: `productId=${productId}`, headers: shop(t) }),
  get: (t: string, id: string) =>
    invoke(getStock, { path: `/v1/inventory/${id}`, routeKey: 'GET /v1/inventory/{id}', pathParameters: { id }, headers: shop(t) }),
  reserve: (t: string, id: string, qty: number) =>
    invoke(reserveStock, {
      path: `/v1/inventory/${id}/reserve`,
      routeKey: 'PATCH /v1/inventory/{id}/reserve',
      pathParameters: { id },
      headers: shop(t),
      body: { qty },
    }),
  adjust: (t: string, id: string, body: unknown) =>
    invoke(adjustStock, {
      path: `/v1/inventory/${id}/adjust`,
      routeKey: 'PATCH /v1/inventory/{id}/adjust',
      pathParameters: { id },
      headers: shop(t),
      body,
    }),
  movements: (t: string, id: string) =>
    invoke(listMovements, {
      path: `/v1/inventory/${id}/movements`,
      routeKey: 'GET /v1/inventory/{id}/movements',
      pathParameters: { id },
      query: 'limit=100',
      headers: shop(t),
    }),
};

/** ShopSynch's records of the product: the levels, whichever API made them. */
const levelsOf = async (t: string, productId = P) => {
  const reply = await shopsynch.list(t, productId);
  expect(reply.status).toBe(200);
  return reply.body.data as { id: string; skuId: string | null; warehouseId: string; onHandQty: number; reservedQty: number }[];
};

/** Medusa's levels of the variant's own inventory item (the one linked with required quantity 1). */
const medusaLevels = async (t: string, variantId = V) => {
  const variant = await invoke(getVariant, {
    path: `/admin/products/${P}/variants/${variantId}`,
    routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
    pathParameters: { id: P, variant_id: variantId },
    query: 'fields=id,*inventory_items',
    headers: oc(t),
  });
  expect(variant.status).toBe(200);
  const [link] = variant.body.variant.inventory_items as { inventory_item_id: string; required_quantity: number }[];
  expect(link!.required_quantity).toBe(1);
  const levels = await invoke(listLevels, {
    path: `/admin/inventory-items/${link!.inventory_item_id}/location-levels`,
    routeKey: 'GET /admin/inventory-items/{id}/location-levels',
    pathParameters: { id: link!.inventory_item_id },
    headers: oc(t),
  });
  expect(levels.status).toBe(200);
  return levels.body.inventory_levels as { location_id: string; stocked_quantity: number; reserved_quantity: number }[];
};

describe('one stock: an OrderCloud inventory record is the name of a level every API reads', () => {
  it('shows a record created through OrderCloud in ShopSynch and Medusa, and each API’s movements in the others', async () => {
    const t = await tenant();
    const created = await ordercloud.create(t, { ID: 'rec-main', AddressID: 'wh_main', QuantityAvailable: 50, NotificationPoint: 5 });
    expect(created.status).toBe(201);

    // ShopSynch lists the level under the product, and reads it by its own ID...
    const [level] = await levelsOf(t);
    expect(level).toMatchObject({ skuId: V, warehouseId: 'wh_main', onHandQty: 50, reservedQty: 0 });
    const stock = await shopsynch.get(t, level!.id);
    expect(stock.body.data).toMatchObject({ onHandQty: 50, availableQty: 50, reorderLevel: 5 });
    // ...and Medusa shows it as the level of the variant's own item.
    expect(await medusaLevels(t)).toEqual([
      expect.objectContaining({ location_id: 'wh_main', stocked_quantity: 50, reserved_quantity: 0 }),
    ]);

    // A ShopSynch reservation is unavailable through OrderCloud in the next request.
    expect((await shopsynch.reserve(t, level!.id, 8)).status).toBe(200);
    expect((await ordercloud.get(t, 'rec-main')).body).toMatchObject({ QuantityAvailable: 42, NotificationPoint: 5 });

    // An OrderCloud Save of QuantityAvailable moves on hand so that 30 are available: 38 on hand, 8 still reserved.
    const saved = await ordercloud.save(t, 'rec-main', { AddressID: 'wh_main', QuantityAvailable: 30, NotificationPoint: 5 });
    expect(saved.status).toBe(200);
    expect(saved.body.QuantityAvailable).toBe(30);
    expect((await shopsynch.get(t, level!.id)).body.data).toMatchObject({ onHandQty: 38, reservedQty: 8, availableQty: 30 });
    const history = (await shopsynch.movements(t, level!.id)).body.data as { type: string; qty: number; reason: string | null }[];
    expect(history[0]).toMatchObject({ type: 'adjusted', qty: -12, reason: 'ordercloud-save', onHandQty: 38, reservedQty: 8 });
    expect(history.map((entry) => entry.type)).toEqual(['adjusted', 'reserved', 'created']);
    expect(await medusaLevels(t)).toEqual([expect.objectContaining({ stocked_quantity: 38, reserved_quantity: 8 })]);

    // A Patch moves it the same way; its own fields change in the same write. NotificationPoint is ShopSynch's reorder level.
    const patched = await ordercloud.patch(t, 'rec-main', { QuantityAvailable: 2, NotificationPoint: 3, xp: { Bin: 'A' } });
    expect(patched.body).toMatchObject({ QuantityAvailable: 2, NotificationPoint: 3, xp: { Bin: 'A' } });
    expect((await shopsynch.get(t, level!.id)).body.data).toMatchObject({ onHandQty: 10, availableQty: 2, reorderLevel: 3 });
    expect((await shopsynch.movements(t, level!.id)).body.data[0]).toMatchObject({ qty: -28, reason: 'ordercloud-patch' });

    // ShopSynch's adjustment of the reorder level is OrderCloud's NotificationPoint.
    expect((await shopsynch.adjust(t, level!.id, { qty: 5, reason: 'delivery', reorderLevel: 4 })).status).toBe(200);
    expect((await ordercloud.get(t, 'rec-main')).body).toMatchObject({ QuantityAvailable: 7, NotificationPoint: 4, xp: { Bin: 'A' } });
  });

  it('keeps one record per variant and address (409), and never takes stock below zero (400), writing nothing', async () => {
    const t = await tenant();
    expect((await ordercloud.create(t, { ID: 'first', AddressID: 'wh_main', QuantityAvailable: 3 })).status).toBe(201);
    const before = await tenantItems(t);
    const second = await ordercloud.create(t, { ID: 'second', AddressID: 'wh_main', QuantityAvailable: 9 });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ ErrorCode: 'InventoryRecordExists', Data: { ObjectID: 'first', AddressID: 'wh_main' } });
    // A Save of a new ID at that address is a create: the same answer.
    expect((await ordercloud.save(t, 'second', { AddressID: 'wh_main' })).status).toBe(409);
    for (const reply of [
      await ordercloud.create(t, { AddressID: 'wh_two', QuantityAvailable: -1 }),
      await ordercloud.save(t, 'first', { AddressID: 'wh_main', QuantityAvailable: -5 }),
      await ordercloud.patch(t, 'first', { QuantityAvailable: -1 }),
    ]) {
      expect(reply.status).toBe(400);
      expect(reply.body).toMatchObject({ ErrorCode: 'InvalidRequest', Data: { Field: 'QuantityAvailable' } });
    }
    // A record stays at its address: the stock it names is there.
    expect((await ordercloud.patch(t, 'first', { AddressID: 'wh_two' })).body).toMatchObject({ Data: { Field: 'AddressID' } });
    expect(await tenantItems(t)).toEqual(before);
    // Reserved units stay reserved: QuantityAvailable 0 leaves on hand at what is reserved.
    const [level] = await levelsOf(t);
    expect((await shopsynch.reserve(t, level!.id, 2)).status).toBe(200);
    expect((await ordercloud.patch(t, 'first', { QuantityAvailable: 0 })).status).toBe(200);
    expect((await shopsynch.get(t, level!.id)).body.data).toMatchObject({ onHandQty: 2, reservedQty: 2, availableQty: 0 });
  });

  it('names the level another API made at the address, a QuantityAvailable given setting it as a movement', async () => {
    const t = await tenant();
    const made = await shopsynch.create(t, { productId: P, skuId: V, warehouseId: 'wh_main', initialQty: 20 });
    expect(made.status).toBe(200);
    const levelId = made.body.data.id as string;
    expect((await shopsynch.reserve(t, levelId, 4)).status).toBe(200);

    // Without a quantity, the record shows the level as it is.
    const named = await ordercloud.create(t, { ID: 'named', AddressID: 'wh_main', xp: { Aisle: '9' } });
    expect(named.status).toBe(201);
    expect(named.body).toMatchObject({ QuantityAvailable: 16, xp: { Aisle: '9' } });
    expect(await levelsOf(t)).toHaveLength(1);
    expect((await ordercloud.create(t, { AddressID: 'wh_main' })).status).toBe(409);

    // With one, on hand moves so that it is available.
    const made2 = await shopsynch.create(t, { productId: P, skuId: 'var_tee_l', warehouseId: 'wh_main', initialQty: 20 });
    const named2 = await ordercloud.create(t, { ID: 'named-l', AddressID: 'wh_main', QuantityAvailable: 25 }, 'var_tee_l');
    expect(named2.body.QuantityAvailable).toBe(25);
    const history = (await shopsynch.movements(t, made2.body.data.id)).body.data;
    expect(history[0]).toMatchObject({ type: 'adjusted', qty: 5, reason: 'ordercloud-create', reference: 'named-l', onHandQty: 25 });

    // A product without variants: its product-level record is the product's own level.
    const tote = await shopsynch.create(t, { productId: 'prod_tote', warehouseId: 'wh_two', initialQty: 7 });
    const productLevel = await invoke(createProductRecord, {
      path: '/products/prod_tote/inventoryrecords',
      routeKey: 'POST /products/{productID}/inventoryrecords',
      pathParameters: { productID: 'prod_tote' },
      headers: oc(t),
      body: { ID: 'tote-two', AddressID: 'wh_two' },
    });
    expect(productLevel.status).toBe(201);
    expect(productLevel.body.QuantityAvailable).toBe(7);
    expect(await levelsOf(t, 'prod_tote')).toEqual([expect.objectContaining({ id: tote.body.data.id, onHandQty: 7 })]);
  });

  it('deletes only OrderCloud’s name: the stock stays for the other APIs, and a new record names it again', async () => {
    const t = await tenant();
    expect((await ordercloud.create(t, { ID: 'gone', AddressID: 'wh_main', QuantityAvailable: 12 })).status).toBe(201);
    // A rename keeps the level: it is the same name, spelt anew.
    expect((await ordercloud.patch(t, 'gone', { ID: 'renamed' })).body).toMatchObject({ ID: 'renamed', QuantityAvailable: 12 });
    expect((await ordercloud.delete(t, 'renamed')).status).toBe(204);
    expect((await ordercloud.get(t, 'renamed')).status).toBe(404);

    const [level] = await levelsOf(t);
    expect(level).toMatchObject({ warehouseId: 'wh_main', onHandQty: 12 });
    expect((await shopsynch.get(t, level!.id)).body.data.onHandQty).toBe(12);
    expect(await medusaLevels(t)).toEqual([expect.objectContaining({ stocked_quantity: 12 })]);
    const reasons = (await shopsynch.movements(t, level!.id)).body.data.map((entry: { reason: string | null }) => entry.reason);
    expect(reasons).toEqual(['ordercloud-delete', 'ordercloud-patch', 'ordercloud-create']);

    const again = await ordercloud.create(t, { ID: 'again', AddressID: 'wh_main' });
    expect(again.status).toBe(201);
    expect(again.body.QuantityAvailable).toBe(12);
    expect(await levelsOf(t)).toHaveLength(1);
  });

  it('reads in one round trip; writes the record alone, or the level it names, in two', async () => {
    const t = await tenant();
    const record = roundTripRecorder();
    // A create that makes the level: the context read, then one transaction.
    expect(await record(() => ordercloud.create(t, { ID: 'trips', AddressID: 'wh_main', QuantityAvailable: 5 }))).toMatchObject({
      waves: 2,
    });
    expect(await record(() => ordercloud.get(t, 'trips'))).toEqual({ waves: 1, commands: ['BatchGetItemCommand'] });
    // The record's own fields: its copy of the level is written back unchanged, conditional on it.
    expect(await record(() => ordercloud.patch(t, 'trips', { xp: { a: 1 } }))).toEqual({
      waves: 2,
      commands: ['BatchGetItemCommand', 'PutItemCommand'],
    });
    // A quantity: the record carries a copy of the level it names, which is moved with the record in one transaction.
    expect(await record(() => ordercloud.patch(t, 'trips', { QuantityAvailable: 9 }))).toEqual({
      waves: 2,
      commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'],
    });
    expect(await record(() => ordercloud.delete(t, 'trips'))).toEqual({
      waves: 2,
      commands: ['BatchGetItemCommand', 'TransactWriteItemsCommand'],
    });
  });

  // Every writer succeeds, so the writes on one item serialise: 20 show the ordering (50 took tens of seconds, near the retry deadline).
  it('orders 20 concurrent OrderCloud patches and ShopSynch reserves on one level: its history adds up to its quantities', async () => {
    const t = await tenant();
    expect((await ordercloud.create(t, { ID: 'hot', AddressID: 'wh_main', QuantityAvailable: 100 })).status).toBe(201);
    const [level] = await levelsOf(t);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        // Each patch's quantity is one no other state has (reserves take at most 10), so each is a movement.
        i % 2 === 0 ? ordercloud.patch(t, 'hot', { QuantityAvailable: 10_000 * (i + 1) }) : shopsynch.reserve(t, level!.id, 1),
      ),
    );
    expectEachOrRetryLater(replies, [200]);
    // Patches and reserves alternate in the replies.
    const made = (parity: number) => replies.filter((reply, i) => i % 2 === parity && reply.status === 200).length;
    const [patched, reserved] = [made(0), made(1)];

    const final = (await shopsynch.get(t, level!.id)).body.data as { onHandQty: number; reservedQty: number; availableQty: number };
    expect(final.reservedQty).toBe(reserved);
    const history = (await shopsynch.movements(t, level!.id)).body.data as { type: string; qty: number; reason: string | null }[];
    expect(history).toHaveLength(1 + patched + reserved);
    const sum = (type: string) => history.filter((entry) => entry.type === type).reduce((total, entry) => total + entry.qty, 0);
    expect(sum('created') + sum('adjusted')).toBe(final.onHandQty);
    expect(sum('reserved')).toBe(final.reservedQty);
    expect(history.filter((entry) => entry.reason === 'ordercloud-patch')).toHaveLength(patched);
    // Every name shows the last version.
    expect((await ordercloud.get(t, 'hot')).body.QuantityAvailable).toBe(final.availableQty);
    expect(await medusaLevels(t)).toEqual([
      expect.objectContaining({ stocked_quantity: final.onHandQty, reserved_quantity: final.reservedQty }),
    ]);
  });
});
