import { describe, expect, it } from 'vitest';
import { admin } from '#functions/admin/dialect/errors';
import { dayzero } from '#functions/dayzero/dialect/errors';
import { medusaDialect } from '#functions/medusa/dialect/errors';
import { ordercloud } from '#functions/ordercloud/dialect/errors';
import { shopsynch } from '#functions/shopsynch/dialect/errors';
import {
  BusinessRuleError,
  ConflictError,
  IDENTITY_RULES,
  InvalidCursorError,
  NotAllowedError,
  NotFoundError,
} from '#shared/domain/errors';

/** The domain names rules and objects in neutral words; each dialect answers them in its API's own. */
describe('domain errors in the words of each API', () => {
  it('ShopSynch speaks of SKUs and warehouses, and counts units', () => {
    const message = (error: BusinessRuleError | NotFoundError) => shopsynch.errorResponse(error).body;
    expect(message(new BusinessRuleError('reserve-exceeds-available', 'm', { requested: 8, available: 7 }))).toEqual({
      status: false,
      message: 'Cannot reserve 8 units. Only 7 units are currently available.',
    });
    expect(message(new BusinessRuleError('reserve-exceeds-available', 'm', { requested: 2, available: 1 }))).toMatchObject({
      message: 'Cannot reserve 2 units. Only 1 unit is currently available.',
    });
    expect(message(new BusinessRuleError('release-exceeds-reserved', 'm', { requested: 3, reserved: 2 }))).toMatchObject({
      message: 'Cannot release 3 units. Only 2 units are currently reserved.',
    });
    expect(message(new BusinessRuleError('on-hand-below-reserved', 'm', { change: -9, onHand: 1, reserved: 2 }))).toMatchObject({
      message: 'Cannot adjust by -9. onHandQty would be 1, below the 2 units reserved.',
    });
    expect(message(new BusinessRuleError('variant-required', 'm'))).toMatchObject({ message: 'skuId is required for VARIABLE products' });
    expect(message(new NotFoundError('Variant', 'v1', { productId: 'p1' }))).toMatchObject({
      message: "SKU 'v1' not found for product 'p1'",
    });
    expect(message(new NotFoundError('Location', 'wh'))).toMatchObject({ message: "Warehouse 'wh' not found" });
  });

  it('DayZero speaks of businesses, and answers a bad cursor as a validation error of the query', () => {
    expect(dayzero.errorResponse(new BusinessRuleError('initial-stock-without-location', 'm'))).toEqual({
      statusCode: 400,
      body: { detail: 'Business has no default location to hold initial inventory' },
    });
    expect(dayzero.errorResponse(new BusinessRuleError('stripe-account-required', 'm')).body).toEqual({
      detail: 'Business has no Stripe account connected; connect one before creating variants',
    });
    expect(dayzero.errorResponse(new NotFoundError('Tenant', 't1')).body).toEqual({ detail: 'Business not found' });
    expect(dayzero.errorResponse(new NotFoundError('Location', 'l1', { forInitialStock: true })).body).toEqual({
      detail: 'Default location not found',
    });
    expect(dayzero.errorResponse(new NotFoundError('Location', 'l1')).body).toEqual({ detail: 'Location not found' });
    expect(dayzero.errorResponse(new InvalidCursorError('abc', 'variants'))).toEqual({
      statusCode: 422,
      body: {
        detail: [
          {
            type: 'value_error',
            loc: ['query', 'cursor'],
            msg: 'Value error, cursor is not valid for this list; use the next_cursor or prev_cursor of one of its pages',
            input: 'abc',
          },
        ],
      },
    });
  });

  it('the admin API names the offending value by its path in the request', () => {
    expect(admin.errorResponse(new BusinessRuleError('import-too-large', 'm', { entries: 1_003, maximum: 1_000 })).body).toEqual({
      type: 'urn:inventory-api:problem:validation',
      title: 'Invalid request',
      status: 422,
      detail: 'holds 1003 entries (stock records included); send at most 1000 per request, in chunks',
      errors: [{ path: 'tenants', message: 'holds 1003 entries (stock records included); send at most 1000 per request, in chunks' }],
    });
    expect(admin.errorResponse(new InvalidCursorError('abc', 'catalog-export')).body).toMatchObject({
      errors: [{ path: 'query.cursor', message: 'is not a cursor of this catalog export' }],
    });
    expect(admin.errorResponse(new NotFoundError('Tenant', 't1')).body).toMatchObject({
      detail: 'The tenant has no settings yet: import a catalog first',
    });
  });

  it('Medusa and OrderCloud name the clash of an identity rule from its detail', () => {
    const medusa = medusaDialect();
    expect(
      medusa.errorResponse(new ConflictError(IDENTITY_RULES.levelPerLocation, 'm', { inventoryItemId: 'iitem_1', locationId: 'sloc_1' })),
    ).toEqual({
      statusCode: 400,
      body: { type: 'invalid_data', message: 'Inventory level with inventory_item_id: iitem_1, location_id: sloc_1, already exists.' },
    });
    expect(
      medusa.errorResponse(new NotAllowedError('level-has-reservations', 'm', { inventoryItemId: 'iitem_1', locationId: 'sloc_1' })).body,
    ).toEqual({
      type: 'not_allowed',
      message: 'Cannot remove Inventory Level iitem_1 at Location sloc_1 because there are reservations at location',
    });
    expect(ordercloud.errorResponse(new ConflictError(IDENTITY_RULES.recordIdPerProduct, 'm', { recordId: 'r1' })).body).toMatchObject({
      ErrorCode: 'IdExists',
      Message: 'An inventory record with ID r1 already exists.',
    });
    expect(ordercloud.errorResponse(new ConflictError(IDENTITY_RULES.recordPerLevel, 'm', { recordId: 'r1', addressId: 'a1' }))).toEqual({
      statusCode: 409,
      body: expect.objectContaining({
        ErrorCode: 'InventoryRecordExists',
        Message: 'Inventory record r1 already holds this stock at address a1; update it instead.',
        Data: { ObjectType: 'InventoryRecord', ObjectID: 'r1', AddressID: 'a1' },
      }),
    });
  });

  it('OrderCloud names the field a shared-stock rule refuses', () => {
    const refusal = (error: BusinessRuleError) => ordercloud.errorResponse(error).body as { Errors: { Data: unknown }[] };
    expect(refusal(new BusinessRuleError('available-below-zero', 'm', { available: -1 })).Errors).toEqual([
      {
        ErrorCode: 'InvalidRequest',
        Message:
          'QuantityAvailable: must be at least 0: the units are shared with every API of this service, and stock never goes below zero',
        Data: { Field: 'QuantityAvailable' },
      },
    ]);
    expect(refusal(new BusinessRuleError('record-address-fixed', 'm', { recordId: 'r1', addressId: 'a1' })).Errors[0]!.Data).toEqual({
      Field: 'AddressID',
    });
    expect(refusal(new BusinessRuleError('variant-required', 'm')).Errors[0]).toMatchObject({ ErrorCode: 'InvalidRequest', Data: null });
  });
});
