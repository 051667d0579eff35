import type Stripe from 'stripe';
import { completeStripeSync, rememberStripeProduct, type SyncStore } from '#shared/store/stripeSync';
import type { StripeSyncTask } from '#shared/stripe/task';

/**
 * Creates (or finds again) the Stripe product of the task's product and the price of
 * its variant, then stores both IDs on the variant. Every Stripe call carries an
 * idempotency key derived from our IDs, so a retried task returns the objects the
 * first attempt created instead of making new ones.
 */
export async function syncVariantToStripe(task: StripeSyncTask, stripe: Stripe, store: SyncStore): Promise<{ productId: string; priceId: string | null }> {
  const account = { stripeAccount: task.accountId };
  const product = await stripe.products.create(
    { name: task.productName, metadata: { tenant_id: task.tenantId, product_id: task.productId } },
    { ...account, idempotencyKey: `inventory-api:product:${task.tenantId}:${task.productId}` },
  );
  const productId = await rememberStripeProduct(store, task.tenantId, task.productId, product.id);
  const price =
    task.unitPriceCents === null
      ? null
      : await stripe.prices.create(
          {
            product: productId,
            unit_amount: task.unitPriceCents,
            currency: task.currency,
            nickname: task.variantName,
            metadata: { tenant_id: task.tenantId, variant_id: task.variantId },
          },
          { ...account, idempotencyKey: `inventory-api:price:${task.tenantId}:${task.variantId}` },
        );
  const ids = { productId, priceId: price?.id ?? null };
  await completeStripeSync(store, task, ids);
  return ids;
}
