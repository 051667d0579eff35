import { beforeAll, describe, expect, it } from 'vitest';
import { handler as dzGet } from '#functions/dayzero/getVariant/handler';
import { handler as createHandler } from '#functions/medusa/createReservation/handler';
import { handler as deleteHandler } from '#functions/medusa/deleteReservation/handler';
import { handler as deleteLevel } from '#functions/medusa/deleteLocationLevel/handler';
import { handler as getHandler } from '#functions/medusa/getReservation/handler';
import { handler as getVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as listHandler } from '#functions/medusa/listReservations/handler';
import { handler as listLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as updateHandler } from '#functions/medusa/updateReservation/handler';
import { handler as ocCreate } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { handler as ocGet } from '#functions/ordercloud/getVariantInventoryRecord/handler';
import { handler as ssCreate } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as ssGet } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as ssRelease } from '#functions/shopsynch/releaseInventory/handler';
import { invoke, type Reply } from '#test/support/http';
import { expectNeverOverReserved } from '#test/support/races';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/** Many writers on one item queue on DynamoDB Local's one writer: on a busy machine a race takes more than a request's time, so the limit only catches a hang. */
const RACE = { timeout: 120_000 };

const RESERVATIONS = '/admin/reservations';
const RESERVATION = '/admin/reservations/{id}';
const RESITEM_ID = /^resitem_[0-9A-HJKMNP-TV-Z]{26}$/;
const KEY = 'mk_test_reservations_01';

const auth = (tenantId: string) => ({ authorization: bearer(tokenFor(tenantId)) });

const create = (tenantId: string, body: unknown, query?: string) =>
  invoke(createHandler, {
    path: RESERVATIONS,
    routeKey: `POST ${RESERVATIONS}`,
    headers: auth(tenantId),
    body,
    ...(query ? { query } : {}),
  });
const list = (tenantId: string, query?: string) =>
  invoke(listHandler, { path: RESERVATIONS, routeKey: `GET ${RESERVATIONS}`, headers: auth(tenantId), ...(query ? { query } : {}) });
const one =
  (handler: typeof getHandler, method: 'GET' | 'POST' | 'DELETE') => (tenantId: string, id: string, body?: unknown, query?: string) =>
    invoke(handler, {
      path: `/admin/reservations/${id}`,
      routeKey: `${method} ${RESERVATION}`,
      pathParameters: { id },
      headers: auth(tenantId),
      ...(body === undefined ? {} : { body }),
      ...(query ? { query } : {}),
    });
const get = one(getHandler, 'GET');
const update = one(updateHandler, 'POST');
const remove = one(deleteHandler, 'DELETE');

/** Each level's [stocked, reserved] as Medusa lists them, by location. */
async function levelsOf(tenantId: string, itemId: string): Promise<Record<string, [number, number]>> {
  const reply = await invoke(listLevels, {
    path: `/admin/inventory-items/${itemId}/location-levels`,
    routeKey: 'GET /admin/inventory-items/{id}/location-levels',
    pathParameters: { id: itemId },
    headers: auth(tenantId),
  });
  const levels = reply.body.inventory_levels as { location_id: string; stocked_quantity: number; reserved_quantity: number }[];
  return Object.fromEntries(levels.map((level) => [level.location_id, [level.stocked_quantity, level.reserved_quantity]]));
}

/** Two locations and a kit part no product owns: 10 on hand at the main one, 2 at the east one (none at the west one). */
const partTenant = () =>
  seedTenant({
    name: 'Reservations',
    locations: [
      { id: 'wh_main', name: 'Main' },
      { id: 'wh_east', name: 'East' },
      { id: 'wh_west', name: 'West' },
    ],
    inventoryItems: [
      {
        id: 'iitem_part',
        sku: 'PART-1',
        title: 'Kit part',
        levels: [
          { locationId: 'wh_main', stocked: 10 },
          { locationId: 'wh_east', stocked: 2 },
        ],
      },
      { id: 'iitem_other', title: 'Other part', levels: [{ locationId: 'wh_main', stocked: 100 }] },
    ],
  });

const reserveBody = { inventory_item_id: 'iitem_part', location_id: 'wh_main', quantity: 4 };

const expectMedusaError = (reply: Reply, status: number, type: string, message: string) => {
  expect(reply.status).toBe(status);
  expect(reply.body).toEqual({ type, message });
};

describe('POST /admin/reservations', () => {
  it("reserves units of the level, answering in Medusa's default fields with the item's sums", async () => {
    const tenantId = await partTenant();
    const reply = await create(tenantId, {
      ...reserveBody,
      line_item_id: 'ordli_1',
      description: 'Order 1',
      metadata: { channel: 'web', n: 1.5 },
    });
    expect(reply.status).toBe(200);
    const { reservation } = reply.body;
    expect(Object.keys(reservation)).toEqual([
      'id',
      'location_id',
      'inventory_item_id',
      'quantity',
      'line_item_id',
      'description',
      'metadata',
      'created_at',
      'updated_at',
      'inventory_item',
    ]);
    expect(reservation).toMatchObject({
      id: expect.stringMatching(RESITEM_ID),
      location_id: 'wh_main',
      inventory_item_id: 'iitem_part',
      quantity: 4,
      line_item_id: 'ordli_1',
      description: 'Order 1',
      metadata: { channel: 'web', n: 1.5 },
    });
    expect(reservation.created_at).toBe(reservation.updated_at);
    expect(reservation.inventory_item).toMatchObject({ id: 'iitem_part', sku: 'PART-1', reserved_quantity: 4, stocked_quantity: 12 });
    expect(reservation.inventory_item).not.toHaveProperty('location_levels');

    // The table: the reservation, and the level's next version with its history entry naming it.
    const [stored] = await itemsOfType(tenantId, 'Reservation');
    expect(stored).toMatchObject({ id: reservation.id, quantity: 4, version: 1, metadataJson: '{"channel":"web","n":1.5}' });
    // Its copies in its item's, location's and line item's partitions, which the list's filters query.
    const copies = await itemsOfType(tenantId, 'ReservationCopy');
    expect(copies.map((copy) => String(copy.pk).split('#RESERVATIONS#')[1]).sort()).toEqual([
      'ITEM#iitem_part',
      'LINE#ordli_1',
      'LOCATION#wh_main',
    ]);
    for (const copy of copies) expect(copy).toMatchObject({ id: reservation.id, quantity: 4, sk: stored!.sk });
    expect(await levelsOf(tenantId, 'iitem_part')).toEqual({ wh_main: [10, 4], wh_east: [2, 0] });
    const movements = await itemsOfType(tenantId, 'StockMovement');
    expect(movements).toContainEqual(
      expect.objectContaining({ kind: 'reserved', qty: 4, reason: 'medusa-reservation', reference: reservation.id, reservedQty: 4 }),
    );
  });

  it('shapes the answer with fields, showing the join key and the item ID with the item, as Medusa 2.21.2 does', async () => {
    const tenantId = await partTenant();
    const reply = await create(tenantId, reserveBody, 'fields=quantity,inventory_item.reserved_quantity,raw_quantity,allow_backorder');
    expect(reply.status).toBe(200);
    expect(reply.body.reservation).toEqual({
      id: expect.stringMatching(RESITEM_ID),
      inventory_item_id: reserveBody.inventory_item_id,
      quantity: 4,
      allow_backorder: false,
      raw_quantity: { value: '4', precision: 20 },
      inventory_item: { id: reserveBody.inventory_item_id, reserved_quantity: 4 },
    });
    // `*inventory_item` shows every column of the item, `deleted_at` too; no levels.
    const id = reply.body.reservation.id as string;
    const all = (await get(tenantId, id, undefined, 'fields=id,*inventory_item')).body.reservation;
    expect(Object.keys(all)).toEqual(['id', 'inventory_item_id', 'inventory_item']);
    // Its sums null, as Medusa 2.21.2 answers them under a star, even beside a sum named on its own.
    expect(all.inventory_item).toMatchObject({
      id: reserveBody.inventory_item_id,
      deleted_at: null,
      reserved_quantity: null,
      stocked_quantity: null,
    });
    expect(all.inventory_item).not.toHaveProperty('location_levels');
    for (const fields of ['id,inventory_item.*', 'id,*inventory_item,inventory_item.stocked_quantity'])
      expect((await get(tenantId, id, undefined, `fields=${fields}`)).body.reservation.inventory_item).toMatchObject({
        reserved_quantity: null,
        stocked_quantity: null,
      });
  });

  it("refuses more than the level has available with Medusa's 400, writing nothing", async () => {
    const tenantId = await partTenant();
    expect((await create(tenantId, { ...reserveBody, quantity: 8 })).status).toBe(200);
    const before = await tenantItems(tenantId);
    expectMedusaError(
      await create(tenantId, { ...reserveBody, quantity: 3 }),
      400,
      'not_allowed',
      'Not enough stock available for item iitem_part at location wh_main',
    );
    expect(await tenantItems(tenantId)).toEqual(before);
    expect((await create(tenantId, { ...reserveBody, quantity: 2 })).status).toBe(200);
  });

  it("answers Medusa's 404 where the item has no level, or is not there", async () => {
    const tenantId = await partTenant();
    const before = await tenantItems(tenantId);
    expectMedusaError(
      await create(tenantId, { ...reserveBody, location_id: 'wh_west' }),
      404,
      'not_found',
      'Item iitem_part is not stocked at location wh_west',
    );
    expectMedusaError(
      await create(tenantId, { ...reserveBody, inventory_item_id: 'iitem_nope' }),
      404,
      'not_found',
      'Item iitem_nope is not stocked at location wh_main',
    );
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('takes whole units only, and the body Medusa takes', async () => {
    const tenantId = await partTenant();
    expectMedusaError(
      await create(tenantId, { ...reserveBody, quantity: 0 }),
      400,
      'invalid_data',
      "Invalid request: Value for field 'quantity' too small, expected at least: '1'",
    );
    expect((await create(tenantId, { ...reserveBody, quantity: 1.5 })).status).toBe(400);
    expectMedusaError(
      await create(tenantId, { location_id: 'wh_main', inventory_item_id: 'iitem_part' }),
      400,
      'invalid_data',
      "Invalid request: Field 'quantity' is required",
    );
    expectMedusaError(
      await create(tenantId, { ...reserveBody, nope: 1 }),
      400,
      'invalid_data',
      "Invalid request: Unrecognized fields: 'nope'",
    );
    expect(await itemsOfType(tenantId, 'Reservation')).toEqual([]);
  });

  it(
    '50 reservations racing for 20 units of one level never over-reserve: 20 made (fewer only beside a 503 to retry), the rest refused',
    RACE,
    async () => {
      const tenantId = await seedTenant({
        name: 'Race',
        locations: [{ id: 'wh_main', name: 'Main' }],
        inventoryItems: [{ id: 'iitem_hot', title: 'Hot', levels: [{ locationId: 'wh_main', stocked: 20 }] }],
      });
      const replies = await Promise.all(
        Array.from({ length: 50 }, () => create(tenantId, { inventory_item_id: 'iitem_hot', location_id: 'wh_main', quantity: 1 })),
      );
      const made = expectNeverOverReserved(
        replies.map((reply) => reply.status),
        20,
      );
      for (const reply of replies.filter((reply) => reply.status === 400)) {
        expect(reply.body).toEqual({ type: 'not_allowed', message: 'Not enough stock available for item iitem_hot at location wh_main' });
      }
      expect(await levelsOf(tenantId, 'iitem_hot')).toEqual({ wh_main: [20, made] });
      expect(await itemsOfType(tenantId, 'Reservation')).toHaveLength(made);
      // Every reserved unit has its history entry.
      const reserved = (await itemsOfType(tenantId, 'StockMovement')).filter((movement) => movement.kind === 'reserved');
      expect(reserved).toHaveLength(made);
    },
  );
});

describe('GET /admin/reservations/{id} and GET /admin/reservations', () => {
  let tenantId: string;
  const ids: string[] = [];
  beforeAll(async () => {
    tenantId = await partTenant();
    for (const body of [
      { ...reserveBody, quantity: 1, line_item_id: 'ordli_a', description: 'First Order' },
      { ...reserveBody, location_id: 'wh_east', quantity: 2, description: 'second' },
      { inventory_item_id: 'iitem_other', location_id: 'wh_main', quantity: 5, line_item_id: 'ordli_b' },
    ]) {
      const reply = await create(tenantId, body);
      expect(reply.status).toBe(200);
      ids.push(reply.body.reservation.id);
    }
  });

  it('reads one, with its item as it is now; an unknown one is a 404 in Medusa’s words', async () => {
    const reply = await get(tenantId, ids[0]!);
    expect(reply.status).toBe(200);
    expect(reply.body.reservation).toMatchObject({
      id: ids[0],
      quantity: 1,
      inventory_item: { reserved_quantity: 3, stocked_quantity: 12 },
    });
    expect((await get(tenantId, ids[0]!, undefined, 'fields=id,quantity')).body).toEqual({ reservation: { id: ids[0], quantity: 1 } });
    expectMedusaError(await get(tenantId, 'resitem_nope'), 404, 'not_found', 'Reservation with id: resitem_nope was not found');
    // Another tenant's reservation is unknown here.
    expect((await get(await partTenant(), ids[0]!)).status).toBe(404);
  });

  it("shows the item named bare as Medusa 2.21.2's reference to it: its id and null sums, without the join key", async () => {
    const bare = { id: reserveBody.inventory_item_id, reserved_quantity: null, stocked_quantity: null };
    expect((await get(tenantId, ids[0]!, undefined, 'fields=id,inventory_item')).body).toEqual({
      reservation: { id: ids[0], inventory_item: bare },
    });
    expect((await list(tenantId, `fields=id,inventory_item&inventory_item_id=${reserveBody.inventory_item_id}`)).body.reservations).toEqual(
      [ids[0], ids[1]].map((id) => ({ id, inventory_item: bare })),
    );
    // The join key when asked for; a path through the item shows the key and no null sums.
    expect((await get(tenantId, ids[0]!, undefined, 'fields=id,inventory_item_id,inventory_item')).body.reservation).toEqual({
      id: ids[0],
      inventory_item_id: reserveBody.inventory_item_id,
      inventory_item: bare,
    });
    expect((await get(tenantId, ids[0]!, undefined, 'fields=id,inventory_item,inventory_item.stocked_quantity')).body.reservation).toEqual({
      id: ids[0],
      inventory_item_id: reserveBody.inventory_item_id,
      inventory_item: { id: reserveBody.inventory_item_id, stocked_quantity: 12 },
    });
  });

  it('lists them in the order they were made, with count, offset and limit', async () => {
    const reply = await list(tenantId, 'fields=id');
    expect(reply.body).toEqual({ reservations: ids.map((id) => ({ id })), count: 3, offset: 0, limit: 20 });
    expect((await list(tenantId, 'fields=id&limit=1&offset=1')).body).toEqual({
      reservations: [{ id: ids[1] }],
      count: 3,
      offset: 1,
      limit: 1,
    });
    expect((await list(tenantId, 'fields=id&order=-created_at')).body.reservations).toEqual([...ids].reverse().map((id) => ({ id })));
    expect((await list(tenantId, 'fields=id&order=-quantity')).body.reservations).toEqual([ids[2], ids[1], ids[0]].map((id) => ({ id })));
    expect((await list(tenantId, 'fields=id&limit=0')).body).toEqual({ reservations: [], count: 3, offset: 0, limit: 0 });
  });

  it("filters as Medusa's list does", async () => {
    const idsOf = async (query: string) => {
      const reply = await list(tenantId, `fields=id&${query}`);
      expect(reply.status).toBe(200);
      return { ids: (reply.body.reservations as { id: string }[]).map(({ id }) => id), count: reply.body.count };
    };
    expect(await idsOf('inventory_item_id=iitem_part')).toEqual({ ids: ids.slice(0, 2), count: 2 });
    expect(await idsOf('location_id=wh_main')).toEqual({ ids: [ids[0], ids[2]], count: 2 });
    expect(await idsOf('inventory_item_id=iitem_part&location_id=wh_east')).toEqual({ ids: [ids[1]], count: 1 });
    expect(await idsOf('line_item_id=ordli_b')).toEqual({ ids: [ids[2]], count: 1 });
    expect(await idsOf('q=ORDER')).toEqual({ ids: [ids[0]], count: 1 });
    expect(await idsOf('location_id=wh_main,wh_east')).toEqual({ ids: [], count: 0 });
    expectMedusaError(await list(tenantId, 'nope=1'), 400, 'invalid_data', "Invalid request: Unrecognized fields: 'nope'");
  });
});

describe('POST /admin/reservations/{id}', () => {
  it('moves the level by the difference when the quantity changes, and nothing when only the description does', async () => {
    const tenantId = await partTenant();
    const { id } = (await create(tenantId, reserveBody)).body.reservation;
    const up = await update(tenantId, id, { quantity: 10 });
    expect(up.status).toBe(200);
    expect(up.body.reservation).toMatchObject({ id, quantity: 10, inventory_item: { reserved_quantity: 10 } });
    expect(up.body.reservation.updated_at >= up.body.reservation.created_at).toBe(true);
    expectMedusaError(
      await update(tenantId, id, { quantity: 11 }),
      400,
      'not_allowed',
      'Not enough stock available for item iitem_part at location wh_main',
    );
    expect((await update(tenantId, id, { quantity: 3 })).status).toBe(200);
    expect(await levelsOf(tenantId, 'iitem_part')).toEqual({ wh_main: [10, 3], wh_east: [2, 0] });
    const movements = (await itemsOfType(tenantId, 'StockMovement')).length;
    const described = await update(tenantId, id, { description: 'Changed', metadata: null });
    expect(described.body.reservation).toMatchObject({ quantity: 3, description: 'Changed', metadata: null });
    expect(await itemsOfType(tenantId, 'StockMovement')).toHaveLength(movements);
  });

  it('moves the units to another level in one transaction, refused where that level has not enough', async () => {
    const tenantId = await partTenant();
    const { id } = (await create(tenantId, reserveBody)).body.reservation;
    const before = await tenantItems(tenantId);
    expectMedusaError(
      await update(tenantId, id, { location_id: 'wh_east' }),
      400,
      'not_allowed',
      'Not enough stock available for item iitem_part at location wh_east',
    );
    expectMedusaError(
      await update(tenantId, id, { location_id: 'wh_west' }),
      404,
      'not_found',
      'Item iitem_part is not stocked at location wh_west',
    );
    expect(await tenantItems(tenantId)).toEqual(before);
    const moved = await update(tenantId, id, { location_id: 'wh_east', quantity: 2 });
    expect(moved.status).toBe(200);
    expect(moved.body.reservation).toMatchObject({ location_id: 'wh_east', quantity: 2 });
    expect(await levelsOf(tenantId, 'iitem_part')).toEqual({ wh_main: [10, 0], wh_east: [2, 2] });
    const copies = await itemsOfType(tenantId, 'ReservationCopy');
    expect(copies.map((copy) => [String(copy.pk).split('#RESERVATIONS#')[1], copy.locationId, copy.quantity]).sort()).toEqual([
      ['ITEM#iitem_part', 'wh_east', 2],
      ['LOCATION#wh_east', 'wh_east', 2],
    ]);
  });

  it("answers an unknown reservation as Medusa's update does: 400 invalid_data", async () => {
    const tenantId = await partTenant();
    expectMedusaError(
      await update(tenantId, 'resitem_nope', { quantity: 1 }),
      400,
      'invalid_data',
      'Reservation item with id resitem_nope not found',
    );
  });
});

describe('DELETE /admin/reservations/{id}', () => {
  it('gives the units back; a reservation that is gone is deleted already, and nothing is written', async () => {
    const tenantId = await partTenant();
    const { id } = (await create(tenantId, reserveBody)).body.reservation;
    const reply = await remove(tenantId, id);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ id, object: 'reservation', deleted: true });
    expect(await itemsOfType(tenantId, 'Reservation')).toEqual([]);
    expect(await itemsOfType(tenantId, 'ReservationCopy')).toEqual([]);
    expect(await levelsOf(tenantId, 'iitem_part')).toEqual({ wh_main: [10, 0], wh_east: [2, 0] });
    const before = await tenantItems(tenantId);
    expect((await remove(tenantId, id)).body).toEqual({ id, object: 'reservation', deleted: true });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('keeps the level while a reservation holds units there, and lets it go once the reservation is gone', async () => {
    const tenantId = await partTenant();
    const { id } = (await create(tenantId, { ...reserveBody, location_id: 'wh_east', quantity: 1 })).body.reservation;
    const removeLevel = () =>
      invoke(deleteLevel, {
        path: '/admin/inventory-items/iitem_part/location-levels/wh_east',
        routeKey: 'DELETE /admin/inventory-items/{id}/location-levels/{location_id}',
        pathParameters: { id: 'iitem_part', location_id: 'wh_east' },
        headers: auth(tenantId),
      });
    expectMedusaError(
      await removeLevel(),
      400,
      'not_allowed',
      'Cannot remove Inventory Level iitem_part at Location wh_east because there are reservations at location',
    );
    expect((await remove(tenantId, id)).status).toBe(200);
    // Its 2 units on hand still hold it, as Medusa refuses an unforced removal of stocked items.
    expect((await removeLevel()).body.message).toContain('stocked items');
  });
});

describe('a reservation made through Medusa shows in every API in the next request', () => {
  const P = 'prod_tee';
  const V = 'var_tee_m';
  const OC_RECORD = 'rec-tee-main';
  let tenantId: string;
  let recordId: string;
  let itemId: string;

  beforeAll(async () => {
    tenantId = await seedTenant({
      name: 'Reservations everywhere',
      defaultLocationId: 'wh_main',
      merchantApiKeys: [KEY],
      locations: [{ id: 'wh_main', name: 'Main' }],
      products: [{ id: P, name: 'Tee', type: 'VARIABLE', variants: [{ id: V, name: 'M', sku: 'TEE-M' }] }],
    });
    const created = await invoke(ssCreate, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: { ...auth(tenantId), 'x-merchantapikey': KEY },
      body: { productId: P, skuId: V, warehouseId: 'wh_main', initialQty: 50 },
    });
    recordId = created.body.data.id;
    const oc = await invoke(ocCreate, {
      path: `/products/${P}/variants/${V}/inventoryrecords`,
      routeKey: 'POST /products/{productID}/variants/{variantID}/inventoryrecords',
      pathParameters: { productID: P, variantID: V },
      headers: auth(tenantId),
      body: { ID: OC_RECORD, AddressID: 'wh_main', QuantityAvailable: 50 },
    });
    expect(oc.status).toBe(201);
    const variant = await invoke(getVariant, {
      path: `/admin/products/${P}/variants/${V}`,
      routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
      pathParameters: { id: P, variant_id: V },
      query: 'fields=id,*inventory_items',
      headers: auth(tenantId),
    });
    itemId = variant.body.variant.inventory_items[0].inventory_item_id;
  });

  async function everywhere() {
    const shop = await invoke(ssGet, {
      path: `/v1/inventory/${recordId}`,
      routeKey: 'GET /v1/inventory/{id}',
      pathParameters: { id: recordId },
      headers: { ...auth(tenantId), 'x-merchantapikey': KEY },
    });
    const oc = await invoke(ocGet, {
      path: `/products/${P}/variants/${V}/inventoryrecords/${OC_RECORD}`,
      routeKey: 'GET /products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}',
      pathParameters: { productID: P, variantID: V, inventoryRecordID: OC_RECORD },
      headers: auth(tenantId),
    });
    const day = await invoke(dzGet, {
      path: `/api/v1/inventory/products/variants/${V}`,
      routeKey: 'GET /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: V },
      headers: { ...auth(tenantId), 'x-business-id': tenantId },
    });
    return {
      shopsynch: shop.body.data.reservedQty,
      orderCloud: oc.body.QuantityAvailable,
      dayzero: day.body.inventory.reserved,
      medusa: (await levelsOf(tenantId, itemId)).wh_main![1],
    };
  }

  it('create, update and delete move ShopSynch’s reservedQty, OrderCloud’s QuantityAvailable and DayZero’s reserved', async () => {
    const created = await create(tenantId, { inventory_item_id: itemId, location_id: 'wh_main', quantity: 7 });
    expect(created.status).toBe(200);
    expect(await everywhere()).toEqual({ shopsynch: 7, orderCloud: 43, dayzero: 7, medusa: 7 });
    const { id } = created.body.reservation;
    expect((await update(tenantId, id, { quantity: 12 })).status).toBe(200);
    expect(await everywhere()).toEqual({ shopsynch: 12, orderCloud: 38, dayzero: 12, medusa: 12 });
    expect((await remove(tenantId, id)).status).toBe(200);
    expect(await everywhere()).toEqual({ shopsynch: 0, orderCloud: 50, dayzero: 0, medusa: 0 });
  });

  it('a reservation whose units ShopSynch released meanwhile gives back only what is still reserved', async () => {
    const { id } = (await create(tenantId, { inventory_item_id: itemId, location_id: 'wh_main', quantity: 5 })).body.reservation;
    const released = await invoke(ssRelease, {
      path: `/v1/inventory/${recordId}/release`,
      routeKey: 'PATCH /v1/inventory/{id}/release',
      pathParameters: { id: recordId },
      headers: { ...auth(tenantId), 'x-merchantapikey': KEY },
      body: { qty: 3 },
    });
    expect(released.status).toBe(200);
    expect((await remove(tenantId, id)).status).toBe(200);
    expect(await everywhere()).toEqual({ shopsynch: 0, orderCloud: 50, dayzero: 0, medusa: 0 });
    const history = (await itemsOfType(tenantId, 'StockMovement')).filter((movement) => movement.reference === id);
    expect(history.map((movement) => [movement.kind, movement.qty])).toEqual([
      ['reserved', 5],
      ['released', 2],
    ]);
  });
});
