import type { InventoryItem, Product, Variant } from '#shared/domain/catalog';
import { newMedusaId, type VariantInventoryLink } from '#shared/domain/inventoryLink';

/**
 * The inventory item a product's or variant's stock is kept in, as Medusa keeps a variant that
 * manages inventory: the variant (or a SIMPLE/DIGITAL product) gets its own item the first time
 * it is stocked, through whichever API, linked with required quantity 1. Every API's stock of
 * that variant is then the item's levels.
 */
export type OwnItem =
  | { kind: 'existing'; itemId: string; owner: Owner }
  | { kind: 'new'; item: InventoryItem; link: VariantInventoryLink | null; owner: Owner };

/** Who owns the item: the variant, or the product itself when it has no variants. */
export type Owner = { productId: string; variantId: string | null };

/** What of a product the choice of its own item reads (DayZero's and the import's products are read in part). */
export type OwningProduct = Pick<Product, 'id' | 'tenantId' | 'name' | 'productType' | 'inventoryItemId'>;
export type OwningVariant = Pick<Variant, 'id' | 'name' | 'sku' | 'inventoryItemId'>;

/**
 * The owner's own item: the one it has, or a new one (with its link, for a variant). `ids` names
 * a new item and link where their IDs must not be random (fixtures, loaded again over themselves).
 */
export function ownItemFor(
  product: OwningProduct,
  variant: OwningVariant | undefined,
  at: string,
  ids?: { item: string; link: string },
): OwnItem {
  const owner: Owner = { productId: product.id, variantId: variant?.id ?? null };
  const existing = variant ? variant.inventoryItemId : product.inventoryItemId;
  if (existing !== undefined) return { kind: 'existing', itemId: existing, owner };
  const item: InventoryItem = {
    id: ids?.item ?? newMedusaId('iitem'),
    tenantId: product.tenantId,
    sku: variant?.sku ?? null,
    title: variant?.name ?? product.name,
    description: null,
    requiresShipping: product.productType !== 'DIGITAL',
    owner,
    createdAt: at,
    updatedAt: at,
  };
  const link: VariantInventoryLink | null = variant
    ? {
        id: ids?.link ?? newMedusaId('pvitem'),
        tenantId: product.tenantId,
        productId: product.id,
        variantId: variant.id,
        inventoryItemId: item.id,
        requiredQuantity: 1,
        createdAt: at,
        updatedAt: at,
      }
    : null;
  return { kind: 'new', item, link, owner };
}

export const ownItemId = (own: OwnItem): string => (own.kind === 'existing' ? own.itemId : own.item.id);

/** Medusa's name of a new level. */
export const newLevelId = (): string => newMedusaId('ilev');
