import { describe, expect, it } from 'vitest';
import type { StockRecord } from '#shared/domain/catalog';
import { ConcurrentChangeError, NotFoundError, UnavailableError } from '#shared/domain/errors';
import { isLowStock, type StockMovement, type StockRecordStore } from '#shared/domain/stock';
import { adjust, moveStock, release, reserve } from '#shared/domain/stockMovement';

/** The port in memory: one record, written only over the version read, like the store's condition. */
function memoryStore(record: StockRecord, options: { loseRaces?: number } = {}) {
  let current = record;
  let races = options.loseRaces ?? 0;
  const movements: StockMovement[] = [];
  const crossings: number[] = [];
  const store: Pick<StockRecordStore, 'readStockRecord' | 'writeMovement'> = {
    async readStockRecord(tenantId, id) {
      return tenantId === current.tenantId && id === current.id ? current : undefined;
    },
    async writeMovement(next, movement, enteredLowStock) {
      if (races > 0) {
        races -= 1;
        throw new ConcurrentChangeError('lost a race');
      }
      if (next.version !== current.version + 1) throw new ConcurrentChangeError('stale');
      current = next;
      movements.push(movement);
      if (enteredLowStock) crossings.push(next.version);
    },
  };
  return { store: store as StockRecordStore, movements, crossings, current: () => current };
}

const RECORD: StockRecord = {
  id: 'inv_1',
  tenantId: 't',
  productId: 'p',
  variantId: null,
  locationId: 'wh',
  locationName: 'WH',
  bin: null,
  onHandQty: 10,
  reservedQty: 0,
  incomingQty: 0,
  orderCloudRecordIds: [],
  reorderLevel: 4,
  reorderQty: null,
  attributes: {},
  countedAt: null,
  version: 1,
  lastAdjustedAt: '2026-01-01T00:00:00Z',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};
const actor = { tenantId: 't', subject: 'u' };

describe('stock movements', () => {
  it('is low exactly at or below the reorder level, never without one', () => {
    expect(isLowStock({ onHandQty: 10, reservedQty: 6, reorderLevel: 4 })).toBe(true);
    expect(isLowStock({ onHandQty: 10, reservedQty: 5, reorderLevel: 4 })).toBe(false);
    expect(isLowStock({ onHandQty: 0, reservedQty: 0, reorderLevel: null })).toBe(false);
  });

  it('reserves within what is available and records the movement with the quantities after it', async () => {
    const memory = memoryStore(RECORD);
    const next = await moveStock(memory.store, actor, 'inv_1', reserve({ qty: 3, reference: 'o-1' }));
    expect(next).toMatchObject({ reservedQty: 3, version: 2 });
    expect(memory.movements).toEqual([
      expect.objectContaining({ kind: 'reserved', qty: 3, reference: 'o-1', onHandQty: 10, reservedQty: 3, version: 2, by: 'u' }),
    ]);
    await expect(moveStock(memory.store, actor, 'inv_1', reserve({ qty: 8 }))).rejects.toMatchObject({
      rule: 'reserve-exceeds-available',
      detail: { requested: 8, available: 7 },
    });
  });

  it('releases only what is reserved, and adjusts on hand never below it', async () => {
    const memory = memoryStore({ ...RECORD, reservedQty: 2 });
    await expect(moveStock(memory.store, actor, 'inv_1', release({ qty: 3 }))).rejects.toMatchObject({
      rule: 'release-exceeds-reserved',
      detail: { requested: 3, reserved: 2 },
    });
    await expect(moveStock(memory.store, actor, 'inv_1', adjust({ qty: -9, reason: 'count' }))).rejects.toMatchObject({
      rule: 'on-hand-below-reserved',
      detail: { change: -9, onHand: 1, reserved: 2 },
    });
    const adjusted = await moveStock(memory.store, actor, 'inv_1', adjust({ qty: -8, reason: 'count', reorderLevel: 1 }));
    expect(adjusted).toMatchObject({ onHandQty: 2, reservedQty: 2, reorderLevel: 1, lastAdjustedAt: adjusted.updatedAt });
  });

  it('reports a crossing into low stock only when the state changes', async () => {
    const memory = memoryStore(RECORD);
    await moveStock(memory.store, actor, 'inv_1', reserve({ qty: 5 })); // 5 available
    await moveStock(memory.store, actor, 'inv_1', reserve({ qty: 1 })); // 4: crossing
    await moveStock(memory.store, actor, 'inv_1', reserve({ qty: 1 })); // 3: still low
    await moveStock(memory.store, actor, 'inv_1', adjust({ qty: 5, reason: 'delivery' })); // 8: out
    await moveStock(memory.store, actor, 'inv_1', adjust({ qty: 1, reason: 'count', reorderLevel: 9 })); // 9 ≤ 9: crossing by level
    expect(memory.crossings).toEqual([3, 6]);
  });

  it('reads again after a lost race and decides again; gives up with 503 at the deadline', async () => {
    const memory = memoryStore(RECORD, { loseRaces: 3 });
    expect(await moveStock(memory.store, actor, 'inv_1', reserve({ qty: 1 }))).toMatchObject({ reservedQty: 1 });
    const stuck = memoryStore(RECORD, { loseRaces: Number.MAX_SAFE_INTEGER });
    await expect(moveStock(stuck.store, actor, 'inv_1', reserve({ qty: 1 }), undefined, Date.now() + 50)).rejects.toBeInstanceOf(
      UnavailableError,
    );
  });

  it("does not find another tenant's record", async () => {
    const memory = memoryStore(RECORD);
    await expect(moveStock(memory.store, { tenantId: 'other', subject: 'u' }, 'inv_1', reserve({ qty: 1 }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });
});
