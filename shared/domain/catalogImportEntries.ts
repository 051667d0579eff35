import type { StockRecord, VariantOptionValue, VariantPrice } from '#shared/domain/catalog';
import type { ImportLevelStore } from '#shared/domain/catalogImportLevels';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { InventoryRecordStore } from '#shared/domain/inventoryRecord';
import type { NewLevel, StockContext, StockMovement } from '#shared/domain/stock';

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

/** The owner's level at a location as read for a quantity: its product, variant and location, or why it could not be read. */
export type OwnerLevelRead = (StockContext & { level?: StockRecord }) | { unreadable: unknown };

/** A quantity's write: a new level (with its first movement and owner's own item), or a movement of a level as read. */
export type LevelChange =
  { kind: 'insert'; level: NewLevel } | { kind: 'move'; next: StockRecord; movement: StockMovement; enteredLowStock: boolean };

/** A write of many: written; refused because what it was decided over changed (read again); or failed. */
export type GroupedOutcome = 'written' | 'changed' | { failed: unknown };

/** A link's write: written, or what refused it (product, variant or item gone; the pair's link changed), or failed. */
export type LinkPutOutcome = GroupedOutcome | 'product' | 'variant' | 'item';

/** The storage of the import's stock, records and links: every write goes through the ledger's, OrderCloud's and Medusa's own. */
export interface ImportLedgerStore {
  /**
   * For each quantity, the product, variant and location with the owner's level at the location
   * (its own item's), read consistently, many to a round trip.
   */
  readOwnerLevels(
    tenantId: string,
    wanted: readonly { productId: string; variantId: string; locationId: string }[],
  ): Promise<OwnerLevelRead[]>;
  /**
   * Writes the levels' changes many to a transaction, each all or nothing and conditional as its
   * single write is (insertStockRecord, writeMovement): `changed` when a level was made, or moved,
   * or its owner took another own item since it was read.
   */
  writeLevelChanges(changes: readonly LevelChange[]): Promise<GroupedOutcome[]>;
  /** An inventory item's levels, as Medusa's level writes make and move them. */
  levels: ImportLevelStore;
  records: InventoryRecordStore;
  /** The links of the pairs, as stored, many to a round trip. */
  readLinks(links: readonly ImportedLink[]): Promise<(VariantInventoryLink | undefined)[]>;
  /**
   * Puts each link over its pair's link as read (none: only if there is still none), with product,
   * variant and item still there, many to a transaction: answers each one's outcome.
   */
  putLinks(puts: readonly { link: VariantInventoryLink; read: VariantInventoryLink | undefined }[]): Promise<LinkPutOutcome[]>;
  /**
   * Whether a failed write met a passing fault of the database (throttled, unavailable): the import
   * then fails whole with a retry (it converges: every entry is an upsert). Any other failure is
   * the entry's own, reported as not written.
   */
  transient(error: unknown): boolean;
}
