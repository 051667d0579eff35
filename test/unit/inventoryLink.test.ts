import { describe, expect, it } from 'vitest';
import type { LocationLevel } from '#shared/domain/catalog';
import { ConcurrentChangeError, NotFoundError, UnavailableError } from '#shared/domain/errors';
import { inventoryQuantity, linkVariantInventoryItem, newLinkId, type InventoryLinkStore, type LinkedInventory, type StockedItem, type VariantInventoryLink } from '#shared/domain/inventoryLink';
import { AT, variant } from '#test/unit/memoryCatalog';

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

const linked = (requiredQuantity: number, levels: LocationLevel[]): LinkedInventory => ({ link: link('item', requiredQuantity), item: null, levels });

describe('Medusa inventory_quantity (domain)', () => {
  it('is 0 without links', () => expect(inventoryQuantity([])).toBe(0));

  it('sums an item over its locations, divides by the units one variant needs, rounds down, and the scarcest item decides', () => {
    expect(inventoryQuantity([linked(2, [level('a', 90, 10), level('b', 30)])])).toBe(55);
    expect(inventoryQuantity([linked(2, [level('a', 90, 10), level('b', 30)]), linked(1, [level('a', 36, 4), level('b', 12)])])).toBe(44);
    expect(inventoryQuantity([linked(3, [level('a', 10)])])).toBe(3);
  });

  it('never goes below 0, and an item without levels sells nothing', () => {
    expect(inventoryQuantity([linked(1, [level('a', 1, 5)])])).toBe(0);
    expect(inventoryQuantity([linked(1, [level('a', 100)]), linked(1, [])])).toBe(0);
  });

  it('link IDs are pvitem_ and a ULID', () => expect(newLinkId(0)).toMatch(/^pvitem_0000000000[0-9A-HJKMNP-TV-Z]{16}$/));
});

/** The port in memory: links keyed by (variant, item), written only over the link ID that was read. */
function memoryLinkStore(options: { interfere?: number } = {}) {
  const links = new Map<string, VariantInventoryLink>();
  const items = new Map<string, StockedItem>([['cup', { item: { id: 'cup', tenantId: 't1', sku: null, title: 'Cup', description: null, requiresShipping: true, createdAt: AT, updatedAt: AT }, levels: [level('a', 9)] }]]);
  let interfere = options.interfere ?? 0;
  const store: InventoryLinkStore = {
    async readLinkTarget(_tenantId, target) {
      const found = items.get(target.inventoryItemId);
      return {
        productExists: target.productId === 'p1',
        ...(target.productId === 'p1' && target.variantId === 'v1' ? { variant: variant('p1', 'v1') } : {}),
        links: [...links.values()],
        ...(found ? { item: found } : {}),
      };
    },
    async readInventoryItems(_tenantId, ids) {
      return new Map(ids.flatMap((id) => (items.has(id) ? [[id, items.get(id)!] as const] : [])));
    },
    async writeLink(written, expectedId) {
      if (interfere > 0) {
        interfere -= 1;
        throw new ConcurrentChangeError('changed');
      }
      const current = links.get(written.inventoryItemId);
      if ((current?.id ?? null) !== expectedId) throw new ConcurrentChangeError('changed');
      links.set(written.inventoryItemId, written);
    },
  };
  return { store, links };
}

describe('linking a variant to an inventory item (domain, in memory)', () => {
  const request = { productId: 'p1', variantId: 'v1', inventoryItemId: 'cup', requiredQuantity: 2 };

  it('creates one link per pair and updates its quantity on a repeat, keeping its ID', async () => {
    const { store, links } = memoryLinkStore();
    const first = await linkVariantInventoryItem(store, 't1', request, { withStock: true });
    expect(first.inventoryQuantity).toBe(4);
    const second = await linkVariantInventoryItem(store, 't1', { ...request, requiredQuantity: 3 }, { withStock: true });
    expect(links.size).toBe(1);
    expect(second.links[0]!.link.id).toBe(first.links[0]!.link.id);
    expect(second.links[0]!.link.requiredQuantity).toBe(3);
    expect(second.inventoryQuantity).toBe(3);
  });

  it('names the missing object', async () => {
    const { store } = memoryLinkStore();
    await expect(linkVariantInventoryItem(store, 't1', { ...request, productId: 'nope' }, { withStock: false })).rejects.toEqual(new NotFoundError('Product', 'nope'));
    await expect(linkVariantInventoryItem(store, 't1', { ...request, variantId: 'nope' }, { withStock: false })).rejects.toEqual(new NotFoundError('Variant', 'nope'));
    await expect(linkVariantInventoryItem(store, 't1', { ...request, inventoryItemId: 'nope' }, { withStock: false })).rejects.toEqual(new NotFoundError('InventoryItem', 'nope'));
  });

  it('reads again after a concurrent change, and gives up with a retryable error when it never settles', async () => {
    const settles = memoryLinkStore({ interfere: 3 });
    await expect(linkVariantInventoryItem(settles.store, 't1', request, { withStock: false })).resolves.toMatchObject({ links: [expect.anything()] });
    const never = memoryLinkStore({ interfere: 100 });
    await expect(linkVariantInventoryItem(never.store, 't1', request, { withStock: false })).rejects.toBeInstanceOf(UnavailableError);
    expect(never.links.size).toBe(0);
  });
});
