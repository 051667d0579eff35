import { readFileSync } from 'node:fs';
import { BatchWriteCommand, paginateScan } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { handler as listLevels } from '#functions/medusa/listLocationLevels/handler';
import { handler as listItems } from '#functions/medusa/listInventoryItems/handler';
import { handler as getVariant } from '#functions/medusa/getProductVariant/handler';
import { handler as deleteItem } from '#functions/medusa/deleteInventoryItem/handler';
import { handler as getRecord } from '#functions/shopsynch/getInventoryRecord/handler';
import { handler as ocGet } from '#functions/ordercloud/getVariantInventoryRecord/handler';
import { handler as ocPatch } from '#functions/ordercloud/patchVariantInventoryRecord/handler';
import { runMigration } from '#shared/store/migration/runner';
import { MIGRATION_STEPS } from '#shared/store/migration/steps';
import { variantCounts } from '#shared/store/migration/variantCounts';
import { invoke } from '#test/support/http';
import { bearer, db, table, tenantItems, tokenFor } from '#test/support/tenants';

/**
 * A table written through every route (each demo of `npm start`) by the code before the one
 * model: the layout a deployed stack holds. Regenerate only for a new layout version.
 */
const LEGACY: Record<string, unknown>[] = JSON.parse(readFileSync(new URL('../fixtures/legacy-table-v1.json', import.meta.url), 'utf8'));
const TENANT = 'tenant_demo';
const KEY = 'mk_demo_4f9c2b7e1a';

async function load(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    await db.send(new BatchWriteCommand({ RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) } }));
  }
}

async function everything(): Promise<Record<string, unknown>[]> {
  return (await everythingWithCheckpoints()).filter((item) => item.type !== 'MigrationCheckpoint');
}

describe('a legacy item the migration has not reached yet', () => {
  it('answers a write through it 503 with Retry-After, in the API’s envelope, and writes nothing', async () => {
    // The same legacy table under another tenant, never migrated.
    const tenant = 'tenant_unmigrated';
    await load(JSON.parse(JSON.stringify(LEGACY).replaceAll(TENANT, tenant)) as Record<string, unknown>[]);
    const before = await tenantItems(tenant);
    const template = '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}';
    const pathParameters = { productID: 'prod_oc_mug', variantID: 'var_oc_mug_white', inventoryRecordID: 'invrec-mug-main' };
    const patched = await invoke(ocPatch, {
      path: '/products/prod_oc_mug/variants/var_oc_mug_white/inventoryrecords/invrec-mug-main',
      routeKey: `PATCH ${template}`,
      pathParameters,
      headers: { authorization: bearer(tokenFor(tenant)) },
      body: { QuantityAvailable: 77 },
    });
    expect(patched.status).toBe(503);
    expect(patched.headers['retry-after']).toBe('30');
    expect(patched.body).toMatchObject({ Errors: [{ ErrorCode: 'ServiceUnavailable' }] });
    expect(await tenantItems(tenant)).toEqual(before);
    // An item stored before the links' copies: its delete, which removes its links, waits for them.
    const deleted = await invoke(deleteItem, {
      path: '/admin/inventory-items/iitem_medusa_tamper',
      routeKey: 'DELETE /admin/inventory-items/{id}',
      pathParameters: { id: 'iitem_medusa_tamper' },
      headers: { authorization: bearer(tokenFor(tenant)) },
    });
    expect(deleted.status).toBe(503);
    expect(deleted.headers['retry-after']).toBe('30');
    expect(await tenantItems(tenant)).toEqual(before);
    // The other tests migrate the whole table and count what they find: leave them the table as it was.
    for (let i = 0; i < before.length; i += 25) {
      const batch = before.slice(i, i + 25).map(({ pk, sk }) => ({ DeleteRequest: { Key: { pk, sk } } }));
      await db.send(new BatchWriteCommand({ RequestItems: { [table]: batch } }));
    }
  });
});

describe('migrating a table written by the version before the one model', () => {
  let first: Awaited<ReturnType<typeof runMigration>>;
  beforeAll(async () => {
    await load(LEGACY);
    first = await runMigration(MIGRATION_STEPS);
  });

  it('keeps every item, and gives each stock record its owner’s item and Medusa’s level', async () => {
    const after = await everything();
    const byKey = new Map(after.map((item) => [`${String(item.pk)}|${String(item.sk)}`, item]));
    for (const item of LEGACY) expect(byKey.has(`${String(item.pk)}|${String(item.sk)}`)).toBe(true);
    // Every record stored before (the Medusa levels' new entries come on top of them).
    const legacyIds = new Set(LEGACY.filter((item) => item.type === 'StockRecord').map((item) => item.id));
    const records = after.filter((item) => item.type === 'StockRecord' && legacyIds.has(item.id));
    expect(records.length).toBe(legacyIds.size);
    for (const record of records) {
      expect(record.inventoryItemId, String(record.id)).toEqual(expect.any(String));
      const view = after.find(
        (item) => item.type === 'LocationLevel' && item.inventoryItemId === record.inventoryItemId && item.locationId === record.locationId,
      );
      expect(view, String(record.id)).toMatchObject({
        stockedQuantity: record.onHandQty,
        reservedQuantity: record.reservedQty,
        stockRecordId: record.id,
      });
    }
    expect(first[0]!.counts).toEqual({ migrated: records.length, already: 0, left: 0 });
  });

  it('guards every variant’s ID for its product', async () => {
    const after = await everything();
    const variants = after.filter((item) => item.type === 'Variant');
    for (const variant of variants) {
      expect(after.find((item) => item.type === 'VariantIdGuard' && item.variantId === variant.id)).toMatchObject({
        productId: variant.productId,
      });
    }
    expect(first[1]!.counts).toEqual({ migrated: variants.length, already: 0, left: 0 });
  });

  it('makes every Medusa level a view of a ledger entry that holds its quantities, with a history entry of reason migration', async () => {
    const after = await everything();
    const views = after.filter((item) => item.type === 'LocationLevel');
    expect(views.length).toBeGreaterThan(0);
    for (const view of views) {
      const entry = after.find((item) => item.type === 'StockRecord' && item.id === view.stockRecordId);
      expect(entry, String(view.id)).toMatchObject({
        levelId: view.id,
        inventoryItemId: view.inventoryItemId,
        locationId: view.locationId,
        onHandQty: view.stockedQuantity,
        reservedQty: view.reservedQuantity,
        incomingQty: view.incomingQuantity,
      });
    }
    const legacyViews = LEGACY.filter((item) => item.type === 'LocationLevel').length;
    expect(first[2]!.counts.migrated).toBe(legacyViews);
    // (The OrderCloud step's entries name their record; these name none.)
    const history = after.filter((item) => item.type === 'StockMovement' && item.reason === 'migration' && item.reference === null);
    expect(history).toHaveLength(legacyViews);
  });

  it('makes every OrderCloud record a name of the level of its owner’s item at its address, its units counted once', async () => {
    const after = await everything();
    const records = after.filter((item) => item.type === 'InventoryRecord');
    expect(records.length).toBe(LEGACY.filter((item) => item.type === 'InventoryRecord').length);
    expect(first[3]!.left).toEqual([]);
    for (const record of records) {
      const level = after.find((item) => item.type === 'StockRecord' && item.id === record.stockRecordId);
      expect(level, String(record.id)).toMatchObject({
        locationId: record.addressId,
        productId: record.productId,
        variantId: record.variantId,
      });
      expect(level!.orderCloudRecordIds).toContain(record.id);
      expect(record.quantityAvailable).toBe(Number(level!.onHandQty) - Number(level!.reservedQty));
    }
    expect(first[3]!.left).toEqual([]);
    expect(first[3]!.counts).toEqual({ migrated: records.length, already: 0, left: 0 });
  });

  it('lets OrderCloud read and move a migrated record, and the other APIs see the move', async () => {
    const path = '/products/prod_oc_mug/variants/var_oc_mug_white/inventoryrecords/invrec-mug-main';
    const template = '/products/{productID}/variants/{variantID}/inventoryrecords/{inventoryRecordID}';
    const pathParameters = { productID: 'prod_oc_mug', variantID: 'var_oc_mug_white', inventoryRecordID: 'invrec-mug-main' };
    const headers = { authorization: bearer(tokenFor(TENANT)) };
    const read = await invoke(ocGet, { path, routeKey: `GET ${template}`, pathParameters, headers });
    expect(read.status).toBe(200);
    const patched = await invoke(ocPatch, {
      path,
      routeKey: `PATCH ${template}`,
      pathParameters,
      headers,
      body: { QuantityAvailable: 77 },
    });
    expect(patched.status).toBe(200);
    const levelId = (await everything()).find((item) => item.type === 'InventoryRecord' && item.id === 'invrec-mug-main')!
      .stockRecordId as string;
    const record = await invoke(getRecord, {
      path: `/v1/inventory/${levelId}`,
      routeKey: 'GET /v1/inventory/{id}',
      pathParameters: { id: levelId },
      headers: { ...headers, 'x-merchantapikey': KEY },
    });
    expect((record.body as { data: { availableQty: number } }).data.availableQty).toBe(77);
  });

  it('counts every product’s variants on it, by its own partition, and finds the count right when run again', async () => {
    const after = await everything();
    const products = after.filter((item) => item.type === 'Product' && item.tenantId === TENANT);
    expect(products.length).toBeGreaterThan(0);
    for (const product of products) {
      const variants = after.filter((item) => item.type === 'Variant' && item.tenantId === TENANT && item.productId === product.id);
      expect(product.variantCount, String(product.id)).toBe(variants.length);
    }
    expect(products.some((product) => Number(product.variantCount) > 1)).toBe(true);
    expect(first[4]!.counts).toEqual({ migrated: products.length, already: 0, left: 0 });
    // SET, not ADD: the step run again over each product finds its count right and writes nothing.
    for (const product of products) expect(await variantCounts.migrate(product)).toBe('already');
  });

  it('guards the SKU of every item of no product, and counts every item in its tenant’s count, which the items list then answers', async () => {
    const after = await everything();
    const items = after.filter((item) => item.type === 'InventoryItem' && item.tenantId === TENANT);
    const standalone = items.filter((item) => item.owner === undefined && typeof item.sku === 'string');
    expect(standalone.length).toBeGreaterThan(0);
    const guards = after.filter((item) => item.type === 'ItemSkuGuard' && item.tenantId === TENANT);
    expect(guards.map(({ sku, itemId }) => ({ sku, itemId })).sort((a, b) => String(a.sku).localeCompare(String(b.sku)))).toEqual(
      standalone.map(({ sku, id }) => ({ sku, itemId: id })).sort((a, b) => String(a.sku).localeCompare(String(b.sku))),
    );
    expect(items.every((item) => item.counted === true)).toBe(true);
    const counts = after.filter((item) => item.type === 'ItemCount' && item.tenantId === TENANT);
    expect(counts.reduce((sum, item) => sum + Number(item.itemCount ?? 0), 0)).toBe(items.length);
    const listed = await invoke(listItems, {
      path: '/admin/inventory-items',
      routeKey: 'GET /admin/inventory-items',
      query: 'fields=id&limit=1',
      headers: { authorization: bearer(tokenFor(TENANT)) },
    });
    expect(listed.body).toMatchObject({ count: items.length, inventory_items: [expect.anything()] });
  });

  it('copies every link into its item’s partition, then marks every item as having its links copied', async () => {
    const after = await everything();
    const links = after.filter((item) => item.type === 'VariantInventoryLink' && item.tenantId === TENANT);
    const copies = after.filter((item) => item.type === 'ItemLinkCopy' && item.tenantId === TENANT);
    const pair = (item: Record<string, unknown>) => [item.inventoryItemId, item.productId, item.variantId].join('|');
    expect(copies.map(pair).sort()).toEqual(links.map(pair).sort());
    for (const copy of copies) expect(String(copy.pk)).toBe(`TENANT#${TENANT}#INVITEM#${String(copy.inventoryItemId)}`);
    const step = first.findIndex(({ step: name }) => name === 'medusa-item-link-copies');
    // The legacy links were copied by the step; the own items' links the earlier steps made came with their copies.
    const legacyLinks = LEGACY.filter((item) => item.type === 'VariantInventoryLink').length;
    expect(first[step]!.counts).toEqual({ migrated: legacyLinks, already: links.length - legacyLinks, left: 0 });
    const items = after.filter((item) => item.type === 'InventoryItem' && item.tenantId === TENANT);
    expect(items.every((item) => item.linksCopied === true)).toBe(true);
    expect(first[step + 1]!.left).toEqual([]);
  });

  it('changes nothing when run again', async () => {
    const before = await everything();
    const again = await runMigration(MIGRATION_STEPS);
    for (const step of again) expect(step.counts).toEqual({ migrated: 0, already: 0, left: 0 });
    expect(await everything()).toEqual(before);
  });

  it('answers every API from the migrated record: ShopSynch, Medusa’s variant and its level', async () => {
    const record = await invoke(getRecord, {
      path: '/v1/inventory/inv_5eed0000000000000000000000000001',
      routeKey: 'GET /v1/inventory/{id}',
      pathParameters: { id: 'inv_5eed0000000000000000000000000001' },
      headers: { authorization: bearer(tokenFor(TENANT)), 'x-merchantapikey': KEY },
    });
    expect(record.status).toBe(200);
    expect((record.body as { data: unknown }).data).toMatchObject({ onHandQty: 18, reservedQty: 9, availableQty: 9 });

    const variant = await invoke(getVariant, {
      path: '/admin/products/prod_dz_espresso/variants/var_dz_espresso_1kg',
      routeKey: 'GET /admin/products/{id}/variants/{variant_id}',
      pathParameters: { id: 'prod_dz_espresso', variant_id: 'var_dz_espresso_1kg' },
      query: 'fields=id,*inventory_items',
      headers: { authorization: bearer(tokenFor(TENANT)) },
    });
    expect(variant.status).toBe(200);
    const [link] = (variant.body as { variant: { inventory_items: { inventory_item_id: string }[] } }).variant.inventory_items;
    const levels = await invoke(listLevels, {
      path: `/admin/inventory-items/${link!.inventory_item_id}/location-levels`,
      routeKey: 'GET /admin/inventory-items/{id}/location-levels',
      pathParameters: { id: link!.inventory_item_id },
      headers: { authorization: bearer(tokenFor(TENANT)) },
    });
    expect((levels.body as { inventory_levels: unknown[] }).inventory_levels).toEqual([
      expect.objectContaining({ location_id: 'wh_main', stocked_quantity: 24, reserved_quantity: 0 }),
    ]);
  });
});

describe('an interrupted migration, resumed', () => {
  it('ends as an uninterrupted one: every record migrated once, one own item per owner, nothing written twice', async () => {
    // This file's table already holds the legacy tenant, migrated; a second copy under another tenant is the one interrupted.
    const tenant = 'tenant_resumed';
    const copy = LEGACY.map((item) => JSON.parse(JSON.stringify(item).replaceAll(TENANT, tenant)) as Record<string, unknown>);
    await load(copy);
    // Forget the finished run's checkpoints, as for a new step.
    const checkpoints = (await everythingWithCheckpoints()).filter((item) => item.type === 'MigrationCheckpoint');
    await removeAll(checkpoints);

    // Cut the first step as soon as a page of it has met stock records: pages of three items keep
    // what the segments in flight then finish to a few records, whatever order the scan takes.
    const stop = new AbortController();
    const interrupted = await runMigration(MIGRATION_STEPS, {
      pageSize: 3,
      signal: stop.signal,
      onPage: (step, items) => {
        if (step === MIGRATION_STEPS[0]!.name && items > 0) stop.abort();
      },
    });
    const recordsBeforeResume = (await everythingWithCheckpoints()).filter((item) => item.type === 'StockRecord').length;
    let scannedOnResume = 0;
    // The resumed run takes whole pages: where the cut run stopped does not depend on its page size.
    const resumed = await runMigration(MIGRATION_STEPS, {
      onPage: (step, items) => {
        if (step === MIGRATION_STEPS[0]!.name) scannedOnResume += items;
      },
    });
    // It went on from the checkpoints rather than scanning every stock record again.
    const scannedBefore = interrupted[0]!.counts.migrated + interrupted[0]!.counts.already;
    expect(scannedBefore).toBeGreaterThan(0);
    expect(scannedOnResume).toBe(recordsBeforeResume - scannedBefore);
    const migrated = interrupted[0]!.counts.migrated + resumed[0]!.counts.migrated;
    const records = copy.filter((item) => item.type === 'StockRecord');
    expect(interrupted[0]!.counts.migrated).toBeLessThan(records.length);
    expect(migrated).toBe(records.length);
    for (const step of resumed) expect(step.left).toEqual([]);

    const after = (await everything()).filter((item) => String(item.pk).includes(tenant));
    const owned = after.filter((item) => item.type === 'StockRecord').map((item) => item.inventoryItemId);
    expect(owned.every((id) => typeof id === 'string')).toBe(true);
    // One own item per owner, however the run was cut: no variant got two.
    const items = after.filter((item) => item.type === 'InventoryItem' && item.owner !== undefined);
    const owners = items.map((item) => JSON.stringify(item.owner));
    expect(new Set(owners).size).toBe(owners.length);
  });
});

async function everythingWithCheckpoints(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateScan({ client: db }, { TableName: table })) items.push(...(page.Items ?? []));
  return items;
}

async function removeAll(items: Record<string, unknown>[]) {
  for (let i = 0; i < items.length; i += 25) {
    await db.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })) },
      }),
    );
  }
}
