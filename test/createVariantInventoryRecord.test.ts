import { beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '#functions/ordercloud/createVariantInventoryRecord/handler';
import { documentClient } from '#shared/store/client';
import { invoke } from '#test/support/http';
import { expectOneWinner } from '#test/support/races';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const ADDRESS = {
  companyName: 'Acme',
  firstName: 'Ada',
  lastName: 'Lovelace',
  street1: '1 Dock Road',
  street2: 'Unit 4',
  city: 'Lagos',
  state: 'LA',
  zip: '100001',
  country: 'NG',
  phone: '+234 1 000',
  addressName: 'Main',
  xp: { Dock: 'B' },
};

const catalog = (supplier = 'supplier_1') => ({
  name: 'OrderCloud marketplace',
  locations: [
    { id: 'addr_main', name: 'Main', address: ADDRESS },
    // A record names the stock of its variant at its address, one per address: tests that create several use several.
    { id: 'addr_b', name: 'B' },
    { id: 'addr_c', name: 'C' },
    { id: 'addr_supplier', name: 'Supplier', ownerId: supplier },
  ],
  products: [
    {
      id: 'prod_1',
      name: 'Shirt',
      type: 'VARIABLE' as const,
      variants: [
        { id: 'var_m', name: 'M' },
        { id: 'var_l', name: 'L' },
      ],
    },
    { id: 'prod_2', name: 'Hat', type: 'VARIABLE' as const, variants: [{ id: 'var_hat', name: 'One size' }] },
  ],
});

const PATH = '/products/{productID}/variants/{variantID}/inventoryrecords';
const post = (
  tenantId: string,
  body: unknown,
  options: { product?: string; variant?: string; token?: string | null; v1?: boolean } = {},
) => {
  const productID = options.product ?? 'prod_1';
  const variantID = options.variant ?? 'var_m';
  const template = options.v1 ? `/v1${PATH}` : PATH;
  return invoke(handler, {
    path: template.replace('{productID}', productID).replace('{variantID}', variantID),
    routeKey: `POST ${template}`,
    pathParameters: { productID, variantID },
    headers: options.token === null ? {} : { authorization: bearer(options.token ?? tokenFor(tenantId)) },
    body,
  });
};

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

describe('POST /products/{productID}/variants/{variantID}/inventoryrecords', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('creates a record from a full body: 201 with every documented field and the address resolved', async () => {
    const body = {
      ID: 'rec-full_1',
      OwnerID: tenantId,
      AddressID: 'addr_main',
      AllowAllBuyers: false,
      OrderCanExceed: true,
      QuantityAvailable: 42,
      NotificationPoint: 5,
      xp: { Bin: 'A-1', Tags: ['x'] },
    };
    const reply = await post(tenantId, body);
    expect(reply.status).toBe(201);
    expect(Object.keys(reply.body)).toEqual([
      'ID',
      'OwnerID',
      'AllowAllBuyers',
      'Address',
      'AddressID',
      'OrderCanExceed',
      'QuantityAvailable',
      'NotificationPoint',
      'LastUpdated',
      'xp',
    ]);
    expect(reply.body).toMatchObject({
      ID: 'rec-full_1',
      OwnerID: tenantId,
      AllowAllBuyers: false,
      AddressID: 'addr_main',
      OrderCanExceed: true,
      QuantityAvailable: 42,
      NotificationPoint: 5,
      xp: { Bin: 'A-1', Tags: ['x'] },
    });
    expect(reply.body.Address).toEqual({
      ID: 'addr_main',
      DateCreated: expect.stringMatching(ISO),
      CompanyName: 'Acme',
      FirstName: 'Ada',
      LastName: 'Lovelace',
      Street1: '1 Dock Road',
      Street2: 'Unit 4',
      City: 'Lagos',
      State: 'LA',
      Zip: '100001',
      Country: 'NG',
      Phone: '+234 1 000',
      AddressName: 'Main',
      xp: { Dock: 'B' },
    });
    expect(reply.body.LastUpdated).toMatch(ISO);
    const [stored] = (await itemsOfType(tenantId, 'InventoryRecord')).filter((item) => item.id === 'rec-full_1');
    expect(stored).toMatchObject({
      productId: 'prod_1',
      variantId: 'var_m',
      quantityAvailable: 42,
      xp: JSON.stringify({ Bin: 'A-1', Tags: ['x'] }),
      stockRecordId: expect.stringMatching(/^inv_[0-9a-f]{32}$/),
      version: 1,
    });
  });

  it('applies the defaults to a minimal body and generates an ID', async () => {
    const reply = await post(tenantId, { AddressID: 'addr_main' }, { variant: 'var_l' });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      OwnerID: tenantId,
      AllowAllBuyers: true,
      OrderCanExceed: false,
      QuantityAvailable: 0,
      NotificationPoint: null,
      xp: {},
    });
    expect(reply.body.ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('answers the same under /v1, as the official SDK calls it', async () => {
    const reply = await post(tenantId, { AddressID: 'addr_b' }, { v1: true });
    expect(reply.status).toBe(201);
  });

  it('refuses a second record of a variant at an address with 409 InventoryRecordExists naming the first (deliberately: one record names the stock there)', async () => {
    const first = await post(tenantId, { AddressID: 'addr_main', QuantityAvailable: 1 }, { product: 'prod_2', variant: 'var_hat' });
    expect(first.status).toBe(201);
    const before = await tenantItems(tenantId);
    const second = await post(tenantId, { AddressID: 'addr_main', QuantityAvailable: 2 }, { product: 'prod_2', variant: 'var_hat' });
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({
      StatusCode: 409,
      ErrorCode: 'InventoryRecordExists',
      Data: { ObjectType: 'InventoryRecord', ObjectID: first.body.ID, AddressID: 'addr_main' },
    });
    expect(await tenantItems(tenantId)).toEqual(before);
    // Another variant at the same address names other stock.
    expect((await post(tenantId, { AddressID: 'addr_main' }, { product: 'prod_1', variant: 'var_l' })).status).toBe(409);
    expect((await post(tenantId, { AddressID: 'addr_b' }, { product: 'prod_1', variant: 'var_l' })).status).toBe(201);
  });

  it('lets the marketplace name another owner whose address it is', async () => {
    const reply = await post(tenantId, { OwnerID: 'supplier_1', AddressID: 'addr_supplier' });
    expect(reply.status).toBe(201);
    expect(reply.body.OwnerID).toBe('supplier_1');
  });

  it('refuses a duplicate ID within the product with 409 IdExists, even on another variant', async () => {
    expect((await post(tenantId, { ID: 'dup-1', AddressID: 'addr_c' })).status).toBe(201);
    const duplicate = await post(tenantId, { ID: 'dup-1', AddressID: 'addr_c' }, { variant: 'var_l' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ StatusCode: 409, ErrorCode: 'IdExists', Errors: [{ ErrorCode: 'IdExists' }] });
    // The same ID under another product is another record.
    expect((await post(tenantId, { ID: 'dup-1', AddressID: 'addr_c' }, { product: 'prod_2', variant: 'var_hat' })).status).toBe(201);
  });

  it('lets exactly one of 50 concurrent creates with the same ID win', async () => {
    const t = await seedTenant(catalog());
    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => post(t, { ID: 'race', AddressID: 'addr_main', QuantityAvailable: i })),
    );
    const { refused } = expectOneWinner(replies, 201, 409);
    for (const reply of refused) expect(reply.body.ErrorCode).toBe('IdExists');
    expect(await itemsOfType(t, 'InventoryRecord')).toHaveLength(1);
  });

  it('lets exactly one of 50 concurrent creates at one address (no ID given) name the stock there', async () => {
    const t = await seedTenant(catalog());
    const replies = await Promise.all(Array.from({ length: 50 }, () => post(t, { AddressID: 'addr_main', QuantityAvailable: 5 })));
    const { winner, refused } = expectOneWinner(replies, 201, 409);
    expect(winner.body.ID).toMatch(/^[A-Za-z0-9_-]{22}$/);
    // The others are refused with the winner's ID: never a second record.
    for (const reply of refused)
      expect(reply.body).toMatchObject({ ErrorCode: 'InventoryRecordExists', Data: { ObjectID: winner.body.ID } });
    expect(await itemsOfType(t, 'InventoryRecord')).toHaveLength(1);
    expect(await itemsOfType(t, 'StockRecord')).toEqual([expect.objectContaining({ onHandQty: 5, orderCloudRecordIds: [winner.body.ID] })]);
  });

  it('generates a distinct ID for each create that gives none', async () => {
    const t = await seedTenant({ ...catalog(), locations: Array.from({ length: 20 }, (_, i) => ({ id: `addr_${i}`, name: `A${i}` })) });
    const replies = await Promise.all(Array.from({ length: 20 }, (_, i) => post(t, { AddressID: `addr_${i}` })));
    expect(replies.every((r) => r.status === 201)).toBe(true);
    expect(new Set(replies.map((r) => r.body.ID)).size).toBe(20);
    expect(await itemsOfType(t, 'InventoryRecord')).toHaveLength(20);
  });

  describe('errors, with nothing written', () => {
    let t: string;
    let other: string;
    beforeAll(async () => {
      t = await seedTenant(catalog());
      other = await seedTenant({
        name: 'Other',
        locations: [{ id: 'addr_other', name: 'Other' }],
        products: [{ id: 'prod_other', name: 'P', type: 'VARIABLE' as const, variants: [{ id: 'var_other', name: 'V' }] }],
      });
    });

    const expectNothingWritten = async (
      call: () => Promise<{ status: number; body: any }>,
      status: number,
      errorCode: string,
      data?: unknown,
    ) => {
      const before = [await tenantItems(t), await tenantItems(other)];
      const reply = await call();
      expect(reply.status, JSON.stringify(reply.body)).toBe(status);
      expect(reply.body).toMatchObject({ StatusCode: status, ErrorCode: errorCode });
      expect(reply.body.Errors[0].ErrorCode).toBe(errorCode);
      if (data !== undefined) expect(reply.body.Data).toEqual(data);
      expect([await tenantItems(t), await tenantItems(other)]).toEqual(before);
      return reply;
    };

    it('404 NotFound with ObjectType and ObjectID for a missing product, variant or address', async () => {
      await expectNothingWritten(() => post(t, { AddressID: 'addr_main' }, { product: 'nope' }), 404, 'NotFound', {
        ObjectType: 'Product',
        ObjectID: 'nope',
      });
      await expectNothingWritten(() => post(t, { AddressID: 'addr_main' }, { variant: 'nope' }), 404, 'NotFound', {
        ObjectType: 'Variant',
        ObjectID: 'nope',
      });
      await expectNothingWritten(() => post(t, { AddressID: 'nope' }), 404, 'NotFound', { ObjectType: 'Address', ObjectID: 'nope' });
    });

    it('404 for a variant of another product, and for an address of another owner', async () => {
      await expectNothingWritten(() => post(t, { AddressID: 'addr_main' }, { product: 'prod_2', variant: 'var_m' }), 404, 'NotFound', {
        ObjectType: 'Variant',
        ObjectID: 'var_m',
      });
      await expectNothingWritten(() => post(t, { AddressID: 'addr_supplier' }), 404, 'NotFound', {
        ObjectType: 'Address',
        ObjectID: 'addr_supplier',
      });
      await expectNothingWritten(() => post(t, { OwnerID: 'supplier_9', AddressID: 'addr_supplier' }), 404, 'NotFound', {
        ObjectType: 'Address',
        ObjectID: 'addr_supplier',
      });
    });

    it("404 for another tenant's product or address, as if they did not exist", async () => {
      await expectNothingWritten(
        () => post(t, { AddressID: 'addr_main' }, { product: 'prod_other', variant: 'var_other' }),
        404,
        'NotFound',
        { ObjectType: 'Product', ObjectID: 'prod_other' },
      );
      await expectNothingWritten(() => post(t, { AddressID: 'addr_other' }), 404, 'NotFound', {
        ObjectType: 'Address',
        ObjectID: 'addr_other',
      });
    });

    it('401 InvalidToken without a token, 403 InsufficientRoles without FullAccess or ProductAdmin', async () => {
      await expectNothingWritten(() => post(t, { AddressID: 'addr_main' }, { token: null }), 401, 'InvalidToken');
      await expectNothingWritten(
        () => post(t, { AddressID: 'addr_main' }, { token: tokenFor(t, { roles: ['Shopper'] }) }),
        403,
        'InsufficientRoles',
        { SufficientRoles: ['ProductAdmin', 'FullAccess'] },
      );
      await expectNothingWritten(
        () => post(t, { AddressID: 'addr_main' }, { token: tokenFor(t, { roles: [] }) }),
        403,
        'InsufficientRoles',
      );
      await expectNothingWritten(() => post(t, { AddressID: 'addr_main' }, { token: 'not.a.jwt' }), 401, 'InvalidToken');
      const admin = await post(t, { AddressID: 'addr_main' }, { token: tokenFor(t, { roles: ['ProductAdmin'], scope: '' }) });
      expect(admin.status).toBe(201);
      // Cognito groups count as roles too.
      const grouped = await post(
        t,
        { AddressID: 'addr_main' },
        { variant: 'var_l', token: tokenFor(t, { roles: [], scope: '', claims: { 'cognito:groups': ['ProductAdmin'] } }) },
      );
      expect(grouped.status).toBe(201);
    });

    it('400 listing every bad field: RequiredField for a missing one, InvalidRequest for the rest', async () => {
      const reply = await expectNothingWritten(
        () => post(t, { ID: 'has space', QuantityAvailable: 1.5, AllowAllBuyers: 'yes' }),
        400,
        'InvalidRequest',
      );
      const codes = reply.body.Errors.map((e: { ErrorCode: string; Data: { Field: string } }) => `${e.ErrorCode}:${e.Data.Field}`).sort();
      expect(codes).toEqual([
        'InvalidRequest:AllowAllBuyers',
        'InvalidRequest:ID',
        'InvalidRequest:QuantityAvailable',
        'RequiredField:AddressID',
      ]);
    });

    it('500 InternalServerError with nothing of the failure in it when the write fails unexpectedly', async () => {
      const stack = documentClient().middlewareStack;
      stack.add(
        (next, context) => async (args) => {
          // The record and its ID guard are written in one transaction.
          if (context.commandName === 'PutItemCommand' || context.commandName === 'TransactWriteItemsCommand')
            throw Object.assign(new Error('One or more parameter values were invalid'), { name: 'ValidationException' });
          return next(args);
        },
        { step: 'deserialize', name: 'unexpectedPutFailure' },
      );
      const log = vi.spyOn(console, 'error').mockImplementation(() => {});
      try {
        const reply = await expectNothingWritten(() => post(t, { ID: 'boom', AddressID: 'addr_main' }), 500, 'InternalServerError');
        expect(reply.body).toEqual({
          Errors: [{ ErrorCode: 'InternalServerError', Message: 'An unexpected error occurred.', Data: null }],
          StatusCode: 500,
          ErrorCode: 'InternalServerError',
          Message: 'An unexpected error occurred.',
          Data: null,
        });
        expect(log.mock.calls.some((args) => String(args[0]).includes('ValidationException'))).toBe(true);
      } finally {
        log.mockRestore();
        stack.remove('unexpectedPutFailure');
      }
    });

    it('400 InvalidRequest on QuantityAvailable below zero or above what a level holds (deliberately: the units are shared, and stock never goes below zero)', async () => {
      for (const QuantityAvailable of [-1, -1_000_000, -2_147_483_648, 2_147_483_647]) {
        const reply = await expectNothingWritten(
          () => post(t, { AddressID: 'addr_main', OrderCanExceed: true, QuantityAvailable }),
          400,
          'InvalidRequest',
          { Field: 'QuantityAvailable' },
        );
        expect(reply.body.Message).toMatch(/^QuantityAvailable: /);
      }
      await expectNothingWritten(() => post(t, { AddressID: 'addr_main', NotificationPoint: -1 }), 400, 'InvalidRequest', {
        Field: 'NotificationPoint',
      });
    });

    it('400 InvalidRequest for a QuantityAvailable outside the 32-bit integers', async () => {
      for (const QuantityAvailable of [-2_147_483_649, 2_147_483_648, -1e15]) {
        const reply = await expectNothingWritten(() => post(t, { AddressID: 'addr_main', QuantityAvailable }), 400, 'InvalidRequest');
        expect(reply.body.Errors.map((e: { Data: { Field: string } }) => e.Data.Field)).toEqual(['QuantityAvailable']);
      }
    });

    it('400 for an ID longer than 100 characters, a non-JSON or empty body', async () => {
      await expectNothingWritten(() => post(t, { ID: 'x'.repeat(101), AddressID: 'addr_main' }), 400, 'InvalidRequest');
      await expectNothingWritten(() => post(t, 'not json'), 400, 'InvalidRequest');
      await expectNothingWritten(() => post(t, undefined), 400, 'InvalidRequest');
    });
  });
});
