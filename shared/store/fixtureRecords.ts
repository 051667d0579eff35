import { createHash } from 'node:crypto';
import type { Location, Product, Variant } from '#shared/domain/catalog';
import { ownItemFor } from '#shared/domain/ownItem';
import { newRecordLevel, recordShowing } from '#shared/domain/recordLevel';
import { movementOf } from '#shared/domain/stock';
import type { ParsedTenantFixture } from '#shared/fixtures/format';
import { catalogItem } from '#shared/store/catalogItems';
import { recordLevelItems } from '#shared/store/ledgerRecords';
import { linkItems } from '#shared/store/linkCopies';
import { exactRecordCount } from '#shared/store/recordCounts';

type Item = Record<string, unknown>;
type ProductFixture = ParsedTenantFixture['products'][number];

/** An owner's own item as the fixtures name it, and whether this is the first of its levels written (then the item and link are too). */
export type FixtureOwnItem = (variantId: string | null) => { itemId: string; linkId: string; first: boolean };

/**
 * A fixture product's OrderCloud records, stored as OrderCloud's create stores them: each is the
 * name of the level of its owner's (its variant's, or the product's) own inventory item at its
 * address, with the level's first movement and Medusa's name of it. Every ID derives from the
 * fixture, so loading it again overwrites the same items.
 */
export function fixtureRecordItems(
  tenantId: string,
  product: ProductFixture,
  locationOf: (id: string) => Location,
  now: string,
  ownItemOf: FixtureOwnItem,
): Item[] {
  const items: Item[] = [];
  const owningProduct: Product = { id: product.id, tenantId, name: product.name, productType: product.type, createdAt: now };
  for (const record of product.inventoryRecords) {
    const variantId = record.variantId ?? null;
    const found = product.variants.find((variant) => variant.id === variantId);
    const variant: Variant | undefined = found && {
      id: found.id,
      tenantId,
      productId: product.id,
      name: found.name,
      sku: found.sku ?? null,
      attributes: found.attributes,
      createdAt: now,
      updatedAt: now,
    };
    const { itemId, linkId, first } = ownItemOf(variantId);
    if (first) {
      const own = ownItemFor(owningProduct, variant, now);
      if (own.kind !== 'new') throw new Error('A fixture owner has no own item before its records');
      items.push(catalogItem.inventoryItem({ ...own.item, id: itemId }));
      if (own.link) items.push(...linkItems({ ...own.link, id: linkId, inventoryItemId: itemId }));
    }
    const address = locationOf(record.addressId);
    const level = newRecordLevel({
      id: `inv_${digest('level', product.id, variantId, address.id).toString('hex').slice(0, 32)}`,
      levelId: `ilev_${ulid('level', product.id, variantId, address.id)}`,
      itemId,
      owner: { productId: product.id, variantId },
      variant,
      address,
      recordId: record.id,
      available: record.quantityAvailable,
      reorderLevel: record.notificationPoint,
      at: now,
    });
    const created = movementOf(
      level,
      { kind: 'created', qty: level.onHandQty, reason: 'ordercloud-create', reference: record.id, notes: null },
      'fixtures',
    );
    const own = {
      id: record.id,
      ownerId: address.ownerId,
      allowAllBuyers: record.allowAllBuyers,
      orderCanExceed: record.orderCanExceed,
      xp: record.xp,
    };
    items.push(...recordLevelItems({ record: recordShowing(level, own, address), address }, level, created));
  }
  // Each owner's count of its records (exact: the fixture names them all), so its list reads only its page.
  for (const variantId of [null, ...product.variants.map((variant) => variant.id)]) {
    const count = product.inventoryRecords.filter((record) => (record.variantId ?? null) === variantId).length;
    items.push(exactRecordCount(tenantId, { productId: product.id, variantId }, count));
  }
  return items;
}

const digest = (...parts: (string | null)[]) => createHash('sha256').update(parts.map(String).join('\u0000')).digest();

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 26 Crockford base-32 characters, the shape of Medusa's IDs (a ULID), from the fixture's names. */
const ulid = (...parts: (string | null)[]) => [...digest(...parts).subarray(0, 26)].map((byte) => CROCKFORD[byte % 32]).join('');
