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
  createProduct(input: {
    accountId: string;
    name: string;
    metadata: Record<string, string>;
    idempotencyKey: string;
  }): Promise<{ id: string }>;
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

/**
 * The outbox entry a later change of a synced variant writes (PUT, archive), in the same
 * transaction as the change. It lies beside the create's entry (same partition, sorted by
 * revision), so the stream hands a variant's entries over in the order they were written.
 */
export interface StripeChangeTask {
  tenantId: string;
  productId: string;
  variantId: string;
  /** The variant's revision this change produced: orders the entries and keys their Stripe calls. */
  revision: number;
  accountId: string;
  currency: string;
  /** The variant's name after the change: its price's nickname. */
  variantName: string;
  /** Only what changed: the name, the price, the archived state. */
  renamed?: boolean;
  unitPriceCents?: number | null;
  archived?: boolean;
  createdAt: string;
}

/** Stripe's mutable side, as the change sync uses it (each update is idempotent by nature). */
export interface StripeUpdateGateway {
  updateProduct(input: {
    accountId: string;
    productId: string;
    changes: { defaultPrice?: string; active?: boolean };
    idempotencyKey: string;
  }): Promise<void>;
  updatePrice(input: {
    accountId: string;
    priceId: string;
    changes: { nickname?: string; active?: boolean };
    idempotencyKey: string;
  }): Promise<void>;
}

/** Our side of the change sync. */
export interface StripeChangeStore {
  /** The Stripe IDs stored on the variant now, and whether another variant of its product is active; undefined when the variant is gone. */
  readStripeState(
    task: StripeChangeTask,
  ): Promise<{ productId: string | null; priceId: string | null; otherActiveVariants: boolean } | undefined>;
  /** Stores the variant's price ID (when it changed) and retires the task, together. */
  completeStripeChange(task: StripeChangeTask, priceId: string | null): Promise<void>;
}

/**
 * Brings a variant's Stripe objects in step with one change, in the order Stripe needs:
 * a new price is created (prices are immutable), made the product's default, then the old
 * one archived; a new name renames the price; archiving deactivates the price, and the
 * product too when no other variant of it is active (unarchiving reactivates both). Every
 * call is keyed by the variant's revision, so a replay after an outage mid-sequence
 * repeats the calls already made without creating anything twice.
 */
export async function syncVariantChange(
  task: StripeChangeTask,
  stripe: StripeGateway & StripeUpdateGateway,
  store: StripeChangeStore,
): Promise<{ priceId: string | null }> {
  const state = await store.readStripeState(task);
  // A variant removed since, or never synced (no Stripe product): nothing to keep in step.
  if (!state || state.productId === null) {
    await store.completeStripeChange(task, state?.priceId ?? null);
    return { priceId: state?.priceId ?? null };
  }
  const key = (step: string) => `inventory-api:change:${task.tenantId}:${task.variantId}:${task.revision}:${step}`;
  const account = task.accountId;
  let priceId = state.priceId;
  if (task.unitPriceCents !== undefined) {
    const previous = priceId;
    priceId = null;
    if (task.unitPriceCents !== null) {
      const price = await stripe.createPrice({
        accountId: account,
        productId: state.productId,
        unitAmount: task.unitPriceCents,
        currency: task.currency,
        nickname: task.variantName,
        metadata: { tenant_id: task.tenantId, variant_id: task.variantId },
        idempotencyKey: key('price'),
      });
      priceId = price.id;
      await stripe.updateProduct({
        accountId: account,
        productId: state.productId,
        changes: { defaultPrice: price.id },
        idempotencyKey: key('default'),
      });
    }
    if (previous !== null && previous !== priceId)
      await stripe.updatePrice({ accountId: account, priceId: previous, changes: { active: false }, idempotencyKey: key('retire') });
  }
  if (task.renamed && task.unitPriceCents === undefined && priceId !== null) {
    await stripe.updatePrice({ accountId: account, priceId, changes: { nickname: task.variantName }, idempotencyKey: key('name') });
  }
  if (task.archived !== undefined) {
    if (priceId !== null)
      await stripe.updatePrice({ accountId: account, priceId, changes: { active: !task.archived }, idempotencyKey: key('price-active') });
    if (!task.archived || !state.otherActiveVariants) {
      await stripe.updateProduct({
        accountId: account,
        productId: state.productId,
        changes: { active: !task.archived },
        idempotencyKey: key('product-active'),
      });
    }
  }
  await store.completeStripeChange(task, priceId);
  return { priceId };
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
export async function syncVariantToStripe(
  task: StripeSyncTask,
  stripe: StripeGateway,
  store: StripeSyncStore,
): Promise<{ productId: string; priceId: string | null }> {
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
