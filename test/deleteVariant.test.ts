import { beforeAll, describe, expect, it } from 'vitest';
import { handler as adjust } from '#functions/dayzero/createAdjustment/handler';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as getVariant } from '#functions/dayzero/getVariant/handler';
import { handler } from '#functions/dayzero/deleteVariant/handler';
import { invoke } from '#test/support/http';
import { bearer, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const catalog = () => ({
  name: 'DayZero business',
  defaultLocationId: 'loc_main',
  locations: [{ id: 'loc_main', name: 'Main' }],
  products: [{ id: 'prod_coffee', name: 'House Blend', type: 'VARIABLE' as const }],
});

const headersFor = (tenantId: string, extra: Record<string, string | undefined> = {}) => ({
  authorization: bearer(tokenFor(tenantId)),
  'x-business-id': tenantId,
  ...extra,
});
const remove = (tenantId: string, id: string, query?: string, headers: Record<string, string | undefined> = {}) =>
  invoke(handler, {
    path: `/api/v1/inventory/products/variants/${id}`,
    routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
    pathParameters: { id },
    ...(query ? { query } : {}),
    headers: headersFor(tenantId, headers),
  });
const create = async (tenantId: string, body: Record<string, unknown>) =>
  (
    await invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: headersFor(tenantId),
      body,
    })
  ).body.id as string;
const get = (tenantId: string, id: string) =>
  invoke(getVariant, {
    path: `/api/v1/inventory/products/variants/${id}`,
    routeKey: 'GET /api/v1/inventory/products/variants/{id}',
    pathParameters: { id },
    headers: headersFor(tenantId),
  });
/**
 * The variant and everything of its stock record (the record, its guard and its history name the record's ID), with its
 * own inventory item (which names its owner), the item's link and its Medusa level (which names the record).
 */
const ofVariant = async (tenantId: string, id: string) =>
  (await tenantItems(tenantId)).filter(
    (item) =>
      item.id === id ||
      item.variantId === id ||
      (item.owner as { variantId?: string } | undefined)?.variantId === id ||
      item.recordId === `inv_${id.replaceAll('-', '')}` ||
      item.stockRecordId === `inv_${id.replaceAll('-', '')}`,
  );

describe('DELETE /api/v1/inventory/products/variants/{id}', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('archives by default: the variant stays, archived, and keeps its SKU', async () => {
    const id = await create(tenantId, { product_id: 'prod_coffee', name: 'Old', sku: 'OLD-1' });
    expect(await remove(tenantId, id)).toMatchObject({
      status: 200,
      body: { success: true, message: 'Variant archived', code: 'VARIANT_ARCHIVED' },
    });
    expect(await remove(tenantId, id, 'permanent=false')).toMatchObject({ status: 200, body: { code: 'VARIANT_ARCHIVED' } });
    expect(await get(tenantId, id)).toMatchObject({ status: 200, body: { archived: true, sku: 'OLD-1' } });
    expect((await ofVariant(tenantId, id)).map((item) => item.type).sort()).toEqual([
      'InventoryItem',
      'ItemLinkCopy',
      'LocationLevel',
      'SkuGuard',
      'StockGuard',
      'StockMovement',
      'StockRecord',
      'Variant',
      'VariantIdGuard',
      'VariantInventoryLink',
    ]);
  });

  it('permanent=true deletes the variant, its SKU guard and its empty stock record with its guard and history', async () => {
    const id = await create(tenantId, { product_id: 'prod_coffee', name: 'Gone', sku: 'GONE-1' });
    expect((await ofVariant(tenantId, id)).map((item) => item.type).sort()).toEqual([
      'InventoryItem',
      'ItemLinkCopy',
      'LocationLevel',
      'SkuGuard',
      'StockGuard',
      'StockMovement',
      'StockRecord',
      'Variant',
      'VariantIdGuard',
      'VariantInventoryLink',
    ]);
    expect(await remove(tenantId, id, 'permanent=true')).toMatchObject({
      status: 200,
      body: { success: true, message: 'Variant permanently deleted', code: 'VARIANT_DELETED' },
    });
    expect(await ofVariant(tenantId, id)).toEqual([]);
    expect(await get(tenantId, id)).toMatchObject({ status: 404 });
    expect(await remove(tenantId, id, 'permanent=true')).toMatchObject({ status: 404, body: { detail: 'Variant not found' } });
    expect(await create(tenantId, { product_id: 'prod_coffee', name: 'Reuse', sku: 'GONE-1' })).toEqual(expect.any(String));
  });

  it('refuses permanent=true while stock is on hand or after any adjustment (400), changing nothing', async () => {
    const stocked = await create(tenantId, { product_id: 'prod_coffee', name: 'Stocked', initial_inventory_quantity: 3 });
    const adjusted = await create(tenantId, { product_id: 'prod_coffee', name: 'Adjusted' });
    const post = (body: unknown) =>
      invoke(adjust, {
        path: '/api/v1/inventory/adjustments',
        routeKey: 'POST /api/v1/inventory/adjustments',
        headers: headersFor(tenantId),
        body,
      });
    expect((await post({ variant_id: adjusted, quantity_change: 2, reason: 'found' })).status).toBe(201);
    expect((await post({ variant_id: adjusted, quantity_change: -2, reason: 'theft' })).status).toBe(201);
    const before = await tenantItems(tenantId);
    for (const id of [stocked, adjusted]) {
      expect(await remove(tenantId, id, 'permanent=1')).toMatchObject({
        status: 400,
        body: { detail: 'Variant has stock movements or links; archive it instead of deleting it permanently' },
      });
    }
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('still refuses permanent=true after an adjusted variant moved to another product', async () => {
    const t = await seedTenant({
      ...catalog(),
      products: [...catalog().products, { id: 'prod_tea', name: 'Tea', type: 'VARIABLE' as const }],
    });
    const id = await create(t, { product_id: 'prod_coffee', name: 'Moved' });
    const post = (body: unknown) =>
      invoke(adjust, {
        path: '/api/v1/inventory/adjustments',
        routeKey: 'POST /api/v1/inventory/adjustments',
        headers: headersFor(t),
        body,
      });
    expect((await post({ variant_id: id, quantity_change: 1, reason: 'found' })).status).toBe(201);
    expect((await post({ variant_id: id, quantity_change: -1, reason: 'theft' })).status).toBe(201);
    const { handler: update } = await import('#functions/dayzero/updateVariant/handler');
    const moved = await invoke(update, {
      path: `/api/v1/inventory/products/variants/${id}`,
      routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
      pathParameters: { id },
      headers: headersFor(t),
      body: { product_id: 'prod_tea' },
    });
    expect(moved.status).toBe(200);
    expect(await remove(t, id, 'permanent=true')).toMatchObject({ status: 400 });
  });

  it('403 without the write permission, 422 for a permanent that is no boolean', async () => {
    const id = await create(tenantId, { product_id: 'prod_coffee', name: 'Kept' });
    expect(await remove(tenantId, id, undefined, { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read' })) })).toMatchObject(
      { status: 403 },
    );
    const invalid = await remove(tenantId, id, 'permanent=maybe');
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail[0]).toMatchObject({ type: 'enum', loc: ['query', 'permanent'] });
    expect(await get(tenantId, id)).toMatchObject({ body: { archived: false } });
  });
});
