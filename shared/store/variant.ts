import type { VariantDeleteStore, VariantListStore, VariantReadStore, VariantStore } from '#shared/domain/variant';
import { variantLists } from '#shared/store/variantList';
import { variantReads } from '#shared/store/variantRead';
import { variantWrites } from '#shared/store/variantWrite';

/**
 * DayZero variants: the variant item in its product's partition, found by its ID through the
 * variantById index and listed through VARIANT_LIST_INDEXES; its SKU guard and its stock
 * records (as ShopSynch's create writes one) are written with it.
 */
export const variantStore: VariantStore & VariantReadStore & VariantDeleteStore & VariantListStore = {
  ...variantReads,
  ...variantLists,
  ...variantWrites,
};
