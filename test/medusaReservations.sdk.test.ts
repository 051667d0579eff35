import { FetchError } from '@medusajs/js-sdk';
import { describe, expect, it } from 'vitest';
import { medusaSdk } from '#test/support/medusaSdk';
import { itemsOfType, tenantItems } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the reservation routes. */
describe('@medusajs/js-sdk against the reservation routes', () => {
  const medusa = medusaSdk({
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

  it('admin.reservation.create, retrieve, update, list and delete, each moving the level', async () => {
    const { reservation } = await medusa.sdk.admin.reservation.create(
      {
        inventory_item_id: 'iitem_sdk',
        location_id: 'sloc_main',
        quantity: 4,
        line_item_id: 'ordli_sdk',
        description: 'SDK order',
        metadata: { a: 1 },
      },
      {},
      medusa.headers,
    );
    expect(reservation).toMatchObject({
      id: expect.stringMatching(/^resitem_/),
      quantity: 4,
      line_item_id: 'ordli_sdk',
      metadata: { a: 1 },
      inventory_item: { id: 'iitem_sdk', reserved_quantity: 4, stocked_quantity: 13 },
    });

    const retrieved = await medusa.sdk.admin.reservation.retrieve(reservation.id, { fields: 'id,quantity,location_id' }, medusa.headers);
    expect(retrieved.reservation).toEqual({ id: reservation.id, quantity: 4, location_id: 'sloc_main' });

    const updated = await medusa.sdk.admin.reservation.update(
      reservation.id,
      { location_id: 'sloc_east', quantity: 3 },
      {},
      medusa.headers,
    );
    expect(updated.reservation).toMatchObject({ location_id: 'sloc_east', quantity: 3, inventory_item: { reserved_quantity: 3 } });

    const page = await medusa.sdk.admin.reservation.list(
      { inventory_item_id: 'iitem_sdk', limit: 10, fields: 'id,quantity' },
      medusa.headers,
    );
    expect(page).toEqual({ reservations: [{ id: reservation.id, quantity: 3 }], count: 1, offset: 0, limit: 10 });

    const levels = () => itemsOfType(medusa.tenantId, 'LocationLevel');
    expect((await levels()).map((level) => [level.locationId, level.reservedQuantity])).toEqual([
      ['sloc_east', 3],
      ['sloc_main', 0],
    ]);

    expect(await medusa.sdk.admin.reservation.delete(reservation.id, medusa.headers)).toEqual({
      id: reservation.id,
      object: 'reservation',
      deleted: true,
    });
    expect((await levels()).map((level) => level.reservedQuantity)).toEqual([0, 0]);
    expect(await itemsOfType(medusa.tenantId, 'Reservation')).toEqual([]);
  });

  it("throws FetchError with Medusa's status and message when a reservation is refused, writing nothing", async () => {
    const before = await tenantItems(medusa.tenantId);
    const beyond = await medusa.sdk.admin.reservation
      .create({ inventory_item_id: 'iitem_sdk', location_id: 'sloc_east', quantity: 4 }, {}, medusa.headers)
      .catch((error: unknown) => error);
    expect(beyond).toBeInstanceOf(FetchError);
    expect(beyond).toMatchObject({ status: 400, message: 'Not enough stock available for item iitem_sdk at location sloc_east' });
    await expect(medusa.sdk.admin.reservation.retrieve('resitem_nope', {}, medusa.headers)).rejects.toMatchObject({
      status: 404,
      message: 'Reservation with id: resitem_nope was not found',
    });
    await expect(medusa.sdk.admin.reservation.list({}, {})).rejects.toMatchObject({ status: 401, message: 'Unauthorized' });
    expect(await tenantItems(medusa.tenantId)).toEqual(before);
  });
});
