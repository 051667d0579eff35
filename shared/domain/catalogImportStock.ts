import { randomUUID } from 'node:crypto';
import {
  failedWrite,
  plannedStockRecords,
  type CatalogDocument,
  type CatalogImportSession,
  type CatalogImportStore,
  type ImportResult,
} from '#shared/domain/catalogImport';
import { UnavailableError } from '#shared/domain/errors';
import { ownItemId } from '#shared/domain/ownItem';
import { newLevel, type NewLevel } from '#shared/domain/stock';

/**
 * The import's zero-quantity stock records. A product imported with a warehouse list gets one in
 * each of them (per variant for VARIABLE products), as the vendor creates them at product creation:
 * levels of the owner's own item, made with its first one. The store inserts them many to a
 * transaction (insertStockRecords), each conditional as a single insert is: an existing record is
 * never touched. One owner's levels go in successive rounds, so its first makes the item and the
 * next ones reuse it; an owner that took another own item since it was read is read again.
 */

/** Attempts at one level whose owner keeps taking another own item meanwhile (as retryOnConcurrentChange's). */
const ATTEMPTS = 5;
/** The Retry-After of the UnavailableError a level gives up with: named in its refusal, as a single insert's was. */
const GIVE_UP = new UnavailableError(1);

type Actor = { tenantId: string; subject: string };
type Product = CatalogDocument['products'][number];
type Wanted = ReturnType<typeof plannedStockRecords>[number] & { product: Product; path: string };

export async function importStockRecords(
  store: CatalogImportStore,
  session: CatalogImportSession,
  actor: Actor,
  document: CatalogDocument,
  path: string,
  done: ImportResult[],
  now: string,
): Promise<ImportResult[]> {
  const refused = new Set(done.filter((result) => result.result === 'refused').map((result) => result.path));
  const wanted: Wanted[] = document.products.flatMap((product, i) =>
    refused.has(`${path}.products[${i}]`)
      ? []
      : plannedStockRecords(product)
          .filter(
            ({ variantId }) =>
              variantId === null ||
              !refused.has(`${path}.products[${i}].variants[${product.variants.findIndex((variant) => variant.id === variantId)}]`),
          )
          .map((record) => ({
            ...record,
            product,
            path: `${path}.products[${i}].warehouseIds[${product.warehouseIds!.indexOf(record.locationId)}]`,
          })),
  );
  // Round k holds each owner's k-th level; an owner's own item as the import began, then as its last level left it.
  const rounds: number[][] = [];
  const ownItems = new Map<string, string | undefined>();
  const seen = new Map<string, number>();
  wanted.forEach(({ product, variantId }, index) => {
    const owner = ownerOf(product, variantId);
    const k = seen.get(owner) ?? 0;
    seen.set(owner, k + 1);
    if (k === 0) ownItems.set(owner, session.ownItemOf(product.id, variantId));
    (rounds[k] ??= []).push(index);
  });
  const results = new Array<ImportResult>(wanted.length);
  for (const round of rounds) await insertRound(store, actor, document, wanted, round, ownItems, results, now);
  return results;
}

const ownerOf = (product: Product, variantId: string | null) => `${product.id}\u0000${variantId ?? ''}`;
const idOf = ({ product, variantId, locationId }: Wanted) => `${product.id}${variantId === null ? '' : `/${variantId}`}@${locationId}`;

/** One round's levels (no two of one owner), inserted together until each is created, found existing or refused. */
async function insertRound(
  store: CatalogImportStore,
  actor: Actor,
  document: CatalogDocument,
  wanted: Wanted[],
  round: number[],
  ownItems: Map<string, string | undefined>,
  results: ImportResult[],
  now: string,
): Promise<void> {
  const result = (index: number, outcome: Pick<ImportResult, 'result' | 'reason'>) =>
    (results[index] = { path: wanted[index]!.path, entity: 'stockRecord', id: idOf(wanted[index]!), ...outcome });
  let pending = round;
  for (let attempt = 1; attempt <= ATTEMPTS && pending.length > 0; attempt++) {
    if (attempt > 1) pending = await readOwnersAgain(store, actor, wanted, pending, ownItems, result);
    const levels = pending.map((index) => levelOf(actor, document, wanted[index]!, ownItems, now));
    const outcomes = await store.insertStockRecords(levels);
    const again: number[] = [];
    outcomes.forEach((outcome, i) => {
      const index = pending[i]!;
      if (outcome === 'created') {
        ownItems.set(ownerOf(wanted[index]!.product, wanted[index]!.variantId), ownItemId(levels[i]!.own));
        result(index, { result: 'created' });
      } else if (outcome === 'exists') result(index, { result: 'unchanged' });
      else if (outcome === 'ownerChanged') again.push(index);
      else result(index, { result: 'refused', reason: failedWrite(outcome.failed) });
    });
    pending = again;
  }
  for (const index of pending) result(index, { result: 'refused', reason: failedWrite(GIVE_UP) });
}

/** The owners of levels refused because they took another own item: read again; one whose type changed meanwhile is refused. */
async function readOwnersAgain(
  store: CatalogImportStore,
  actor: Actor,
  wanted: Wanted[],
  pending: number[],
  ownItems: Map<string, string | undefined>,
  result: (index: number, outcome: Pick<ImportResult, 'result' | 'reason'>) => void,
): Promise<number[]> {
  const read = await Promise.all(
    pending.map((index) => {
      const { product, variantId, locationId } = wanted[index]!;
      return store.stock.readStockContext(actor.tenantId, { productId: product.id, variantId, locationId });
    }),
  );
  return pending.filter((index, i) => {
    const { product, variantId } = wanted[index]!;
    const stored = read[i]!;
    // Its type changed meanwhile (the store's write refused the level): a VARIABLE product's stock is its variants'.
    const type = stored.product?.productType;
    if (type !== undefined && (type === 'VARIABLE') !== (variantId !== null)) {
      const reason = `product "${product.id}" is ${type} now: ${type === 'VARIABLE' ? 'its stock is its variants' : 'it has no variants'}`;
      result(index, { result: 'refused', reason });
      return false;
    }
    ownItems.set(ownerOf(product, variantId), variantId === null ? stored.product?.inventoryItemId : stored.variant?.inventoryItemId);
    return true;
  });
}

/** One zero-quantity level of the owner's own item (as known), mirroring the SKU's attributes as the ShopSynch route does. */
function levelOf(
  actor: Actor,
  document: CatalogDocument,
  wanted: Wanted,
  ownItems: Map<string, string | undefined>,
  now: string,
): NewLevel {
  const { product, variantId, attributes, locationId } = wanted;
  // Every chunk carries the tenant's locations, so the warehouse's name is at hand.
  const location = document.locations.find((candidate) => candidate.id === locationId)!;
  const variant = variantId === null ? undefined : product.variants.find((candidate) => candidate.id === variantId)!;
  const ownItem = ownItems.get(ownerOf(product, variantId));
  const own = ownItem === undefined ? {} : { inventoryItemId: ownItem };
  return newLevel(
    {
      product: { id: product.id, tenantId: actor.tenantId, name: product.name, productType: product.type, ...(variant ? {} : own) },
      variant: variant && { id: variant.id, name: variant.name, sku: variant.sku ?? null, ...own },
    },
    {
      id: `inv_${randomUUID().replaceAll('-', '')}`,
      bin: null,
      onHandQty: 0,
      reservedQty: 0,
      reorderLevel: null,
      reorderQty: null,
      attributes,
      countedAt: null,
      location,
      at: now,
    },
    actor.subject,
  );
}
