import { describe, expect, it } from 'vitest';
import { handler as importHandler } from '#functions/admin/importCatalog/handler';
import { invoke } from '#test/support/http';
import { bearer, itemsOfType, tokenFor, uniqueId } from '#test/support/tenants';

/** One ID space of variants per tenant: a variant ID names one variant, whichever product holds it. */
const importDocument = (tenantId: string, products: { id: string; variants: { id: string; name: string }[] }[]) =>
  invoke(importHandler, {
    path: '/admin/catalog',
    routeKey: 'PUT /admin/catalog',
    headers: { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/admin' })) },
    body: {
      tenants: [
        {
          id: tenantId,
          name: 'Variant IDs',
          currency: 'usd',
          locations: [{ id: 'wh', name: 'Main' }],
          products: products.map((product) => ({ ...product, name: product.id, type: 'VARIABLE' })),
        },
      ],
    },
  });

type Report = { results: { path: string; result: string; reason?: string }[] };
const refusals = (reply: { body: unknown }) => (reply.body as Report).results.filter((entry) => entry.result === 'refused');

describe('variant IDs are unique per tenant, across products', () => {
  it('refuses, by path, an imported variant whose ID another product’s variant holds', async () => {
    const tenantId = uniqueId('varids');
    expect((await importDocument(tenantId, [{ id: 'prod_a', variants: [{ id: 'var_1', name: 'One' }] }])).status).toBe(200);
    const second = await importDocument(tenantId, [{ id: 'prod_b', variants: [{ id: 'var_1', name: 'Impostor' }] }]);
    expect(refusals(second)).toEqual([expect.objectContaining({ reason: 'variant ID "var_1" is held by a variant of another product' })]);
    const variants = await itemsOfType(tenantId, 'Variant');
    expect(variants.map((variant) => [variant.productId, variant.name])).toEqual([['prod_a', 'One']]);
  });

  it('lets exactly one of 20 concurrent imports of one variant ID under different products have it', async () => {
    const tenantId = uniqueId('varrace');
    await importDocument(tenantId, []);
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        importDocument(tenantId, [{ id: `prod_${i}`, variants: [{ id: 'var_contested', name: `V${i}` }] }]),
      ),
    );
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    expect(replies.filter((reply) => refusals(reply).length === 0)).toHaveLength(1);
    const variants = (await itemsOfType(tenantId, 'Variant')).filter((variant) => variant.id === 'var_contested');
    expect(variants).toHaveLength(1);
    const [guard] = await itemsOfType(tenantId, 'VariantIdGuard');
    expect(guard).toMatchObject({ variantId: 'var_contested', productId: variants[0]!.productId });
  });
});
