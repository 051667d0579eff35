import { describe, expect, it } from 'vitest';
import type { LocationLevel } from '#shared/domain/catalog';
import { inventoryQuantity, newLinkId, type LinkedInventory, type VariantInventoryLink } from '#shared/domain/inventoryLink';
import { AT } from '#test/unit/memoryCatalog';

const level = (locationId: string, stocked: number, reserved = 0): LocationLevel => ({
  id: `lvl_${locationId}`,
  tenantId: 't1',
  inventoryItemId: 'item',
  locationId,
  stockedQuantity: stocked,
  reservedQuantity: reserved,
  incomingQuantity: 0,
  createdAt: AT,
  updatedAt: AT,
});

const link = (itemId: string, requiredQuantity: number): VariantInventoryLink => ({
  id: newLinkId(),
  tenantId: 't1',
  productId: 'p1',
  variantId: 'v1',
  inventoryItemId: itemId,
  requiredQuantity,
  createdAt: AT,
  updatedAt: AT,
});

const linked = (requiredQuantity: number, levels: LocationLevel[]): LinkedInventory => ({
  link: link('item', requiredQuantity),
  item: null,
  levels,
});

describe('Medusa inventory_quantity (domain)', () => {
  it('is null without links, as Medusa 2.21.2 answers', () => expect(inventoryQuantity([])).toBeNull());

  it('sums an item over its locations, divides by the units one variant needs, rounds down, and the scarcest item decides', () => {
    expect(inventoryQuantity([linked(2, [level('a', 90, 10), level('b', 30)])])).toBe(55);
    expect(inventoryQuantity([linked(2, [level('a', 90, 10), level('b', 30)]), linked(1, [level('a', 36, 4), level('b', 12)])])).toBe(44);
    expect(inventoryQuantity([linked(3, [level('a', 10)])])).toBe(3);
  });

  it('goes below 0 where reservations exceed stock, as Medusa computes it, and an item without levels sells nothing', () => {
    expect(inventoryQuantity([linked(1, [level('a', 1, 5)])])).toBe(-4);
    expect(inventoryQuantity([linked(1, [level('a', 100)]), linked(1, [])])).toBe(0);
  });

  it('link IDs are pvitem_ and a ULID', () => expect(newLinkId(0)).toMatch(/^pvitem_0000000000[0-9A-HJKMNP-TV-Z]{16}$/));
});
