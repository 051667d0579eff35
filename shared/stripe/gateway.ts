import Stripe from 'stripe';
import type { StripeGateway, StripeUpdateGateway } from '#shared/domain/stripeSync';

/** The sync's Stripe port on the official client, every object on the business's connected account. */
export function stripeGateway(stripe: Stripe): StripeGateway & StripeUpdateGateway {
  return {
    async createProduct({ accountId, name, metadata, idempotencyKey }) {
      return stripe.products.create({ name, metadata }, { stripeAccount: accountId, idempotencyKey });
    },
    async createPrice({ accountId, productId, unitAmount, currency, nickname, metadata, idempotencyKey }) {
      return stripe.prices.create(
        { product: productId, unit_amount: unitAmount, currency, nickname, metadata },
        { stripeAccount: accountId, idempotencyKey },
      );
    },
    async updateProduct({ accountId, productId, changes, idempotencyKey }) {
      await stripe.products.update(
        productId,
        {
          ...(changes.defaultPrice ? { default_price: changes.defaultPrice } : {}),
          ...(changes.active === undefined ? {} : { active: changes.active }),
        },
        { stripeAccount: accountId, idempotencyKey },
      );
    },
    async updatePrice({ accountId, priceId, changes, idempotencyKey }) {
      await stripe.prices.update(
        priceId,
        {
          ...(changes.nickname === undefined ? {} : { nickname: changes.nickname }),
          ...(changes.active === undefined ? {} : { active: changes.active }),
        },
        { stripeAccount: accountId, idempotencyKey },
      );
    },
  };
}

/** A Stripe client for this key: the real API, or a local stand-in named by STRIPE_API_HOST (npm start, tests). */
export function stripeClient(secretKey: string, env: NodeJS.ProcessEnv = process.env): Stripe {
  return new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(env.STRIPE_API_HOST
      ? {
          host: env.STRIPE_API_HOST,
          port: Number(env.STRIPE_API_PORT ?? 443),
          protocol: env.STRIPE_API_PROTOCOL === 'http' ? 'http' : 'https',
        }
      : {}),
  });
}
