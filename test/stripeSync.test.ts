import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as createVariant } from '#functions/dayzero/createVariant/handler';
import { handler as deleteVariant } from '#functions/dayzero/deleteVariant/handler';
import { handler as updateVariant } from '#functions/dayzero/updateVariant/handler';
import { startFakeStripe, type FakeStripe } from '#scripts/local/fakeStripe';
import { invoke } from '#test/support/http';
import { captureLogs, metricRecords, records } from '#test/support/logs';
import { readStream } from '#test/support/stream';
import { bearer, itemsOfType, seedTenant, tenantItems, tokenFor } from '#test/support/tenants';

/** The sync function against a local Stripe stand-in, fed by real records of the table's stream. */
describe('Stripe sync through the outbox', () => {
  let stripe: FakeStripe;
  let sync: typeof import('#functions/syncStripe/handler').handler;
  let tenantId: string;
  beforeAll(async () => {
    stripe = await startFakeStripe();
    Object.assign(process.env, {
      STRIPE_SECRET_KEY: 'sk_test_local',
      STRIPE_API_HOST: stripe.url.host,
      STRIPE_API_PORT: String(stripe.url.port),
      STRIPE_API_PROTOCOL: 'http',
    });
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
    readStream(
      (record) =>
        record.eventName === 'INSERT' &&
        record.dynamodb?.NewImage?.type?.S === 'StripeSyncTask' &&
        record.dynamodb.NewImage.variantId?.S === variantId,
    );
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
    expect(stripe.objects.get(variant.stripePriceId as string)).toMatchObject({
      unit_amount: 1500,
      currency: 'eur',
      product: variant.stripeProductId,
      account: 'acct_1TestAccount',
    });
    expect((await itemsOfType(tenantId, 'StripeSyncTask')).filter((task) => task.variantId === reply.body.id)).toEqual([]);
  });

  it('creates one Stripe product per product, and a replayed batch creates nothing new', async () => {
    const second = await create({ product_id: 'prod_tee', name: 'M', sku: 'TEE-M', unit_price: 1600 });
    const records = await tasksOf(second.body.id);
    const before = { ...stripe.created };
    await sync(event(records));
    await sync(event(records));
    expect(stripe.created).toEqual({ products: before.products, prices: before.prices + 1 });
    const [first, other] = [
      await variantItem((await itemsOfType(tenantId, 'Variant')).find((v) => v.sku === 'TEE-S')!.id as string),
      await variantItem(second.body.id),
    ];
    expect(other.stripeProductId).toBe(first.stripeProductId);
  });

  it("reuses the product's Stripe product for a variant synced a day later, when Stripe has forgotten the idempotency key", async () => {
    const t = await seedTenant({
      name: 'Next day',
      currency: 'eur',
      defaultLocationId: 'loc',
      stripe: { accountId: 'acct_1NextDay', syncRequired: true },
      locations: [{ id: 'loc', name: 'Main' }],
      products: [{ id: 'prod_mug', name: 'Mug', type: 'VARIABLE' }],
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

  it('publishes the syncs done and failed per batch, and logs each failure with its variant', async () => {
    const reply = await create({ product_id: 'prod_tee', name: 'XL', sku: 'TEE-XL', unit_price: 1800 });
    const tasks = await tasksOf(reply.body.id);
    stripe.outage = true;
    const down = await captureLogs(async () => void (await sync(event(tasks))));
    stripe.outage = false;
    const up = await captureLogs(async () => void (await sync(event(tasks))));

    const dimensions = { service: 'inventory-api', function: 'syncStripe' };
    expect(metricRecords(down)).toEqual([{ namespace: 'InventoryApi', dimensions, values: { StripeSyncsDone: 0, StripeSyncsFailed: 1 } }]);
    expect(metricRecords(up)).toEqual([{ namespace: 'InventoryApi', dimensions, values: { StripeSyncsDone: 1, StripeSyncsFailed: 0 } }]);
    expect(records(down).find((record) => record.level === 'ERROR')).toMatchObject({
      message: 'stripe sync failed',
      tenant_id: tenantId,
      variant_id: reply.body.id,
      error: { message: expect.any(String) },
    });
    expect(records(up).find((record) => record.message === 'stripe sync batch')).toMatchObject({ records: 1, done: 1, failed: 0 });
  }, 60_000);
  describe('changes after the create, through the same outbox', () => {
    const put = (id: string, body: Record<string, unknown>) =>
      invoke(updateVariant, {
        path: `/api/v1/inventory/products/variants/${id}`,
        routeKey: 'PUT /api/v1/inventory/products/variants/{id}',
        pathParameters: { id },
        headers: { authorization: bearer(tokenFor(tenantId)), 'x-business-id': tenantId },
        body,
      });
    const changesOf = (variantId: string) =>
      readStream(
        (record) =>
          record.eventName === 'INSERT' &&
          record.dynamodb?.NewImage?.type?.S === 'StripeChangeTask' &&
          record.dynamodb.NewImage.variantId?.S === variantId,
      );
    const synced = async (body: Record<string, unknown>) => {
      const reply = await create(body);
      expect(await sync(event(await tasksOf(reply.body.id)))).toEqual({ batchItemFailures: [] });
      return { id: reply.body.id as string, ...(await variantItem(reply.body.id)) } as {
        id: string;
        stripeProductId: string;
        stripePriceId: string;
      };
    };

    it('a new unit_price creates a new Stripe price, makes it the default and archives the old one; a replay creates nothing', async () => {
      const variant = await synced({ product_id: 'prod_tee', name: 'XL', unit_price: 1500 });
      expect((await put(variant.id, { unit_price: 1800 })).status).toBe(200);
      const records = await changesOf(variant.id);
      expect(records).toHaveLength(1);
      const before = { ...stripe.created };
      expect(await sync(event(records))).toEqual({ batchItemFailures: [] });
      const after = await variantItem(variant.id);
      expect(after.stripePriceId).not.toBe(variant.stripePriceId);
      expect(stripe.objects.get(after.stripePriceId as string)).toMatchObject({
        unit_amount: 1800,
        nickname: 'XL',
        active: true,
        product: variant.stripeProductId,
      });
      expect(stripe.objects.get(variant.stripeProductId)).toMatchObject({ default_price: after.stripePriceId });
      expect(stripe.objects.get(variant.stripePriceId)).toMatchObject({ active: false });
      expect(stripe.created).toEqual({ products: before.products, prices: before.prices + 1 });
      await sync(event(records));
      expect(stripe.created).toEqual({ products: before.products, prices: before.prices + 1 });
      expect((await itemsOfType(tenantId, 'StripeChangeTask')).filter((task) => task.variantId === variant.id)).toEqual([]);
    });

    it('a new name renames the price; a change of fields Stripe does not hold writes no entry', async () => {
      const variant = await synced({ product_id: 'prod_tee', name: 'XS', unit_price: 1400 });
      await put(variant.id, { name: 'Extra small' });
      await put(variant.id, { unit_cost: 300 });
      const records = await changesOf(variant.id);
      expect(records).toHaveLength(1);
      await sync(event(records));
      expect(stripe.objects.get(variant.stripePriceId)).toMatchObject({ nickname: 'Extra small', active: true });
    });

    it('archiving deactivates the price, and the product once no other variant of it is active', async () => {
      const t = await seedTenant({
        name: 'Archive',
        currency: 'eur',
        defaultLocationId: 'loc',
        stripe: { accountId: 'acct_1Archive', syncRequired: true },
        locations: [{ id: 'loc', name: 'Main' }],
        products: [{ id: 'prod_cap', name: 'Cap', type: 'VARIABLE' }],
      });
      const headers = { authorization: bearer(tokenFor(t)), 'x-business-id': t };
      for (const name of ['Red', 'Blue']) {
        const reply = await create({ product_id: 'prod_cap', name, unit_price: 900 }, t);
        await sync(event(await tasksOf(reply.body.id)));
      }
      const items = async () => (await itemsOfType(t, 'Variant')).sort((a, b) => String(a.name).localeCompare(String(b.name)));
      const [blue, red] = await items();
      const remove = (id: string) =>
        invoke(deleteVariant, {
          path: `/api/v1/inventory/products/variants/${id}`,
          routeKey: 'DELETE /api/v1/inventory/products/variants/{id}',
          pathParameters: { id },
          headers,
        });
      expect((await remove(red!.id as string)).status).toBe(200);
      await sync(event(await changesOf(red!.id as string)));
      expect(stripe.objects.get(red!.stripePriceId as string)).toMatchObject({ active: false });
      expect(stripe.objects.get(red!.stripeProductId as string)).toMatchObject({ active: true });
      expect((await remove(blue!.id as string)).status).toBe(200);
      await sync(event(await changesOf(blue!.id as string)));
      expect(stripe.objects.get(blue!.stripePriceId as string)).toMatchObject({ active: false });
      expect(stripe.objects.get(blue!.stripeProductId as string)).toMatchObject({ active: false });
    });

    it("after an outage mid-sequence, holds the variant's later changes and completes all in order on the retry, without a second price", async () => {
      const variant = await synced({ product_id: 'prod_tee', name: 'XXL', unit_price: 2000 });
      await put(variant.id, { unit_price: 2200 });
      await put(variant.id, { name: 'Double XL' });
      const records = await changesOf(variant.id);
      expect(records).toHaveLength(2);
      const before = { ...stripe.created };
      // The new price is created, then Stripe fails before it becomes the default.
      stripe.callsBeforeOutage = 1;
      vi.spyOn(console, 'error').mockImplementation(() => {});
      const failed = await sync(event(records));
      stripe.outage = false;
      stripe.callsBeforeOutage = undefined;
      vi.restoreAllMocks();
      expect(failed.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(
        records.map((record) => record.dynamodb!.SequenceNumber),
      );
      expect(stripe.objects.get(variant.stripePriceId)).toMatchObject({ active: true, nickname: 'XXL' });

      expect(await sync(event(records))).toEqual({ batchItemFailures: [] });
      expect(stripe.created.prices).toBe(before.prices + 1);
      const after = await variantItem(variant.id);
      expect(stripe.objects.get(after.stripePriceId as string)).toMatchObject({ unit_amount: 2200, nickname: 'Double XL', active: true });
      expect(stripe.objects.get(variant.stripeProductId)).toMatchObject({ default_price: after.stripePriceId });
      expect(stripe.objects.get(variant.stripePriceId)).toMatchObject({ active: false });
    }, 60_000);
  });

  it('answers 400 when Stripe sync is required and the business has no account, writing nothing', async () => {
    const t = await seedTenant({ name: 'No Stripe', stripe: { syncRequired: true }, products: [{ id: 'p', name: 'P', type: 'VARIABLE' }] });
    const before = await tenantItems(t);
    const reply = await create({ product_id: 'p', name: 'V' }, t);
    expect(reply).toMatchObject({
      status: 400,
      body: { detail: 'Business has no Stripe account connected; connect one before creating variants' },
    });
    expect(await tenantItems(t)).toEqual(before);
  });
});
