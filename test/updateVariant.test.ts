import { beforeAll, describe, expect, it } from 'vitest';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as getVariant } from '#functions/dayzero/getVariant/handler';
import { handler } from '#functions/dayzero/updateVariant/handler';
import { invoke } from '#test/support/http';
import { keys, stockKeys } from '#shared/store/keys';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

const catalog = () => ({
  name: 'DayZero business',
  defaultLocationId: 'loc_main',
  locations: [{ id: 'loc_main', name: 'Main' }],
  vendors: [{ id: 'vendor_1', name: 'Roaster' }],
  products: [
    { id: 'prod_coffee', name: 'House Blend', type: 'VARIABLE' as const, variants: [{ id: 'var_taken', name: 'Taken', sku: 'TAKEN-1' }] },
    { id: 'prod_tea', name: 'Green Tea', type: 'VARIABLE' as const },
  ],
  inventoryItems: [{ id: 'item_bag', title: 'Bag' }],
});

const headersFor = (tenantId: string, extra: Record<string, string | undefined> = {}) => ({
  authorization: bearer(tokenFor(tenantId)),
  'x-business-id': tenantId,
  ...extra,
});

const put = (tenantId: string, id: string, body: unknown, headers: Record<string, string | undefined> = {}) =>
  invoke(handler, {
    path: `/api/v1/inventory/products/variants/${encodeURIComponent(id)}`,
    routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
    pathParameters: { id },
    headers: headersFor(tenantId, headers),
    body,
  });

const create = (tenantId: string, body: Record<string, unknown>) =>
  invoke(createVariant, {
    path: '/api/v1/inventory/products/variants',
    routeKey: 'POST /api/v1/inventory/products/variants',
    headers: headersFor(tenantId),
    body,
  });

const get = (tenantId: string, id: string) =>
  invoke(getVariant, {
    path: `/api/v1/inventory/products/variants/${id}`,
    routeKey: 'GET /api/v1/inventory/products/variants/{id}',
    pathParameters: { id },
    headers: headersFor(tenantId),
  });

describe('PUT /api/v1/inventory/products/variants/{id}', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('changes only the fields given, recomputes the margins, and GET reads the same', async () => {
    const created = await create(tenantId, {
      product_id: 'prod_coffee',
      name: 'Large',
      sku: 'HB-L',
      unit_price: 2000,
      unit_cost: 1000,
      uom: 'KG',
      initial_inventory_quantity: 7,
    });
    const reply = await put(tenantId, created.body.id, {
      name: 'Large - Dark',
      unit_price: 2500,
      unit_cost: null,
      barcode: '4006381333931',
      default_vendor_id: 'vendor_1',
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      ...created.body,
      name: 'Large - Dark',
      unit_price: 2500,
      price: 25,
      unit_cost: null,
      cost: null,
      default_vendor_id: 'vendor_1',
      margin_cents: 2500,
      margin_percentage: 100,
      updated_at: expect.any(String),
    });
    expect(await get(tenantId, created.body.id)).toMatchObject({ status: 200, body: reply.body });
    const stored = (await itemsOfType(tenantId, 'Variant')).find((item) => item.id === created.body.id);
    expect(stored).toMatchObject({
      name: 'Large - Dark',
      unitPriceCents: 2500,
      unitCostCents: null,
      barcode: '4006381333931',
      uom: 'KG',
      revision: 1,
    });
  });

  it('releases the old SKU and claims the new one in one transaction', async () => {
    const created = await create(tenantId, { product_id: 'prod_coffee', name: 'Medium', sku: 'HB-M' });
    expect(await put(tenantId, created.body.id, { sku: 'HB-M-2' })).toMatchObject({ status: 200, body: { sku: 'HB-M-2' } });
    const guards = await itemsOfType(tenantId, 'SkuGuard');
    expect(guards.filter((guard) => guard.sku === 'HB-M')).toEqual([]);
    expect(guards.filter((guard) => guard.sku === 'HB-M-2')).toEqual([expect.objectContaining({ variantId: created.body.id })]);
    expect((await create(tenantId, { product_id: 'prod_coffee', name: 'Reuse', sku: 'HB-M' })).status).toBe(201);
    expect(await put(tenantId, created.body.id, { sku: null })).toMatchObject({ status: 200, body: { sku: null } });
    expect((await itemsOfType(tenantId, 'SkuGuard')).filter((guard) => guard.sku === 'HB-M-2')).toEqual([]);
  });

  it('409 for a taken SKU, and nothing changes', async () => {
    const created = await create(tenantId, { product_id: 'prod_coffee', name: 'Small', sku: 'HB-S' });
    const before = await tenantItems(tenantId);
    const reply = await put(tenantId, created.body.id, { sku: 'TAKEN-1', name: 'Renamed' });
    expect(reply).toMatchObject({ status: 409, body: { detail: 'Variant with same SKU already exists' } });
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('lets exactly one of 50 concurrent SKU changes to one free SKU win; the others keep their own SKUs', async () => {
    const t = await seedTenant(catalog());
    const ids = (
      await Promise.all(Array.from({ length: 50 }, (_, i) => create(t, { product_id: 'prod_coffee', name: `V${i}`, sku: `OWN-${i}` })))
    ).map((reply) => reply.body.id as string);
    const replies = await Promise.all(ids.map((id) => put(t, id, { sku: 'FREE-1' })));
    expect(replies.filter((reply) => reply.status === 200)).toHaveLength(1);
    expect(replies.filter((reply) => reply.status === 409)).toHaveLength(49);
    const winner = ids[replies.findIndex((reply) => reply.status === 200)];
    const guards = await itemsOfType(t, 'SkuGuard');
    expect(guards.filter((guard) => guard.sku === 'FREE-1')).toEqual([expect.objectContaining({ variantId: winner })]);
    expect(guards.filter((guard) => String(guard.sku).startsWith('OWN-'))).toHaveLength(49);
    const variants = await itemsOfType(t, 'Variant');
    expect(variants.filter((variant) => variant.sku === 'FREE-1').map((variant) => variant.id)).toEqual([winner]);
  }, 60_000);

  it('moves the variant with its stock and SKU to another product', async () => {
    const created = await create(tenantId, { product_id: 'prod_coffee', name: 'Mover', sku: 'MOVE-1', initial_inventory_quantity: 5 });
    const reply = await put(tenantId, created.body.id, { product_id: 'prod_tea' });
    expect(reply).toMatchObject({
      status: 200,
      body: { product_id: 'prod_tea', product_name: 'Green Tea', sku: 'MOVE-1', inventory: { on_hand: 5, location_id: 'loc_main' } },
    });
    const all = await tenantItems(tenantId);
    const items = all.filter((item) => item.variantId === created.body.id || item.id === created.body.id);
    const record = items.find((item) => item.type === 'StockRecord')!;
    const link = items.find((item) => item.type === 'VariantInventoryLink')!;
    expect(items.map((item) => [item.type, item.pk]).sort()).toEqual(
      [
        // The link's copy in its item's partition, by which the item's delete finds it, names the new product.
        ['ItemLinkCopy', keys.inventoryItem(tenantId, link.inventoryItemId as string).pk],
        ['SkuGuard', `TENANT#${tenantId}#SKU#MOVE-1`],
        ['StockRecord', stockKeys.record(tenantId, record.id as string).pk],
        ['Variant', `TENANT#${tenantId}#PRODUCT#prod_tea`],
        ['VariantIdGuard', `TENANT#${tenantId}#VARIANTID#${created.body.id}`],
        // The link to its own inventory item moves with it (the item names its new product as owner).
        ['VariantInventoryLink', `TENANT#${tenantId}#PRODUCT#prod_tea`],
      ].sort(),
    );
    expect(items.find((item) => item.type === 'ItemLinkCopy')).toMatchObject({ productId: 'prod_tea' });
    expect(all.find((item) => item.type === 'InventoryItem' && item.id === link.inventoryItemId)).toMatchObject({
      owner: { productId: 'prod_tea', variantId: created.body.id },
    });
    expect(items.find((item) => item.type === 'SkuGuard')).toMatchObject({ productId: 'prod_tea' });
    // The variant's ID stays its own, now under the new product.
    expect(items.find((item) => item.type === 'VariantIdGuard')).toMatchObject({ productId: 'prod_tea' });
    // The record keeps its ID, version and history; its guard and index keys follow the variant to the new product.
    expect(record).toMatchObject({
      productId: 'prod_tea',
      onHandQty: 5,
      version: 1,
      stockByProductSk: expect.stringMatching(/^prod_tea#/),
    });
    const guards = all.filter((item) => item.type === 'StockGuard' && item.recordId === record.id);
    expect(guards.map((item) => [item.pk, item.sk])).toEqual([
      [keys.stock(tenantId, 'prod_tea', created.body.id, 'loc_main').pk, keys.stock(tenantId, 'prod_tea', created.body.id, 'loc_main').sk],
    ]);
    expect(all.filter((item) => item.type === 'StockMovement' && item.recordId === record.id)).toHaveLength(1);
    expect(await get(tenantId, created.body.id)).toMatchObject({
      status: 200,
      body: { product_id: 'prod_tea', inventory: { on_hand: 5 } },
    });
  });

  it('moves a variant with its inventory item links: they name the new product, nothing stays under the old one', async () => {
    const created = await create(tenantId, { product_id: 'prod_coffee', name: 'Linked' });
    const { handler: link } = await import('#functions/medusa/linkVariantInventoryItem/handler');
    const linked = await invoke(link, {
      path: `/admin/products/prod_coffee/variants/${created.body.id}/inventory-items`,
      routeKey: 'POST /admin/products/{id}/variants/{variant_id}/inventory-items',
      pathParameters: { id: 'prod_coffee', variant_id: created.body.id },
      headers: { authorization: bearer(tokenFor(tenantId)) },
      body: { inventory_item_id: 'item_bag', required_quantity: 2 },
    });
    expect(linked.status).toBe(200);
    expect(await put(tenantId, created.body.id, { product_id: 'prod_tea' })).toMatchObject({
      status: 200,
      body: { product_id: 'prod_tea' },
    });
    const links = (await itemsOfType(tenantId, 'VariantInventoryLink')).filter((item) => item.variantId === created.body.id);
    expect(links.map((item) => [item.pk, item.inventoryItemId, item.requiredQuantity])).toEqual(
      expect.arrayContaining([[keys.product(tenantId, 'prod_tea').pk, 'item_bag', 2]]),
    );
    expect(links.filter((item) => item.pk === keys.product(tenantId, 'prod_coffee').pk)).toEqual([]);
  });

  it('404 for an unknown variant, product or vendor; 403 without the write permission; 422 with every failing field', async () => {
    const created = await create(tenantId, { product_id: 'prod_coffee', name: 'Errors' });
    const before = await tenantItems(tenantId);
    expect(await put(tenantId, 'var_nope', { name: 'x' })).toMatchObject({ status: 404, body: { detail: 'Variant not found' } });
    expect(await put(tenantId, created.body.id, { product_id: 'prod_nope' })).toMatchObject({
      status: 404,
      body: { detail: 'Product not found' },
    });
    expect(await put(tenantId, created.body.id, { default_vendor_id: 'vendor_nope' })).toMatchObject({
      status: 404,
      body: { detail: 'Vendor not found' },
    });
    expect(
      await put(tenantId, created.body.id, { name: 'x' }, { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read' })) }),
    ).toMatchObject({ status: 403 });
    const invalid = await put(tenantId, created.body.id, { name: '', unit_price: -1, archived: 'yes', product_id: null });
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail.map((entry: { loc: unknown[] }) => entry.loc)).toEqual([
      ['body', 'product_id'],
      ['body', 'name'],
      ['body', 'unit_price'],
      ['body', 'archived'],
    ]);
    expect(await tenantItems(tenantId)).toEqual(before);
  });
});
