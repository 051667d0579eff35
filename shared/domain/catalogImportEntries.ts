import type { StockRecord, VariantOptionValue, VariantPrice } from '#shared/domain/catalog';
import type { ImportLevelStore } from '#shared/domain/catalogImportLevels';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { InventoryRecordStore } from '#shared/domain/inventoryRecord';
import type { StockContext, StockRecordStore } from '#shared/domain/stock';

/**
 * What an import document gives beyond the catalog's own entities: a variant's prices, option
 * values and DayZero prices (fields of the variant), its stock quantities and links, and the
 * product's OrderCloud records; and the storage the import writes them with (see catalogImportLedger).
 */

/** A variant of the document. Prices, option values and DayZero's prices are written only when the document gives them. */
export interface ImportedVariant {
  id: string;
  name: string;
  sku?: string | undefined;
  attributes: Record<string, string>;
  /** Medusa's prices, as the variant stores them. */
  prices?: VariantPrice[] | undefined;
  /** The product options' values the variant takes (from its attributes). */
  options?: VariantOptionValue[] | undefined;
  unitPriceCents?: number | undefined;
  unitCostCents?: number | undefined;
  /** Units on hand of the variant's own item, per location. */
  stock?: { locationId: string; onHand: number }[] | undefined;
  /** Medusa's links to inventory items (kits). */
  inventoryLinks?: { id: string; inventoryItemId: string; requiredQuantity: number }[] | undefined;
}

/** An OrderCloud inventory record as the document gives it (defaults applied). */
export interface ImportedRecord {
  id: string;
  variantId?: string | undefined;
  addressId: string;
  allowAllBuyers: boolean;
  orderCanExceed: boolean;
  quantityAvailable: number;
  notificationPoint: number | null;
  xp: Record<string, unknown>;
}

/** The variant's fields that the import writes only when the document gives them. */
export type VariantExtras = Partial<{
  prices: VariantPrice[];
  options: VariantOptionValue[];
  unitPriceCents: number;
  unitCostCents: number;
}>;

/** The entries the import writes through the stock ledger and Medusa's links, after the catalog's (see catalogImportLedger). */
export type LedgerEntity = 'stock' | 'inventoryRecord' | 'inventoryLink' | 'locationLevel';

/** A link of the document, for one variant and item. */
export type ImportedLink = Pick<
  VariantInventoryLink,
  'id' | 'tenantId' | 'productId' | 'variantId' | 'inventoryItemId' | 'requiredQuantity'
>;

/** The storage of the import's stock, records and links: every write goes through the ledger's, OrderCloud's and Medusa's own. */
export interface ImportLedgerStore {
  /** The product, variant and location with the owner's level at the location (its own item's), read consistently. */
  readOwnerLevel(
    tenantId: string,
    wanted: { productId: string; variantId: string | null; locationId: string },
  ): Promise<StockContext & { level?: StockRecord }>;
  stock: Pick<StockRecordStore, 'insertStockRecord' | 'writeMovement'>;
  /** An inventory item's levels, as Medusa's level writes make and move them. */
  levels: ImportLevelStore;
  records: InventoryRecordStore;
  /** The link of the pair, as stored. */
  readLink(link: ImportedLink): Promise<VariantInventoryLink | undefined>;
  /**
   * Puts the link over the pair's link as read (none: only if there is still none), with product,
   * variant and item still there: answers what refused it, if anything.
   */
  putLink(
    link: VariantInventoryLink,
    read: VariantInventoryLink | undefined,
  ): Promise<'product' | 'variant' | 'item' | 'changed' | undefined>;
  /**
   * Whether a failed write met a passing fault of the database (throttled, unavailable): the import
   * then fails whole with a retry (it converges: every entry is an upsert). Any other failure is
   * the entry's own, reported as not written.
   */
  transient(error: unknown): boolean;
}
