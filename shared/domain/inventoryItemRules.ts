/** Medusa's inventory items and their level batches (see rules.ts). */
export interface InventoryItemRules {
  /** An item whose levels hold reservations stays (Medusa's rule). */
  'item-has-reservations': { inventoryItemId: string };
  /** A product's or variant's own item stays while it is theirs: every API's stock of it is its levels. */
  'own-item-cannot-be-deleted': { inventoryItemId: string; productId: string; variantId: string | null };
  /** A level batch names each level once (one write of a level per transaction). */
  'batch-repeats-level': { inventoryItemId: string; locationId: string };
  /** The bulk batch removes only levels of the items it also creates or updates levels of (a level is found through its item). */
  'level-not-in-batch-items': { levelId: string };
  /** One request is one transaction: at most `maximum` writes (DynamoDB's 100 actions, less the request's own). */
  'too-many-writes': { writes: number; maximum: number };
}
