/** The outbox entry the variant transaction writes when a variant must reach Stripe. */
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
