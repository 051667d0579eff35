import Medusa, { FetchError } from '@medusajs/js-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '#test/support/localApi';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the reservation routes. */
describe('@medusajs/js-sdk against the reservation routes', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  let sdk: Medusa;
  let tenantId: string;
  let headers: Record<string, string>;
  beforeAll(async () => {
    api = await startLocalApi();
    sdk = new Medusa({ baseUrl: api.baseUrl, auth: { type: 'jwt' } });
    tenantId = await seedTenant({
      name: 'SDK reservations',
      locations: [
        { id: 'sloc_main', name: 'Main' },
        { id: 'sloc_east', name: 'East' },
      ],
      inventoryItems: [
        {
          id: 'iitem_sdk',
          sku: 'SDK-PART',
          title: 'Part',
          levels: [
            { locationId: 'sloc_main', stocked: 10 },
            { locationId: 'sloc_east', stocked: 3 },
          ],
        },
      ],
    });
    headers = { authorization: bearer(tokenFor(tenantId)) };
  });
  afterAll(() => api.close());

  it('admin.reservation.create, retrieve, update, list and delete, each moving the level', async () => {
    const { reservation } = await sdk.admin.reservation.create(
      {
        inventory_item_id: 'iitem_sdk',
        location_id: 'sloc_main',
        quantity: 4,
        line_item_id: 'ordli_sdk',
        description: 'SDK order',
        metadata: { a: 1 },
      },
      {},
      headers,
    );
    expect(reservation).toMatchObject({
      id: expect.stringMatching(/^resitem_/),
      quantity: 4,
      line_item_id: 'ordli_sdk',
      metadata: { a: 1 },
      inventory_item: { id: 'iitem_sdk', reserved_quantity: 4, stocked_quantity: 13 },
    });

    const retrieved = await sdk.admin.reservation.retrieve(reservation.id, { fields: 'id,quantity,location_id' }, headers);
    expect(retrieved.reservation).toEqual({ id: reservation.id, quantity: 4, location_id: 'sloc_main' });

    const updated = await sdk.admin.reservation.update(reservation.id, { location_id: 'sloc_east', quantity: 3 }, {}, headers);
    expect(updated.reservation).toMatchObject({ location_id: 'sloc_east', quantity: 3, inventory_item: { reserved_quantity: 3 } });

    const page = await sdk.admin.reservation.list({ inventory_item_id: 'iitem_sdk', limit: 10, fields: 'id,quantity' }, headers);
    expect(page).toEqual({ reservations: [{ id: reservation.id, quantity: 3 }], count: 1, offset: 0, limit: 10 });

    const levels = () => itemsOfType(tenantId, 'LocationLevel');
    expect((await levels()).map((level) => [level.locationId, level.reservedQuantity])).toEqual([
      ['sloc_east', 3],
      ['sloc_main', 0],
    ]);

    expect(await sdk.admin.reservation.delete(reservation.id, headers)).toEqual({
      id: reservation.id,
      object: 'reservation',
      deleted: true,
    });
    expect((await levels()).map((level) => level.reservedQuantity)).toEqual([0, 0]);
    expect(await itemsOfType(tenantId, 'Reservation')).toEqual([]);
  });

  it("throws FetchError with Medusa's status and message when a reservation is refused, writing nothing", async () => {
    const before = await tenantItems(tenantId);
    const beyond = await sdk.admin.reservation
      .create({ inventory_item_id: 'iitem_sdk', location_id: 'sloc_east', quantity: 4 }, {}, headers)
      .catch((error: unknown) => error);
    expect(beyond).toBeInstanceOf(FetchError);
    expect(beyond).toMatchObject({ status: 400, message: 'Not enough stock available for item iitem_sdk at location sloc_east' });
    await expect(sdk.admin.reservation.retrieve('resitem_nope', {}, headers)).rejects.toMatchObject({
      status: 404,
      message: 'Reservation with id: resitem_nope was not found',
    });
    await expect(sdk.admin.reservation.list({}, {})).rejects.toMatchObject({ status: 401, message: 'Unauthorized' });
    expect(await tenantItems(tenantId)).toEqual(before);
  });
});
