import { randomUUID } from 'node:crypto';
import { nowIso, type StockRecord } from '#shared/domain/catalog';
import type { GroupedOutcome, ImportLedgerStore, LevelChange, OwnerLevelRead } from '#shared/domain/catalogImportEntries';
import { decideInGroups, type Decision, type Outcome } from '#shared/domain/catalogImportGrouped';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import { isLowStock, movementOf, newLevel } from '#shared/domain/stock';
import { adjust } from '#shared/domain/stockMovement';

/**
 * A variant's quantity at a location sets on hand of its own item's level there: a new level
 * starts with it (first movement reason `import`), an existing one moves by the difference
 * (reason `import`, none when equal); a quantity below what is reserved is refused. The document's
 * quantities are read together and written many to a transaction (decideInGroups), each write
 * conditional on the level as read (its version) or on there being none (its guard).
 */

type Actor = { tenantId: string; subject: string };
export interface WantedQuantity {
  productId: string;
  variantId: string;
  locationId: string;
  onHand: number;
}

export function importQuantities(store: ImportLedgerStore, actor: Actor, wanted: readonly WantedQuantity[]): Promise<Outcome[]> {
  return decideInGroups<WantedQuantity, OwnerLevelRead, LevelChange, GroupedOutcome>(wanted, {
    read: (entries) => store.readOwnerLevels(actor.tenantId, entries),
    decide: (entry, read) => decideQuantity(actor, entry, read),
    write: (changes) => store.writeLevelChanges(changes),
    // One level: its owner and location. An owner's new levels at two locations go side by side: the
    // second is refused by the first's own item, and made over it once read again.
    key: ({ productId, variantId, locationId }) => `${productId}\u0000${variantId}\u0000${locationId}`,
    transient: store.transient,
  });
}

/** One quantity over its owner's level as read: refused, unchanged, a new level, or a movement by the difference. */
function decideQuantity(actor: Actor, wanted: WantedQuantity, read: OwnerLevelRead): Decision<LevelChange> {
  if ('unreadable' in read) throw read.unreadable;
  const { product, variant, location, level } = read;
  if (level && 'unreadable' in level) throw level.unreadable;
  if (!product) throw new NotFoundError('Product', wanted.productId);
  if (!variant) throw new NotFoundError('Variant', wanted.variantId, { productId: wanted.productId });
  if (product.productType !== 'VARIABLE')
    throw new BusinessRuleError('variant-not-allowed', `A ${product.productType} product holds stock without variants`, {
      productType: product.productType,
    });
  if (!location) throw new NotFoundError('Location', wanted.locationId);
  if (!level) {
    const at = nowIso();
    const made = newLevel(
      { product, variant },
      {
        id: `inv_${randomUUID().replaceAll('-', '')}`,
        location,
        bin: null,
        onHandQty: wanted.onHand,
        reservedQty: 0,
        reorderLevel: null,
        reorderQty: null,
        attributes: variant.attributes,
        // As a document's quantities are loaded by the fixtures: a count, made now.
        countedAt: at,
        at,
      },
      actor.subject,
    );
    return {
      change: { kind: 'insert', level: { ...made, created: { ...made.created, reason: 'import' } } },
      written: { result: 'created' },
    };
  }
  if (level.onHandQty === wanted.onHand) return { outcome: { result: 'unchanged' } };
  return { change: movement(actor, level, wanted.onHand), written: { result: 'updated' } };
}

/** One movement of on hand by the difference, reason `import`; on hand never below what is reserved (adjust's floor). */
function movement(actor: Actor, level: StockRecord, onHand: number): LevelChange {
  if (onHand < level.reservedQty)
    throw new BusinessRuleError(
      'on-hand-below-reserved',
      `${onHand} on hand is below the ${level.reservedQty} reserved at ${level.locationId}: the import sets on hand, never below what orders hold`,
      { change: onHand - level.onHandQty, onHand, reserved: level.reservedQty },
    );
  const { next: fields, change } = adjust({ qty: onHand - level.onHandQty, reason: 'import' })(level);
  const at = nowIso();
  const next: StockRecord = { ...fields, version: level.version + 1, updatedAt: at, lastAdjustedAt: at };
  return { kind: 'move', next, movement: movementOf(next, change, actor.subject), enteredLowStock: !isLowStock(level) && isLowStock(next) };
}
