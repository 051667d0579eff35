import type {
  InventoryItem,
  Level,
  Location,
  LocationLevel,
  StockRecord,
  Variant,
  VariantOptionValue,
  VariantPrice,
} from '#shared/domain/catalog';
import type { VariantInventoryLink } from '#shared/domain/inventoryLink';
import type { InventoryRecord, InventoryRecordView, RecordContext, RecordLevelChange, RecordOwner } from '#shared/domain/inventoryRecord';
import type { SettableQuantity } from '#shared/domain/locationLevel';
import type { OwnItem } from '#shared/domain/ownItem';
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

/** What could not be read (an item that does not match its schema, one not migrated yet), and why. */
export type Unreadable = { unreadable: unknown };

/** The owner's level at a location as read: its product, variant and location, and the level (or why it could not be read). */
export type OwnerLevelRead = (StockContext & { level?: StockRecord | Unreadable }) | Unreadable;

/** A quantity's write: a new level (with its first movement and owner's own item), or a movement of a level as read. */
export type LevelChange =
  { kind: 'insert'; level: NewLevel } | { kind: 'move'; next: StockRecord; movement: StockMovement; enteredLowStock: boolean };

/**
 * A write of many: written; refused because what it was decided over changed (read again); or
 * failed, with what its single write throws (a rule its condition held, or the store's failure).
 */
export type GroupedOutcome = 'written' | 'changed' | { failed: unknown };

/**
 * What an OrderCloud record of the document is decided over: its product, variant and address;
 * the record of its owner under its ID, with the level that record names (its copy, or read);
 * whether a record of the product holds the ID; and the owner's level at the address.
 */
export type RecordRead =
  | Unreadable
  | (RecordContext & {
      location?: Location;
      existing?: InventoryRecord;
      named?: StockRecord | Unreadable;
      idTaken: boolean;
      level?: StockRecord | Unreadable;
    });

/**
 * A record's write: a new level named by it (as insertRecordLevel writes one), a version of the
 * level it names (writeLevelChange), or its own fields alone (replaceRecordFields).
 */
export type RecordChange =
  | { kind: 'insert'; view: InventoryRecordView; level: StockRecord; created: StockMovement; item: OwnItem }
  | { kind: 'level'; change: RecordLevelChange }
  | { kind: 'fields'; previous: InventoryRecord; next: InventoryRecordView };

/** What an inventory item's level of the document is decided over: the item, the location, Medusa's level there and the ledger's, the owner variant. */
export type ItemLevelRead =
  Unreadable | { item?: InventoryItem; location?: Location; view?: LocationLevel; level?: Level; ownerVariant?: Variant };

/** An item level's write: a new level (insertLevel), a movement (writeMovement), or a level stored before the ledger set in place (updateLevel). */
export type ItemLevelChange =
  | { kind: 'insert'; level: Level; created: StockMovement; view: LocationLevel }
  | { kind: 'move'; next: Level; movement: StockMovement; enteredLowStock: boolean }
  | { kind: 'unmigrated'; level: LocationLevel; set: SettableQuantity[] };

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
  /** For each OrderCloud record, what it is decided over (see RecordRead), read consistently, many to a round trip. */
  readRecords(tenantId: string, wanted: readonly { owner: RecordOwner; recordId: string; addressId: string }[]): Promise<RecordRead[]>;
  /**
   * Writes the records' changes many to a transaction, each all or nothing and conditional as its
   * single write is: `changed` when the place, the level or the record changed since they were read.
   */
  writeRecordChanges(changes: readonly RecordChange[]): Promise<GroupedOutcome[]>;
  /** For each inventory item's level, what it is decided over (see ItemLevelRead), read consistently, many to a round trip. */
  readItemLevels(tenantId: string, wanted: readonly { itemId: string; locationId: string }[]): Promise<ItemLevelRead[]>;
  /**
   * Writes the item levels' changes many to a transaction, each all or nothing and conditional as
   * Medusa's single write is: `changed` when the item or the level changed since they were read.
   */
  writeItemLevelChanges(changes: readonly ItemLevelChange[]): Promise<GroupedOutcome[]>;
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
