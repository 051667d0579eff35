import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { handler as createInventoryRecord } from '#functions/shopsynch/createInventoryRecord/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as exportHandler } from '#functions/admin/exportCatalog/handler';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import type { VariantUpdateStore } from '#shared/domain/variant';
import { updateVariant } from '#shared/domain/variantLifecycle';
import type { TenantFixture } from '#shared/store/fixtures';
import { documentClient, tableName } from '#shared/store/client';
import { keys } from '#shared/store/keys';
import { variantStore } from '#shared/store/variant';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor, uniqueId } from '#test/support/tenants';

const adminToken = (tenantId: string) => tokenFor(tenantId, { scope: 'inventory/admin' });

const importAs = (token: string, body: unknown, headers: Record<string, string> = {}) =>
  invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: { authorization: bearer(token), ...headers },
    body,
  });

const exportAs = (token: string, query?: string) =>
  invoke(exportHandler, {
    path: '/admin/catalog',
    routeKey: 'GET /admin/catalog',
    headers: { authorization: bearer(token) },
    ...(query ? { query } : {}),
  });

function catalog(tenantId: string): TenantFixture {
  return {
    id: tenantId,
    name: 'Admin test merchant',
    currency: 'eur',
    defaultLocationId: 'wh_a',
    stripe: { accountId: 'acct_admin1', syncRequired: false },
    locations: [
      { id: 'wh_a', name: 'Warehouse A', address: { city: 'Lagos', country: 'NG' } },
      { id: 'wh_b', name: 'Warehouse B' },
    ],
    vendors: [{ id: 'ven_1', name: 'Cotton Co' }],
    products: [
      { id: 'prod_mug', name: 'Mug', type: 'SIMPLE', warehouseIds: ['wh_a', 'wh_b'] },
      {
        id: 'prod_tee',
        name: 'Tee',
        type: 'VARIABLE',
        warehouseIds: ['wh_a'],
        variants: [
          { id: 'var_s', name: 'Tee / S', sku: 'TEE-S', attributes: { Size: 'S' } },
          { id: 'var_m', name: 'Tee / M', sku: 'TEE-M', attributes: { Size: 'M' } },
        ],
      },
    ],
    inventoryItems: [{ id: 'iitem_1', sku: 'TEE-S', title: 'Tee S', levels: [{ locationId: 'wh_a', stocked: 7 }] }],
  };
}

/** JSON.stringify's replacer that writes an object's keys in order, so that equal items give equal strings. */
const sortedKeys = (_key: string, value: unknown) =>
  value !== null && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)))
    : value;

/** Every item but the Idempotency-Key records, for comparing what an import changed. */
const catalogItems = async (tenantId: string) => (await tenantItems(tenantId)).filter((item) => item.type !== 'IdempotencyRecord');

describe('PUT /admin/catalog', () => {
  it('creates every entry of a new tenant, with a result per entry and zero stock records per warehouse (and SKU)', async () => {
    const tenantId = uniqueId('admin');
    const reply = await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    expect(reply.status).toBe(200);
    expect(reply.body.summary).toEqual({ created: 14, updated: 0, unchanged: 0, refused: 0 });
    expect(reply.body.results).toContainEqual({
      path: 'tenants[0].products[1].variants[1]',
      entity: 'variant',
      id: 'var_m',
      result: 'created',
    });
    expect(reply.body.results).toContainEqual({
      path: 'tenants[0].products[0].warehouseIds[1]',
      entity: 'stockRecord',
      id: 'prod_mug@wh_b',
      result: 'created',
    });
    expect(
      reply.body.results
        .filter((result: { entity: string }) => result.entity === 'stockRecord')
        .map((result: { id: string }) => result.id)
        .sort(),
    ).toEqual(['prod_mug@wh_a', 'prod_mug@wh_b', 'prod_tee/var_m@wh_a', 'prod_tee/var_s@wh_a']);
    // The ledger holds the item's level too (no product's: only Medusa shows it).
    const [itemLevel, ...stock] = (await itemsOfType(tenantId, 'StockRecord')).sort((a, b) =>
      a.productId === null ? -1 : b.productId === null ? 1 : 0,
    );
    expect(itemLevel).toMatchObject({ productId: null, inventoryItemId: 'iitem_1', locationId: 'wh_a', onHandQty: 7 });
    expect(stock).toHaveLength(4);
    expect(stock.every((record) => record.onHandQty === 0 && record.reservedQty === 0)).toBe(true);
    expect(stock.find((record) => record.variantId === 'var_m')).toMatchObject({
      productId: 'prod_tee',
      locationId: 'wh_a',
      attributes: { Size: 'M' },
    });
    expect((await itemsOfType(tenantId, 'SkuGuard')).map((guard) => guard.sku).sort()).toEqual(['TEE-M', 'TEE-S']);
    expect((await itemsOfType(tenantId, 'Tenant'))[0]).toMatchObject({
      name: 'Admin test merchant',
      currency: 'eur',
      defaultLocationId: 'wh_a',
      stripe: { accountId: 'acct_admin1', syncRequired: false },
    });
  });

  it('changes nothing when the same document comes again, and touches no existing stock record', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    // Stock counted since the import: a re-import must leave it as it is.
    const [record] = (await itemsOfType(tenantId, 'StockRecord')).filter(
      (item) => item.productId === 'prod_mug' && item.locationId === 'wh_a',
    );
    const { UpdateCommand } = await import('@aws-sdk/lib-dynamodb');
    const { db, table } = await import('#test/support/tenants');
    await db.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: record!.pk, sk: record!.sk },
        UpdateExpression: 'SET onHandQty = :q',
        ExpressionAttributeValues: { ':q': 42 },
      }),
    );
    const before = await catalogItems(tenantId);

    const again = await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    expect(again.status).toBe(200);
    expect(again.body.summary).toEqual({ created: 0, updated: 0, unchanged: 14, refused: 0 });
    expect(await catalogItems(tenantId)).toEqual(before);
  });

  it('updates what changed, moves a SKU guard with its variant, and leaves the rest unchanged', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    const changed = catalog(tenantId);
    changed.products![1]!.variants![0] = { id: 'var_s', name: 'Tee / Small', sku: 'TEE-SMALL', attributes: { Size: 'S' } };
    changed.locations![1] = { id: 'wh_b', name: 'Warehouse B (north)' };
    const reply = await importAs(adminToken(tenantId), { tenants: [changed] });
    expect(reply.body.summary).toEqual({ created: 0, updated: 2, unchanged: 12, refused: 0 });
    expect(
      reply.body.results.filter((result: { result: string }) => result.result === 'updated').map((result: { path: string }) => result.path),
    ).toEqual(['tenants[0].locations[1]', 'tenants[0].products[1].variants[0]']);
    expect((await itemsOfType(tenantId, 'SkuGuard')).map((guard) => guard.sku).sort()).toEqual(['TEE-M', 'TEE-SMALL']);
  });

  it('refuses a variant whose SKU another variant holds, and imports the rest', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    const thief = catalog(tenantId);
    thief.products!.push({ id: 'prod_copy', name: 'Copy', type: 'VARIABLE', variants: [{ id: 'var_copy', name: 'Copy', sku: 'TEE-M' }] });
    const reply = await importAs(adminToken(tenantId), { tenants: [thief] });
    expect(reply.status).toBe(200);
    expect(reply.body.results).toContainEqual({
      path: 'tenants[0].products[2].variants[0]',
      entity: 'variant',
      id: 'var_copy',
      result: 'refused',
      reason: 'SKU "TEE-M" is held by another variant',
    });
    expect(reply.body.results).toContainEqual({ path: 'tenants[0].products[2]', entity: 'product', id: 'prod_copy', result: 'created' });
    const guard = (await itemsOfType(tenantId, 'SkuGuard')).find((item) => item.sku === 'TEE-M');
    expect(guard).toMatchObject({ productId: 'prod_tee', variantId: 'var_m' });
    expect((await itemsOfType(tenantId, 'Variant')).map((variant) => variant.id)).not.toContain('var_copy');
  });

  it('lists every problem of an invalid document with its JSON path, and writes nothing', async () => {
    const tenantId = uniqueId('admin');
    const bad = {
      tenants: [
        { ...catalog(tenantId), currency: 'EUR', products: [{ id: 'p', name: 'P', type: 'BUNDLE', warehouseIds: ['wh_nowhere'] }] },
      ],
    };
    const reply = await importAs(adminToken(tenantId), bad);
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ type: 'urn:inventory-api:problem:validation', title: 'Invalid request', status: 422 });
    expect(reply.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'tenants[0].currency',
      'tenants[0].products[0].type',
    ]);
    const dangling = await importAs(adminToken(tenantId), {
      tenants: [{ ...catalog(tenantId), products: [{ id: 'p', name: 'P', type: 'SIMPLE', warehouseIds: ['wh_nowhere'] }] }],
    });
    expect(dangling.status).toBe(422);
    expect(dangling.body.errors).toEqual([{ path: 'tenants[0].products[0].warehouseIds[0]', message: 'no location with id "wh_nowhere"' }]);
    expect(await tenantItems(tenantId)).toEqual([]);
  });

  it('names the rule each invalid value breaks', async () => {
    const tenantId = uniqueId('admin');
    const reply = await importAs(adminToken(tenantId), {
      tenants: [{ ...catalog(tenantId), extra: true, products: [{ id: 'p', type: 'simple', variants: [{ id: 'v', name: '' }] }] }],
    });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual(
      expect.arrayContaining([
        { path: 'tenants[0].products[0].name', message: 'name is required' },
        { path: 'tenants[0].products[0].type', message: 'type must be one of SIMPLE, DIGITAL, VARIABLE' },
        { path: 'tenants[0].products[0].variants[0].name', message: 'name must not be empty' },
        { path: 'tenants[0]', message: '"extra" is not a field of tenants[0]' },
      ]),
    );
    expect(reply.body.errors).toHaveLength(4);
    expect(await tenantItems(tenantId)).toEqual([]);
  });

  it('refuses a whole export page, pointing at its catalog member, which imports as it is', async () => {
    const source = await seedTenant({ ...catalog('unused'), id: undefined });
    const page = (await exportAs(adminToken(source))).body;
    const target = uniqueId('admin');
    const moved = JSON.parse(JSON.stringify(page).replaceAll(source, target));

    const whole = await importAs(adminToken(target), moved);
    expect(whole.status).toBe(422);
    expect(whole.body.errors).toEqual([
      {
        path: '(root)',
        message: 'this is a page of the catalog export (GET /admin/catalog): send its "catalog" member, the document, instead',
      },
    ]);
    expect((await importAs(adminToken(target), moved.catalog)).status).toBe(200);
  });

  it('refuses, by path, what an import does not write (stock records with explicit IDs, reserved units, reservations) instead of dropping it', async () => {
    // Quantities, prices, options, links and OrderCloud records are imported (test/oneModel/importAll.test.ts).
    const tenantId = uniqueId('admin');
    const document = catalog(tenantId);
    const [, tee] = document.products!;
    const withExtras: TenantFixture = {
      ...document,
      products: [
        document.products![0]!,
        {
          ...tee!,
          variants: [{ ...tee!.variants![0]!, stock: [{ locationId: 'wh_a', onHand: 3, reserved: 1 }] }, tee!.variants![1]!],
        },
      ],
      stockRecords: [{ id: `inv_${'a'.repeat(32)}`, productId: 'prod_mug', warehouseId: 'wh_b', onHandQty: 4 }],
      inventoryItems: [
        {
          id: 'iitem_1',
          levels: [{ locationId: 'wh_a', stocked: 7, reserved: 2, reservations: [{ id: `resitem_${'0'.repeat(26)}`, quantity: 2 }] }],
        },
      ],
    };
    const reply = await importAs(adminToken(tenantId), { tenants: [withExtras] });
    expect(reply.status).toBe(422);
    expect(reply.body.errors.map((error: { path: string }) => error.path).sort()).toEqual([
      'tenants[0].inventoryItems[0].levels[0].reservations',
      'tenants[0].products[1].variants[0].stock[0].reserved',
      'tenants[0].stockRecords',
    ]);
    const messages = reply.body.errors.map((error: { message: string }) => error.message).join('\n');
    expect(messages).toMatch(/stock records with explicit IDs are not imported: the ledger names a level itself/);
    expect(messages).toMatch(/reserved units are not imported: the import sets on hand/);
    expect(messages).toMatch(/reservations are not imported: orders reserve through the APIs/);
    expect(await tenantItems(tenantId)).toEqual([]);
  });

  it('imports into the token’s tenant only: another tenant’s document is refused by path', async () => {
    const mine = uniqueId('admin');
    const other = uniqueId('admin');
    const reply = await importAs(adminToken(mine), { tenants: [catalog(other)] });
    expect(reply.status).toBe(422);
    expect(reply.body.errors).toEqual([{ path: 'tenants[0].id', message: expect.stringContaining('must be the tenant of the token') }]);
    expect(await tenantItems(other)).toEqual([]);
    expect(await tenantItems(mine)).toEqual([]);
  });

  it('asks for the admin permission: a writer token gets 403 and nothing is written', async () => {
    const tenantId = uniqueId('admin');
    const reply = await importAs(tokenFor(tenantId, { scope: 'inventory/write' }), { tenants: [catalog(tenantId)] });
    expect(reply.status).toBe(403);
    expect(reply.body).toMatchObject({ status: 403, title: 'Forbidden' });
    const read = await exportAs(tokenFor(tenantId, { scope: 'inventory/write' }));
    expect(read.status).toBe(403);
    expect(await tenantItems(tenantId)).toEqual([]);
  });

  it('refuses more entries than one request may hold, naming the limit', async () => {
    const tenantId = uniqueId('admin');
    const products = Array.from({ length: 1_001 }, (_, i) => ({ id: `p${i}`, name: `P${i}`, type: 'SIMPLE' as const }));
    const reply = await importAs(adminToken(tenantId), { tenants: [{ id: tenantId, name: 'Big', products }] });
    expect(reply.status).toBe(422);
    expect(reply.body.errors[0]).toMatchObject({ path: 'tenants', message: expect.stringContaining('at most 1000') });
    expect(await tenantItems(tenantId)).toEqual([]);
  });

  it('answers a retry with the same Idempotency-Key with the first answer', async () => {
    const tenantId = uniqueId('admin');
    const first = await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] }, { 'idempotency-key': 'import-1' });
    const retry = await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] }, { 'idempotency-key': 'import-1' });
    expect(retry.body).toEqual(first.body);
    expect(retry.headers['idempotent-replayed']).toBe('true');
  });

  it('and a DayZero update fence each other: an import between the update’s read and its write is kept, and so is the update', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    const created = await invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId },
      body: { product_id: 'prod_tee', name: 'Tee / L', sku: 'TEE-L', unit_price: 2000 },
    });
    expect(created.status).toBe(201);
    const renamed = catalog(tenantId);
    renamed.products![1]!.variants!.push({ id: created.body.id, name: 'Tee / Large', sku: 'TEE-L', attributes: {} });
    let imported: Awaited<ReturnType<typeof importAs>> | undefined;
    const importBetween: VariantUpdateStore = {
      ...variantStore,
      async replaceVariant(...args) {
        imported ??= await importAs(adminToken(tenantId), { tenants: [renamed] });
        return variantStore.replaceVariant(...args);
      },
    };

    const updated = await updateVariant(importBetween, tenantId, created.body.id, { unitPriceCents: 2500 });

    expect(imported!.body.results.find((result: { id: string }) => result.id === created.body.id)).toMatchObject({ result: 'updated' });
    expect(updated).toMatchObject({ name: 'Tee / Large', unitPriceCents: 2500 });
    const stored = (await itemsOfType(tenantId, 'Variant')).find((item) => item.id === created.body.id);
    expect(stored).toMatchObject({ name: 'Tee / Large', unitPriceCents: 2500, revision: 2 });
  });

  it('renames a variant synced to Stripe through the outbox, in the same write, and only once', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    // var_s as the Stripe sync leaves a synced variant: with its price ID.
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.variant(tenantId, 'prod_tee', 'var_s'),
        UpdateExpression: 'SET stripePriceId = :price',
        ExpressionAttributeValues: { ':price': 'price_tee_s' },
      }),
    );
    const renamed = catalog(tenantId);
    renamed.products![1]!.variants = [
      { id: 'var_s', name: 'Tee / Small', sku: 'TEE-S', attributes: { Size: 'S' } },
      { id: 'var_m', name: 'Tee / Medium', sku: 'TEE-M', attributes: { Size: 'M' } },
    ];

    const reply = await importAs(adminToken(tenantId), { tenants: [renamed] });
    const again = await importAs(adminToken(tenantId), { tenants: [renamed] });

    expect(reply.body.summary).toMatchObject({ updated: 2, refused: 0 });
    expect(again.body.summary).toMatchObject({ created: 0, updated: 0, refused: 0 });
    // var_m has no Stripe price: nothing to rename there.
    expect(await itemsOfType(tenantId, 'StripeChangeTask')).toEqual([
      expect.objectContaining({
        variantId: 'var_s',
        productId: 'prod_tee',
        revision: 2,
        renamed: true,
        variantName: 'Tee / Small',
        accountId: 'acct_admin1',
        currency: 'eur',
      }),
    ]);
    const variant = (await itemsOfType(tenantId, 'Variant')).find((item) => item.id === 'var_s');
    expect(variant).toMatchObject({ name: 'Tee / Small', revision: 2, stripePriceId: 'price_tee_s' });
  });

  it('gives a variant synced to Stripe a new price through the outbox when the import changes its unit price, and only once', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [catalog(tenantId)] });
    await documentClient().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.variant(tenantId, 'prod_tee', 'var_s'),
        UpdateExpression: 'SET stripePriceId = :price',
        ExpressionAttributeValues: { ':price': 'price_tee_s' },
      }),
    );
    const repriced = catalog(tenantId);
    repriced.products![1]!.variants = [
      { id: 'var_s', name: 'Tee / S', sku: 'TEE-S', attributes: { Size: 'S' }, unitPrice: 2500 },
      { id: 'var_m', name: 'Tee / M', sku: 'TEE-M', attributes: { Size: 'M' }, unitPrice: 2500 },
    ];

    const reply = await importAs(adminToken(tenantId), { tenants: [repriced] });
    const again = await importAs(adminToken(tenantId), { tenants: [repriced] });

    expect(reply.body.summary).toMatchObject({ updated: 2, refused: 0 });
    expect(again.body.summary).toMatchObject({ created: 0, updated: 0, refused: 0 });
    // var_m has no Stripe price: nothing to replace there.
    const [task, ...more] = await itemsOfType(tenantId, 'StripeChangeTask');
    expect(more).toEqual([]);
    expect(task).toMatchObject({ variantId: 'var_s', revision: 2, unitPriceCents: 2500, accountId: 'acct_admin1', currency: 'eur' });
    expect(task).not.toHaveProperty('renamed');
    const variant = (await itemsOfType(tenantId, 'Variant')).find((item) => item.id === 'var_s');
    expect(variant).toMatchObject({ unitPriceCents: 2500, revision: 2, stripePriceId: 'price_tee_s' });
  });

  it('stores every entity as the fixtures loader stores it: the same keys, index keys and attributes, stock and its names included', async () => {
    // Without warehouse lists: those make the import create stock records, which fixtures spell out instead.
    const document = (tenantId: string): TenantFixture => {
      const [mug, tee] = catalog(tenantId).products!.map(({ warehouseIds: _stocked, ...product }) => product);
      return {
        ...catalog(tenantId),
        merchantApiKeys: ['mk_same_either_way'],
        products: [
          { ...mug!, inventoryRecords: [{ id: 'rec-mug-a', addressId: 'wh_a', quantityAvailable: 2, xp: { aisle: 3 } }] },
          {
            ...tee!,
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
                ...tee!.variants![0]!,
                prices: [{ id: 'price_s', amount: 20, currency: 'eur', rules: { region: 'eu' } }],
                unitPrice: 2000,
                unitCost: 900,
                stock: [{ locationId: 'wh_a', onHand: 6 }],
                inventoryLinks: [{ id: 'pvitem_01JSAMEEITHERWAY0000000KIT', inventoryItemId: 'iitem_1', requiredQuantity: 2 }],
              },
              tee!.variants![1]!,
            ],
            inventoryRecords: [{ id: 'rec-m-b', variantId: 'var_m', addressId: 'wh_b', quantityAvailable: 4 }],
          },
        ],
      };
    };
    const loaded = await seedTenant({ ...document('unused'), id: undefined });
    const imported = uniqueId('admin');
    expect((await importAs(adminToken(imported), { tenants: [document(imported)] })).body.summary.refused).toBe(0);

    // Only the tenant, the times, the import's revisions, the IDs the ledger draws (the fixtures derive theirs
    // from the file), who wrote a movement and the reason of a quantity's first one (`import`) may differ.
    const comparable = async (tenantId: string) => {
      const items = await catalogItems(tenantId);
      const movementAlike = (item: Record<string, unknown>) => {
        if (item.type !== 'StockMovement') return item;
        const { by: _by, ...movement } = item;
        return { ...movement, reason: movement.reason === 'import' ? null : movement.reason };
      };
      // A count of OrderCloud records is compared by its count: the loader knows every record of a new
      // tenant's owners and writes each count exact (zeros too); the import adds to counts as any create does.
      const countAlike = (item: Record<string, unknown>) =>
        item.type === 'InventoryRecordCount' ? { pk: item.pk, sk: item.sk, type: item.type, recordCount: item.recordCount } : item;
      // The tenant's inventory item count is compared by its total: its shards follow the item IDs, which the
      // import draws for the own items; only the loader, which writes every item, marks the count exact.
      const itemCount = items.reduce((sum, item) => sum + (item.type === 'ItemCount' ? Number(item.itemCount ?? 0) : 0), 0);
      return [...items.filter((item) => item.type !== 'ItemCount'), { type: 'ItemCount', itemCount }]
        .filter((item) => item.type !== 'InventoryRecordCount' || item.recordCount !== 0)
        .map(({ rev: _rev, revision: _revision, ...item }) => JSON.stringify(countAlike(movementAlike(item)), sortedKeys))
        .map((item) =>
          item
            .replaceAll(tenantId, 'TENANT')
            .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'AT')
            .replace(/\b(iitem|pvitem|ilev)_[0-9A-Z]{26}\b/g, (id: string, prefix: string) => (id.endsWith('KIT') ? id : `${prefix}_ID`))
            .replace(/\binv_[0-9a-f]{32}\b/g, 'inv_ID'),
        )
        .sort();
    };
    expect(await comparable(imported)).toEqual(await comparable(loaded));
  });

  it('lets the vendor routes use what it imported: a stock record the import made is the one ShopSynch refuses to duplicate', async () => {
    const tenantId = uniqueId('admin');
    await importAs(adminToken(tenantId), { tenants: [{ ...catalog(tenantId), merchantApiKeys: ['mk_admin_import_key'] }] });
    const reply = await invoke(createInventoryRecord, {
      path: '/v1/inventory',
      routeKey: 'POST /v1/inventory',
      headers: { authorization: bearer(tokenFor(tenantId)), 'x-merchantapikey': 'mk_admin_import_key' },
      body: { productId: 'prod_mug', warehouseId: 'wh_b', initialQty: 5 },
    });
    expect(reply.status).toBe(409);
  });
});

describe('GET /admin/catalog', () => {
  it('exports a catalog that imports into another tenant as the same catalog (round trip), page by page', async () => {
    const source = await seedTenant({ ...catalog('unused'), id: undefined, merchantApiKeys: ['mk_never_exported'] });
    const target = uniqueId('admin');
    const pages = async (tenantId: string) => {
      const documents = [];
      let cursor: string | null = null;
      do {
        const reply: Awaited<ReturnType<typeof exportAs>> = await exportAs(
          adminToken(tenantId),
          `limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(reply.status).toBe(200);
        documents.push(reply.body.catalog);
        cursor = reply.body.nextCursor;
      } while (cursor);
      return documents;
    };
    const exported = await pages(source);
    // A vendor, two products and an inventory item, one per page, and the last page tells there is no more.
    expect(exported.length).toBeGreaterThanOrEqual(4);
    expect(exported.every((page) => page.tenants[0].locations.length === 2 && page.tenants[0].merchantApiKeys === undefined)).toBe(true);
    // The key is exported as its stored digest only, never as the key.
    const keyItems = exported[0].tenants[0].stored
      .flatMap((group: any) => group.items)
      .filter((item: any) => item.type === 'MerchantApiKey');
    expect(keyItems).toHaveLength(1);
    expect(JSON.stringify(exported)).not.toContain('mk_never_exported');
    for (const page of exported) {
      const moved = JSON.parse(JSON.stringify(page).replaceAll(source, target));
      const reply = await importAs(adminToken(target), moved);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.summary.refused).toBe(0);
    }
    const merged = (documents: any[]) => {
      const [first] = documents;
      // The run (restore) and the stored items are compared by test/backupRestore.test.ts; here the sections.
      const { restore: _run, stored: _stored, ...sections } = first.tenants[0];
      const tenant = { ...sections, id: 'x', vendors: [] as unknown[], products: [] as unknown[], inventoryItems: [] as unknown[] };
      for (const document of documents) {
        tenant.vendors.push(...document.tenants[0].vendors);
        tenant.products.push(...document.tenants[0].products);
        tenant.inventoryItems.push(...document.tenants[0].inventoryItems);
      }
      return tenant;
    };
    const reexported = merged(await pages(target));
    expect(reexported).toEqual(JSON.parse(JSON.stringify(merged(exported)).replaceAll(source, target)));
    expect(reexported.products.find((product: { id: string }) => product.id === 'prod_tee').variants).toHaveLength(2);
    expect(reexported.inventoryItems[0].levels).toEqual([{ locationId: 'wh_a', stocked: 7, reserved: 0, incoming: 0 }]);
  });

  it('refuses a cursor it did not hand out, or one of another tenant, in the problem envelope', async () => {
    const tenantId = await seedTenant({
      name: 'Cursor tenant',
      products: [
        { id: 'p1', name: 'P1', type: 'SIMPLE' },
        { id: 'p2', name: 'P2', type: 'SIMPLE' },
      ],
    });
    const other = await seedTenant({
      name: 'Other tenant',
      products: [
        { id: 'p1', name: 'P1', type: 'SIMPLE' },
        { id: 'p2', name: 'P2', type: 'SIMPLE' },
      ],
    });
    const theirs = (await exportAs(adminToken(other), 'limit=1')).body.nextCursor as string;
    for (const cursor of ['nonsense', Buffer.from('{"pk":1}').toString('base64url'), theirs]) {
      const reply = await exportAs(adminToken(tenantId), `cursor=${encodeURIComponent(cursor)}`);
      expect(reply.status, cursor).toBe(422);
      expect(reply.body.errors).toEqual([{ path: 'query.cursor', message: 'is not a cursor of this catalog export' }]);
    }
  });

  it('answers 404 for a tenant with nothing imported yet', async () => {
    const reply = await exportAs(adminToken(uniqueId('admin')));
    expect(reply.status).toBe(404);
  });
});
