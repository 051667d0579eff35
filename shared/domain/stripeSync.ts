/**
 * Keeping a business's variants in Stripe: the outbox entry a variant's transaction
 * writes, and the sync that consumes it through two ports (Stripe, and our storage).
 */

/** The outbox entry written with a variant when the variant must reach Stripe. */
export interface StripeSyncTask {
  tenantId: string;
  productId: string;
  productName: string;
  variantId: string;
  variantName: string;
  /** Price in the business currency's minor unit; no price is created without one. */
  unitPriceCents: number | null;
  currency: string;
  /** Connected account the objects belong to. */
  accountId: string;
  createdAt: string;
}

/** Stripe, as the sync uses it. Each call is safe to repeat with the same idempotency key. */
export interface StripeGateway {
  createProduct(input: { accountId: string; name: string; metadata: Record<string, string>; idempotencyKey: string }): Promise<{ id: string }>;
  createPrice(input: {
    accountId: string;
    productId: string;
    unitAmount: number;
    currency: string;
    nickname: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
}

/** Our side of the sync. */
export interface StripeSyncStore {
  /** The Stripe product ID already kept on our product, or null before its first sync. */
  knownStripeProduct(tenantId: string, productId: string): Promise<string | null>;
  /** Keeps the first Stripe product ID a product gets and returns the one kept. */
  rememberStripeProduct(tenantId: string, productId: string, stripeProductId: string): Promise<string>;
  /** Stores the Stripe IDs on the variant and retires the task, together. */
  completeStripeSync(task: StripeSyncTask, ids: { productId: string; priceId: string | null }): Promise<void>;
}

/**
 * Creates (or finds again) the Stripe product of the task's product and the price of
 * its variant, then stores both IDs on the variant. The Stripe product ID kept on our
 * product is reused by every later variant: Stripe forgets idempotency keys after 24
 * hours, so the key alone would let a variant created a day later make a second product.
 * Every Stripe call still carries an idempotency key derived from our IDs, so a task
 * retried within the day returns the objects its first attempt created.
 */
export async function syncVariantToStripe(task: StripeSyncTask, stripe: StripeGateway, store: StripeSyncStore): Promise<{ productId: string; priceId: string | null }> {
  const productId = (await store.knownStripeProduct(task.tenantId, task.productId)) ?? (await createStripeProduct(task, stripe, store));
  const price =
    task.unitPriceCents === null
      ? null
      : await stripe.createPrice({
          accountId: task.accountId,
          productId,
          unitAmount: task.unitPriceCents,
          currency: task.currency,
          nickname: task.variantName,
          metadata: { tenant_id: task.tenantId, variant_id: task.variantId },
          idempotencyKey: `inventory-api:price:${task.tenantId}:${task.variantId}`,
        });
  const ids = { productId, priceId: price?.id ?? null };
  await store.completeStripeSync(task, ids);
  return ids;
}

/** The product's first Stripe product: concurrent first syncs agree on the one our product keeps. */
async function createStripeProduct(task: StripeSyncTask, stripe: StripeGateway, store: StripeSyncStore): Promise<string> {
  const product = await stripe.createProduct({
    accountId: task.accountId,
    name: task.productName,
    metadata: { tenant_id: task.tenantId, product_id: task.productId },
    idempotencyKey: `inventory-api:product:${task.tenantId}:${task.productId}`,
  });
  return store.rememberStripeProduct(task.tenantId, task.productId, product.id);
}
