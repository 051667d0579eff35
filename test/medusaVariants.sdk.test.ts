import { FetchError } from '@medusajs/js-sdk';
import { describe, expect, it } from 'vitest';
import { medusaSdk } from '#test/support/medusaSdk';
import { medusaCatalog } from '#test/support/medusaCatalog';
import { itemsOfType } from '#test/support/tenants';

/** The official Medusa JS SDK, unchanged, against the local API serving the variant routes around the link. */
describe('@medusajs/js-sdk against the variant and link routes', () => {
  const medusa = medusaSdk(medusaCatalog());

  it('admin.product.retrieveVariant reads the variant, shaped by fields', async () => {
    const { variant } = await medusa.sdk.admin.product.retrieveVariant(
      'prod_kit',
      'variant_std',
      { fields: '+*inventory_items' },
      medusa.headers,
    );
    expect(variant).toMatchObject({
      id: 'variant_std',
      prices: [expect.objectContaining({ amount: 120, currency_code: 'usd' })],
      options: [expect.objectContaining({ id: 'optval_std' })],
    });
    expect(variant.inventory_items).toHaveLength(2);
  });

  it('admin.product.listVariants pages and computes +inventory_quantity', async () => {
    const page = await medusa.sdk.admin.product.listVariants(
      'prod_kit',
      { fields: '+inventory_quantity', order: 'title', limit: 2, offset: 1 },
      medusa.headers,
    );
    expect(page).toMatchObject({ count: 3, offset: 1, limit: 2 });
    expect(
      (page.variants as { id: string; inventory_quantity?: number }[]).map((variant) => [variant.id, variant.inventory_quantity]),
    ).toEqual([
      ['variant_pro', 0],
      ['variant_std', 6],
    ]);
  });

  // The js-sdk writes an array as `id[0]=…&id[1]=…` and an operator as `created_at[$nin][0]=…`: Medusa 2.21.2 matches any value.
  it('admin.product.listVariants filters by lists of IDs and SKUs, and $nin on created_at', async () => {
    const ids = async (query: Record<string, unknown>) =>
      (
        (await medusa.sdk.admin.product.listVariants('prod_kit', { fields: 'id', order: 'id', ...query } as never, medusa.headers))
          .variants as { id: string }[]
      ).map((variant) => variant.id);
    expect(await ids({ id: ['variant_std', 'variant_mini'] })).toEqual(['variant_mini', 'variant_std']);
    expect(await ids({ sku: ['KIT-PRO'] })).toEqual(['variant_pro']);
    expect(await ids({ created_at: { $nin: ['2020-01-01T00:00:00Z'] } })).toEqual(['variant_mini', 'variant_pro', 'variant_std']);
  });

  it('admin.product.batchVariantInventoryItems writes the batch and answers {created, updated, deleted}', async () => {
    const result = await medusa.sdk.admin.product.batchVariantInventoryItems(
      'prod_kit',
      {
        create: [{ variant_id: 'variant_mini', inventory_item_id: 'iitem_cup', required_quantity: 2 }],
        update: [{ variant_id: 'variant_pro', inventory_item_id: 'iitem_grinder', required_quantity: 3 }],
      },
      {},
      medusa.headers,
    );
    // Medusa 2.21.2 echoes the batch by pairs, without link IDs.
    expect(result).toEqual({
      created: [{ product: { variant_id: 'variant_mini' }, inventory: { inventory_item_id: 'iitem_cup' }, data: { required_quantity: 2 } }],
      updated: [
        { product: { variant_id: 'variant_pro' }, inventory: { inventory_item_id: 'iitem_grinder' }, data: { required_quantity: 3 } },
      ],
      deleted: [],
    });
  });

  it('client.fetch updates a link, then deletes it', async () => {
    const path = '/admin/products/prod_kit/variants/variant_std/inventory-items/iitem_cup';
    const updated = await medusa.sdk.client.fetch<{ variant: { id: string } }>(path, {
      method: 'POST',
      body: { required_quantity: 3 },
      headers: medusa.headers,
    });
    expect(updated.variant.id).toBe('variant_std');
    const deleted = await medusa.sdk.client.fetch<{ id: unknown; object: string; deleted: boolean }>(path, {
      method: 'DELETE',
      headers: medusa.headers,
    });
    // Medusa 2.21.2 names the removed link by its pair.
    expect(deleted).toMatchObject({
      id: { product: { variant_id: 'variant_std' }, inventory: { inventory_item_id: 'iitem_cup' } },
      object: 'variant-inventory-item-link',
      deleted: true,
    });
    expect((await itemsOfType(medusa.tenantId, 'VariantInventoryLink')).map((link) => link.sk)).not.toContain(
      'VARIANT#variant_std#INVLINK#iitem_cup',
    );
    // Medusa 2.21.2 answers a second delete as the first, removing nothing.
    expect(await medusa.sdk.client.fetch(path, { method: 'DELETE', headers: medusa.headers })).toEqual(deleted);
  });
});

describe('@medusajs/js-sdk client.fetch against the location level routes', () => {
  const medusa = medusaSdk(medusaCatalog());

  it('lists, creates, updates and removes levels; a level holding units is refused with FetchError 400', async () => {
    const levels = '/admin/inventory-items/iitem_cup/location-levels';
    const listed = await medusa.sdk.client.fetch<{ inventory_levels: { location_id: string }[]; count: number }>(levels, {
      query: { location_id: 'sloc_west' },
      headers: medusa.headers,
    });
    expect(listed).toMatchObject({ count: 1, inventory_levels: [{ location_id: 'sloc_west' }] });

    const created = await medusa.sdk.client.fetch<{ inventory_item: { location_levels: unknown[] } }>(
      '/admin/inventory-items/iitem_empty/location-levels',
      { method: 'POST', body: { location_id: 'sloc_east', stocked_quantity: 4 }, headers: medusa.headers },
    );
    expect(created.inventory_item.location_levels).toEqual([expect.objectContaining({ location_id: 'sloc_east', stocked_quantity: 4 })]);

    const updated = await medusa.sdk.client.fetch<{ inventory_item: { stocked_quantity: number } }>(`${levels}/sloc_west`, {
      method: 'POST',
      body: { stocked_quantity: 8 },
      headers: medusa.headers,
    });
    expect(updated.inventory_item.stocked_quantity).toBe(17);

    // A level holding units stays, as Medusa keeps one unless forced: empty it first.
    const stocked = await medusa.sdk.client
      .fetch(`${levels}/sloc_west`, { method: 'DELETE', headers: medusa.headers })
      .catch((error: unknown) => error);
    expect(stocked).toMatchObject({
      status: 400,
      message:
        'Cannot remove Inventory Levels for sloc_west because there are stocked items at the locations. Use force flag to delete anyway.',
    });
    await medusa.sdk.client.fetch(`${levels}/sloc_west`, { method: 'POST', body: { stocked_quantity: 0 }, headers: medusa.headers });
    const removed = await medusa.sdk.client.fetch<{ object: string; deleted: boolean }>(`${levels}/sloc_west`, {
      method: 'DELETE',
      headers: medusa.headers,
    });
    expect(removed).toMatchObject({ object: 'inventory-level', deleted: true });
    const refused = await medusa.sdk.client
      .fetch(`${levels}/sloc_east`, { method: 'DELETE', headers: medusa.headers })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(FetchError);
    expect(refused).toMatchObject({
      status: 400,
      message: 'Cannot remove Inventory Level iitem_cup at Location sloc_east because there are reservations at location',
    });
  });
});
