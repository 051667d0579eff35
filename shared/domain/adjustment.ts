import { randomUUID } from 'node:crypto';
import type { Attach, Attachment } from '#shared/domain/attachment';
import { nowIso, type Location, type Product, type StockRecord, type Tenant } from '#shared/domain/catalog';
import { newLevel, type NewLevel, type StockRecordStore } from '#shared/domain/stock';
import { adjust, moveStock } from '#shared/domain/stockMovement';
import { retryOnConcurrentChange } from '#shared/domain/concurrency';
import { BusinessRuleError, NotFoundError } from '#shared/domain/errors';
import type { VariantRecord } from '#shared/domain/variant';

/** Reasons DayZero names; any other text is kept as given. */
export const ADJUSTMENT_REASONS = [
  'shrinkage',
  'damage',
  'expired',
  'count_variance',
  'theft',
  'transfer',
  'return',
  'receipt_correction',
  'found',
  'other',
] as const;

/** One stock adjustment: append-only history of the stock record it moved. */
export interface StockAdjustment {
  id: string;
  tenantId: string;
  productId: string;
  variantId: string;
  locationId: string;
  /** Signed change of on-hand units. */
  delta: number;
  reason: string;
  reasonCode: string | null;
  /** The variant's unit cost when the adjustment was made: what the report values it at. */
  unitCostCents: number | null;
  createdAt: string;
}

export interface NewAdjustment {
  variantId: string;
  delta: number;
  reason: string;
  reasonCode: string | null;
  locationId: string | null;
}

export interface AdjustmentTarget {
  tenant?: Tenant;
  variant?: VariantRecord;
  /** The variant's product, as a first stock of a variant without an own item makes one from both. */
  product?: Product;
  location?: Location;
  /** The stock record at that location, if one exists yet. */
  stock?: StockRecord;
}

/** The storage adjustments need. */
export interface AdjustmentStore {
  /**
   * The business, the variant, the location (the one named, else the business's default) and its stock record (consistent),
   * with the variant's product and own item (consistent).
   */
  readAdjustmentTarget(tenantId: string, variantId: string, locationId: string | null): Promise<AdjustmentTarget>;
  /** The stock store whose movements also append `adjustment`, in the movement's own transaction. */
  movingWith(adjustment: StockAdjustment): Pick<StockRecordStore, 'readStockRecord' | 'writeMovement'>;
  /**
   * Creates the level (a first positive adjustment at a location) with the adjustment, in one transaction; a level
   * created there meanwhile, or an own item the variant took meanwhile, is a ConcurrentChangeError.
   */
  insertStockRecordWith(level: NewLevel, adjustment: StockAdjustment, attachment?: Attachment): Promise<void>;
  /** Every adjustment of the business made in [since, until], oldest first. */
  adjustmentsBetween(tenantId: string, since: string, until: string): Promise<StockAdjustment[]>;
}

/**
 * Adjusts a variant's on-hand stock at a location (default: the business's default location), as
 * a stock movement like ShopSynch's adjust (version check, history entry, low-stock index and
 * outbox) that also records the adjustment for the report. On hand never goes below 0 nor below
 * what is reserved.
 */
export async function adjustStock(
  store: AdjustmentStore,
  actor: { tenantId: string; subject: string },
  input: NewAdjustment,
  attach?: Attach<StockAdjustment>,
): Promise<StockAdjustment> {
  return retryOnConcurrentChange(() => adjustOnce(store, actor, input, attach));
}

async function adjustOnce(
  store: AdjustmentStore,
  actor: { tenantId: string; subject: string },
  input: NewAdjustment,
  attach?: Attach<StockAdjustment>,
): Promise<StockAdjustment> {
  const { tenantId } = actor;
  const target = await store.readAdjustmentTarget(tenantId, input.variantId, input.locationId);
  if (!target.tenant) throw new NotFoundError('Tenant', tenantId);
  if (!target.variant) throw new NotFoundError('Variant', input.variantId);
  const locationId = input.locationId ?? target.tenant.defaultLocationId ?? null;
  if (locationId === null)
    throw new BusinessRuleError('adjustment-without-location', 'The adjustment names no location and the tenant has no default one');
  if (!target.location) throw new NotFoundError('Location', locationId);
  const floor = (record: Pick<StockRecord, 'onHandQty' | 'reservedQty'> | undefined) => {
    const onHand = record?.onHandQty ?? 0;
    if (onHand + input.delta < (record?.reservedQty ?? 0)) throw insufficient(onHand, record?.reservedQty ?? 0, input.delta);
  };
  floor(target.stock);

  const adjustment: StockAdjustment = {
    id: randomUUID(),
    tenantId,
    productId: target.variant.productId,
    variantId: target.variant.id,
    locationId,
    delta: input.delta,
    reason: input.reason,
    reasonCode: input.reasonCode,
    unitCostCents: target.variant.unitCostCents,
    createdAt: nowIso(),
  };
  if (!target.stock) {
    // A first positive adjustment at this location creates its level (of the variant's own item), holding the units added.
    if (!target.product) throw new NotFoundError('Product', target.variant.productId);
    const level = newLevel(
      { product: target.product, variant: target.variant },
      {
        id: `inv_${adjustment.id.replaceAll('-', '')}`,
        location: target.location,
        bin: null,
        onHandQty: input.delta,
        reservedQty: 0,
        reorderLevel: null,
        reorderQty: null,
        attributes: {},
        countedAt: null,
        at: adjustment.createdAt,
      },
      actor.subject,
    );
    await store.insertStockRecordWith(level, adjustment, attach?.(adjustment));
    return adjustment;
  }
  // The movement decides again on the record as each attempt reads it: the floor holds under concurrency.
  const movement = adjust({
    qty: input.delta,
    reason: input.reason,
    ...(input.reasonCode === null ? {} : { reference: input.reasonCode }),
  });
  await moveStock(
    store.movingWith(adjustment),
    actor,
    target.stock.id,
    (record) => {
      floor(record);
      return movement(record);
    },
    attach ? () => attach(adjustment) : undefined,
  );
  return adjustment;
}

/** A removal beyond the stock on hand, less what is reserved. */
const insufficient = (onHand: number, reserved: number, change: number) =>
  new BusinessRuleError('removal-exceeds-stock', `Removing ${-change} exceeds the ${onHand} on hand less the ${reserved} reserved`, {
    change,
    onHand,
    reserved,
  });

export interface ReasonRow {
  reason: string;
  count: number;
  /** Signed sum of the units adjusted. */
  units: number;
  /** Signed sum of units × unit cost at the time (adjustments of variants without a cost count 0). */
  valueCents: number;
}

export interface AdjustmentReasonsReport {
  since: string;
  until: string;
  rows: ReasonRow[];
  totalAdjustments: number;
  totalValueCents: number;
}

/** The longest period one report covers: its cost grows with the adjustments in it. */
export const MAX_REPORT_DAYS = 366;

/** Per reason, how many adjustments, how many units and what value, in the period (both ends included). */
export async function adjustmentReasonsReport(
  store: AdjustmentStore,
  tenantId: string,
  period: { since: string; until: string },
): Promise<AdjustmentReasonsReport> {
  if (period.since > period.until) throw new BusinessRuleError('period-reversed', 'The period starts after it ends');
  if (Date.parse(period.until) - Date.parse(period.since) > MAX_REPORT_DAYS * 86_400_000) {
    throw new BusinessRuleError('period-too-long', `The period spans more than ${MAX_REPORT_DAYS} days`, { maximumDays: MAX_REPORT_DAYS });
  }
  const adjustments = await store.adjustmentsBetween(tenantId, period.since, period.until);
  const rows = new Map<string, ReasonRow>();
  for (const adjustment of adjustments) {
    const row = rows.get(adjustment.reason) ?? { reason: adjustment.reason, count: 0, units: 0, valueCents: 0 };
    row.count += 1;
    row.units += adjustment.delta;
    row.valueCents += adjustment.delta * (adjustment.unitCostCents ?? 0);
    rows.set(adjustment.reason, row);
  }
  const sorted = [...rows.values()].sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return {
    ...period,
    rows: sorted,
    totalAdjustments: adjustments.length,
    totalValueCents: sorted.reduce((sum, row) => sum + row.valueCents, 0),
  };
}
