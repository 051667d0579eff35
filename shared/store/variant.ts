import type { VariantDeleteStore, VariantReadStore, VariantStore } from '#shared/domain/variant';
import { variantReads } from '#shared/store/variantRead';
import { variantWrites } from '#shared/store/variantWrite';

/**
 * DayZero variants: the variant item in its product's partition, found by its ID through the
 * variantById index and listed through VARIANT_LIST_INDEXES (variantList.ts, whose cursors are
 * sealed: only the list route, given the sealing secret, bundles it); its SKU guard and its stock
 * records (as ShopSynch's create writes one) are written with it.
 */
export const variantStore: VariantStore & VariantReadStore & VariantDeleteStore = {
  ...variantReads,
  ...variantWrites,
};
