import { Configuration, InventoryRecords, Tokens, type OrderCloudError } from 'ordercloud-javascript-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalApi } from '#test/support/localApi';
import { itemsOfType, seedTenant, tokenFor } from '#test/support/tenants';

/** The official SDK, unchanged except for its base URL: it calls /v1/products/... */
describe('ordercloud-javascript-sdk against the local API', () => {
  let api: Awaited<ReturnType<typeof startLocalApi>>;
  let tenantId: string;
  beforeAll(async () => {
    api = await startLocalApi();
    tenantId = await seedTenant({
      name: 'SDK marketplace',
      locations: [{ id: 'addr_sdk', name: 'SDK', address: { city: 'Lagos', country: 'NG' } }],
      products: [{ id: 'prod_sdk', name: 'P', type: 'VARIABLE', variants: [{ id: 'var_sdk', name: 'V' }] }],
    });
    Configuration.Set({ baseApiUrl: api.baseUrl });
    Tokens.SetAccessToken(tokenFor(tenantId));
  });
  afterAll(() => api.close());

  it('creates a record with InventoryRecords.CreateVariant', async () => {
    expect(Configuration.Get().apiVersion).toBe('v1');
    const record = await InventoryRecords.CreateVariant('prod_sdk', 'var_sdk', {
      ID: 'sdk-1',
      AddressID: 'addr_sdk',
      QuantityAvailable: 7,
    });
    expect(record).toMatchObject({
      ID: 'sdk-1',
      AddressID: 'addr_sdk',
      QuantityAvailable: 7,
      AllowAllBuyers: true,
      Address: { ID: 'addr_sdk', City: 'Lagos', Country: 'NG' },
    });
    expect(await itemsOfType(tenantId, 'InventoryRecord')).toHaveLength(1);
  });

  it('gets an OrderCloudError 409 IdExists for a duplicate ID', async () => {
    const error = await InventoryRecords.CreateVariant('prod_sdk', 'var_sdk', { ID: 'sdk-1', AddressID: 'addr_sdk' }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ name: 'OrderCloudError', isOrderCloudError: true, status: 409, errorCode: 'IdExists' });
  });

  it('gets an OrderCloudError 404 NotFound for an unknown address', async () => {
    const error = await InventoryRecords.CreateVariant('prod_sdk', 'var_sdk', { AddressID: 'addr_nowhere' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'OrderCloudError', isOrderCloudError: true, status: 404, errorCode: 'NotFound' });
    expect((error as OrderCloudError).errors?.[0]?.Data).toEqual({ ObjectType: 'Address', ObjectID: 'addr_nowhere' });
  });
});
