import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import type { TenantFixture } from '#shared/store/fixtures';
import { documentClient } from '#shared/store/client';
import { GROUP_LIMITS } from '#shared/store/writeGroups';
import { invoke, type Reply } from '#test/support/http';
import { importedContents, importReport } from '#test/support/importedContents';
import { bearer, itemsOfType, tenantItems, tokenFor, uniqueId } from '#test/support/tenants';

/**
 * The import writes many entries to a transaction (shared/store/writeGroups): every entry still gets
 * the outcome, and leaves the table, as its own transaction would; concurrent imports lose no update;
 * and a fault of the database in the middle leaves every entry whole or absent.
 */

type ProductFixture = NonNullable<TenantFixture['products']>[number];

const importing = (tenantId: string, products: ProductFixture[]): Promise<Reply> =>
  invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
    body: {
      tenants: [
        {
          id: tenantId,
          name: 'Import groups',
          defaultLocationId: 'wh_a',
          locations: [
            { id: 'wh_a', name: 'A' },
            { id: 'wh_b', name: 'B' },
          ],
          products,
        },
      ],
    },
  });

/** `count` VARIABLE products of two variants each, stocked at wh_a, named with `label`. */
const products = (count: number, label: string, sku = (id: string) => `${id.toUpperCase()}-${label}`): ProductFixture[] =>
  Array.from({ length: count }, (_, i) => {
    const id = `p_${i}`;
    return {
      id,
      name: `Product ${i} ${label}`,
      type: 'VARIABLE',
      warehouseIds: ['wh_a'],
      variants: [0, 1].map((k) => ({
        id: `${id}_v${k}`,
        name: `${id} v${k} ${label}`,
        sku: sku(`${id}_v${k}`),
        attributes: { K: `${k}` },
      })),
    };
  });

// Each test imports a document of a few hundred entries two or more times, once one transaction per
// entry: in a full run beside other files that takes more than the default 30 s, so the limit only catches a hang.
describe('the import, many entries to a transaction', { timeout: 120_000 }, () => {
  afterEach(() => {
    GROUP_LIMITS.actions = 100;
  });

  it('reports and stores exactly what one transaction per entry does, refusals in the middle of groups included', async () => {
    const seed: ProductFixture[] = [
      { id: 'p_simple', name: 'Simple', type: 'SIMPLE', warehouseIds: ['wh_a'] },
      { id: 'p_owner', name: 'Owner', type: 'VARIABLE', variants: [{ id: 'v_held', name: 'Held', sku: 'SKU-HELD' }] },
    ];
    const document = products(30, 'new');
    // In the middle of the variants' groups: a SKU another variant holds, a variant ID of another
    // product, a SKU twice in the document (the first takes it), and a SIMPLE product holding stock,
    // asked to be VARIABLE with a variant (both refused). One product at two warehouses: two levels per owner.
    document[10]!.variants![1]!.sku = 'SKU-HELD';
    document[15]!.variants![0]!.id = 'v_held';
    document[20]!.variants![0]!.sku = 'SKU-DUP';
    document[21]!.variants![0]!.sku = 'SKU-DUP';
    document[5]!.warehouseIds = ['wh_a', 'wh_b'];
    document.splice(12, 0, { id: 'p_simple', name: 'Simple', type: 'VARIABLE', variants: [{ id: 'v_simple', name: 'S' }] });
    document.push({ id: 'p_owner', name: 'Owner', type: 'VARIABLE', variants: [{ id: 'v_held', name: 'Held, renamed', sku: 'SKU-HELD' }] });

    const run = async (actions: number) => {
      const tenantId = uniqueId('groups');
      expect((await importing(tenantId, seed)).status).toBe(200);
      GROUP_LIMITS.actions = actions;
      const reply = await importing(tenantId, document);
      GROUP_LIMITS.actions = 100;
      expect(reply.status).toBe(200);
      return { report: importReport(reply, tenantId), contents: await importedContents(tenantId) };
    };
    const grouped = await run(100);
    const oneByOne = await run(1);
    expect(grouped.report).toEqual(oneByOne.report);
    expect(grouped.contents).toEqual(oneByOne.contents);

    const results = grouped.report.results as { path: string; result: string; reason?: string }[];
    const at = (path: string) => results.find((result) => result.path === `tenants[0].${path}`);
    expect(at('products[10].variants[1]')).toMatchObject({ result: 'refused', reason: 'SKU "SKU-HELD" is held by another variant' });
    expect(at('products[16].variants[0]')).toMatchObject({
      result: 'refused',
      reason: 'variant ID "v_held" is held by a variant of another product',
    });
    expect(at('products[21].variants[0]')).toMatchObject({ result: 'created' });
    expect(at('products[22].variants[0]')).toMatchObject({ result: 'refused', reason: 'SKU "SKU-DUP" is held by another variant' });
    expect(at('products[12]')).toMatchObject({ result: 'refused' });
    expect(at('products[12].variants[0]')).toMatchObject({
      result: 'refused',
      reason: 'product "p_simple" is not VARIABLE: only a VARIABLE product has variants',
    });
    expect(at('products[31].variants[0]')).toMatchObject({ result: 'updated' });
    expect(at('products[5].warehouseIds[1]')).toMatchObject({ result: 'created' });
    expect(grouped.report.summary).toEqual({ created: 146, updated: 1, unchanged: 4, refused: 5 });
  });

  it('loses no update when two imports race over the same entries: revisions and guards hold', async () => {
    const tenantId = uniqueId('race');
    expect((await importing(tenantId, products(20, 'seed'))).status).toBe(200);
    const [a, b] = await Promise.all([importing(tenantId, products(20, 'a')), importing(tenantId, products(20, 'b'))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // Every write an import reports took the revision it read: the stored revision counts them all.
    const writes = new Map<string, number>();
    for (const reply of [a, b]) {
      for (const result of reply.body.results as { id: string; entity: string; result: string }[]) {
        if (result.result === 'updated') writes.set(result.id, (writes.get(result.id) ?? 0) + 1);
        expect(result.result).not.toBe('refused');
      }
    }
    const variants = await itemsOfType(tenantId, 'Variant');
    expect(variants).toHaveLength(40);
    for (const variant of variants) expect(variant.revision, String(variant.id)).toBe(1 + (writes.get(String(variant.id)) ?? 0));
    for (const product of await itemsOfType(tenantId, 'Product')) {
      expect(product.rev, String(product.id)).toBe(1 + (writes.get(String(product.id)) ?? 0));
      expect(product.variantCount).toBe(2);
    }
    // Each variant holds exactly its stored SKU's guard: every SKU given up was released, none taken twice.
    const guards = await itemsOfType(tenantId, 'SkuGuard');
    expect(guards.map((guard) => `${guard.sku} ${guard.variantId}`).sort()).toEqual(
      variants.map((variant) => `${variant.sku} ${variant.id}`).sort(),
    );
  });

  it('leaves no entry in part when DynamoDB fails in the middle, and a second import completes it', async () => {
    const tenantId = uniqueId('fault');
    const document = products(40, 'x');
    // From the third transaction on, every one fails as an unavailable service would.
    let transactions = 0;
    documentClient().middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand' && ++transactions > 2)
          throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
        return next(args);
      },
      { step: 'deserialize', name: 'importGroupsFault' },
    );
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await importing(tenantId, document).finally(() => {
      documentClient().middlewareStack.remove('importGroupsFault');
      log.mockRestore();
    });
    expect(failed.status).toBe(503);
    expect(transactions).toBeGreaterThan(2);

    const whole = async () => {
      const items = await tenantItems(tenantId);
      const of = (type: string) => items.filter((item) => item.type === type);
      const variants = of('Variant');
      const ids = (type: string, field: string) =>
        of(type)
          .map((item) => String(item[field]))
          .sort();
      // A variant is there with its ID guard, its SKU guard and its count on its product, or not at all.
      expect(ids('VariantIdGuard', 'variantId')).toEqual(variants.map((variant) => String(variant.id)).sort());
      expect(ids('SkuGuard', 'variantId')).toEqual(variants.map((variant) => String(variant.id)).sort());
      for (const product of of('Product'))
        expect(product.variantCount ?? 0).toBe(variants.filter((variant) => variant.productId === product.id).length);
      // A level is there with its guard, its first movement, Medusa's copy and its owner's own item, or not at all.
      const levels = of('StockRecord').length;
      expect(of('StockGuard')).toHaveLength(levels);
      expect(of('StockMovement')).toHaveLength(levels);
      expect(of('LocationLevel')).toHaveLength(levels);
      expect(of('InventoryItem')).toHaveLength(levels);
      expect(variants.filter((variant) => variant.inventoryItemId !== undefined)).toHaveLength(levels);
      return { variants: variants.length, levels };
    };
    const partial = await whole();
    expect(partial.variants).toBeLessThan(80);

    const again = await importing(tenantId, document);
    expect(again.status).toBe(200);
    expect(again.body.summary.refused).toBe(0);
    expect(await whole()).toEqual({ variants: 80, levels: 80 });
  });
});
