import type { Key } from '#shared/store/keys';

/** Entity-type attribute written on every item. */
export type EntityType =
  | 'Tenant'
  | 'MerchantApiKey'
  | 'Location'
  | 'Vendor'
  | 'Product'
  | 'Variant'
  | 'SkuGuard'
  | 'StockRecord'
  | 'InventoryItem'
  | 'LocationLevel'
  | 'IdempotencyRecord'
  | 'VariantInventoryLink'
  | 'InventoryRecord'
  | 'StripeSyncTask';

export function toItem<T extends object>(type: EntityType, key: Key, entity: T): Record<string, unknown> {
  return { ...entity, ...key, type };
}

/** Strips the key and type attributes, leaving the entity as the domain knows it. */
export function fromItem<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, type: _type, ...entity } = item;
  return entity as T;
}
