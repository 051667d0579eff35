/** Medusa's inventory items and their level batches (see rules.ts). */
export interface InventoryItemRules {
  /** An item whose levels hold reservations stays (Medusa's rule). */
  'item-has-reservations': { inventoryItemId: string };
  /** A product's or variant's own item stays while it is theirs: every API's stock of it is its levels. */
  'own-item-cannot-be-deleted': { inventoryItemId: string; productId: string; variantId: string | null };
  /** One request is one transaction: at most `maximum` writes (DynamoDB's 100 actions, less the request's own). */
  'too-many-writes': { writes: number; maximum: number };
}
