import { expect } from 'vitest';
import { tenantItems } from '#test/support/tenants';

/** Each stock level of the tenant as stored, with its history (by version), its Medusa views and the OrderCloud records naming it. */
export async function storedLevels(tenantId: string) {
  const items = await tenantItems(tenantId);
  const of = (type: string) => items.filter((item) => item.type === type);
  return of('StockRecord').map((level) => ({
    place: `${String(level.inventoryItemId ?? level.variantId)}@${String(level.locationId)}`,
    onHand: Number(level.onHandQty),
    reserved: Number(level.reservedQty),
    version: Number(level.version),
    names: level.orderCloudRecordIds as string[] | undefined,
    history: of('StockMovement')
      .filter((movement) => movement.recordId === level.id)
      .sort((a, b) => Number(a.version) - Number(b.version)),
    views: of('LocationLevel').filter((view) => view.stockRecordId === level.id),
    records: of('InventoryRecord').filter((item) => item.stockRecordId === level.id),
  }));
}

export type StoredLevel = Awaited<ReturnType<typeof storedLevels>>[number];

/** A level is whole: one history entry per version adding up to on hand, one Medusa view and each record showing that version. */
export function expectWhole(level: StoredLevel): void {
  expect(
    level.history.map((movement) => Number(movement.version)),
    level.place,
  ).toEqual(Array.from({ length: level.version }, (_, i) => i + 1));
  expect(
    level.history.reduce((sum, movement) => sum + Number(movement.qty), 0),
    level.place,
  ).toBe(level.onHand);
  expect(
    level.views.map((view) => [view.stockedQuantity, view.version]),
    level.place,
  ).toEqual([[level.onHand, level.version]]);
  expect(level.records.map((item) => item.id).sort(), level.place).toEqual([...(level.names ?? [])].sort());
  for (const item of level.records)
    expect([item.quantityAvailable, item.version], level.place).toEqual([level.onHand - level.reserved, level.version]);
}
