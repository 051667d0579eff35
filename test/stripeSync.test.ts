import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as createVariant } from '#functions/createVariant/handler';
import { startFakeStripe, type FakeStripe } from '#scripts/local/fakeStripe';
import { invoke } from '#test/support/http';
import { readStream } from '#test/support/stream';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/** The sync function against a local Stripe stand-in, fed by real records of the table's stream. */
describe('Stripe sync through the outbox', () => {
  let stripe: FakeStripe;
  let sync: typeof import('#functions/syncStripe/handler').handler;
  let tenantId: string;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    Object.assign(process.env, { STRIPE_SECRET_KEY: 'sk_test_local', STRIPE_API_HOST: stripe.url.host, STRIPE_API_PORT: String(stripe.url.port), STRIPE_API_PROTOCOL: 'http' });
    ({ handler: sync } = await import('#functions/syncStripe/handler'));
    tenantId = await seedTenant({
      name: 'Stripe business',
      currency: 'eur',
      defaultLocationId: 'loc',
      stripe: { accountId: 'acct_1TestAccount', syncRequired: true },
      locations: [{ id: 'loc', name: 'Main' }],
      products: [{ id: 'prod_tee', name: 'Tee', type: 'VARIABLE' }],
    });
  });
  afterAll(() => stripe.close());

  const create = (body: Record<string, unknown>, tenant = tenantId) =>
    invoke(createVariant, {
      path: '/api/v1/inventory/products/variants',
      routeKey: 'POST /api/v1/inventory/products/variants',
      headers: { authorization: bearer(tokenFor(tenant)), 'x-business-id': tenant },
      body,
    });
  const tasksOf = (variantId: string) =>
    readStream((record) => record.eventName === 'INSERT' && record.dynamodb?.NewImage?.type?.S === 'StripeSyncTask' && record.dynamodb.NewImage.variantId?.S === variantId);
  const variantItem = async (variantId: string) => (await itemsOfType(tenantId, 'Variant')).find((item) => item.id === variantId)!;
  const event = (records: DynamoDBRecord[]) => ({ Records: records });

  it('writes the outbox entry in the variant transaction and stores the Stripe IDs once synced', async () => {
    const reply = await create({ product_id: 'prod_tee', name: 'S', sku: 'TEE-S', unit_price: 1500 });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ stripe_product_id: null, stripe_price_id: null });
    const records = await tasksOf(reply.body.id);
    expect(records).toHaveLength(1);

    expect(await sync(event(records))).toEqual({ batchItemFailures: [] });
    const variant = await variantItem(reply.body.id);
    expect(variant.stripeProductId).toMatch(/^prod_/);
    expect(variant.stripePriceId).toMatch(/^price_/);
    expect(stripe.objects.get(variant.stripePriceId as string)).toMatchObject({ unit_amount: 1500, currency: 'eur', product: variant.stripeProductId, account: 'acct_1TestAccount' });
    expect((await itemsOfType(tenantId, 'StripeSyncTask')).filter((task) => task.variantId === reply.body.id)).toEqual([]);
  });

  it('creates one Stripe product per product, and a replayed batch creates nothing new', async () => {
    const second = await create({ product_id: 'prod_tee', name: 'M', sku: 'TEE-M', unit_price: 1600 });
    const records = await tasksOf(second.body.id);
    const before = { ...stripe.created };
    await sync(event(records));
    await sync(event(records));
    expect(stripe.created).toEqual({ products: before.products, prices: before.prices + 1 });
    const [first, other] = [await variantItem((await itemsOfType(tenantId, 'Variant')).find((v) => v.sku === 'TEE-S')!.id as string), await variantItem(second.body.id)];
    expect(other.stripeProductId).toBe(first.stripeProductId);
  });

  it('reuses the product\'s Stripe product for a variant synced a day later, when Stripe has forgotten the idempotency key', async () => {
    const t = await seedTenant({
      name: 'Next day', currency: 'eur', defaultLocationId: 'loc', stripe: { accountId: 'acct_1NextDay', syncRequired: true },
      locations: [{ id: 'loc', name: 'Main' }], products: [{ id: 'prod_mug', name: 'Mug', type: 'VARIABLE' }],
    });
    const first = await create({ product_id: 'prod_mug', name: 'Small', unit_price: 900 }, t);
    await sync(event(await tasksOf(first.body.id)));
    const before = { ...stripe.created };
    const realClock = stripe.clock;
    stripe.clock = () => realClock() + 25 * 60 * 60 * 1000;
    try {
      const later = await create({ product_id: 'prod_mug', name: 'Large', unit_price: 1200 }, t);
      expect(await sync(event(await tasksOf(later.body.id)))).toEqual({ batchItemFailures: [] });
      expect(stripe.created).toEqual({ products: before.products, prices: before.prices + 1 });
      const variants = await itemsOfType(t, 'Variant');
      const productIds = new Set(variants.map((variant) => variant.stripeProductId));
      expect(productIds.size).toBe(1);
      expect([...productIds][0]).toMatch(/^prod_/);
    } finally {
      stripe.clock = realClock;
    }
  });

  it('reports records back while Stripe is down (the retry and dead-letter path) and completes on a later retry', async () => {
    const reply = await create({ product_id: 'prod_tee', name: 'L', sku: 'TEE-L', unit_price: 1700 });
    const records = await tasksOf(reply.body.id);
    stripe.outage = true;
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const failed = await sync(event(records));
    stripe.outage = false;
    vi.restoreAllMocks();
    expect(failed.batchItemFailures).toEqual([{ itemIdentifier: records[0]!.dynamodb!.SequenceNumber }]);
    expect((await variantItem(reply.body.id)).stripePriceId).toBeNull();

    expect(await sync(event(records))).toEqual({ batchItemFailures: [] });
    expect((await variantItem(reply.body.id)).stripePriceId).toMatch(/^price_/);
  }, 60_000);

  it('answers 400 when Stripe sync is required and the business has no account, writing nothing', async () => {
    const t = await seedTenant({ name: 'No Stripe', stripe: { syncRequired: true }, products: [{ id: 'p', name: 'P', type: 'VARIABLE' }] });
    const before = await tenantItems(t);
    const reply = await create({ product_id: 'p', name: 'V' }, t);
    expect(reply).toMatchObject({ status: 400, body: { detail: 'Business has no Stripe account connected; connect one before creating variants' } });
    expect(await tenantItems(t)).toEqual(before);
  });
});
