import { beforeAll, describe, expect, it } from 'vitest';
import { handler as report } from '#functions/dayzero/adjustmentReasonsReport/handler';
import { handler as adjust } from '#functions/dayzero/createAdjustment/handler';
import { handler as getVariant } from '#functions/dayzero/getVariant/handler';
import { putMany } from '#shared/store/batch';
import { adjustmentKeys } from '#shared/store/keys';
import { invoke } from '#test/support/http';
import { bearer, db, itemsOfType, seedTenant, table, tenantItems, tokenFor } from '#test/support/tenants';

const catalog = () => ({
  name: 'DayZero business',
  defaultLocationId: 'loc_main',
  locations: [
    { id: 'loc_main', name: 'Main' },
    { id: 'loc_back', name: 'Back room' },
  ],
  products: [
    {
      id: 'prod_coffee',
      name: 'House Blend',
      type: 'VARIABLE' as const,
      variants: [
        { id: 'var_a', name: 'A', unitCost: 500, stock: [{ locationId: 'loc_main', onHand: 10, reserved: 4 }] },
        { id: 'var_nocost', name: 'No cost', stock: [{ locationId: 'loc_main', onHand: 10 }] },
      ],
    },
  ],
});

const headersFor = (tenantId: string, extra: Record<string, string | undefined> = {}) => ({
  authorization: bearer(tokenFor(tenantId)),
  'x-business-id': tenantId,
  ...extra,
});
const post = (tenantId: string, body: unknown, headers: Record<string, string | undefined> = {}) =>
  invoke(adjust, {
    path: '/api/v1/inventory/adjustments',
    routeKey: 'POST /api/v1/inventory/adjustments',
    headers: headersFor(tenantId, headers),
    body,
  });
const reasons = (tenantId: string, query?: string) =>
  invoke(report, {
    path: '/api/v1/inventory/reports/adjustment-reasons',
    routeKey: 'GET /api/v1/inventory/reports/adjustment-reasons',
    headers: headersFor(tenantId),
    ...(query ? { query } : {}),
  });
const stockOf = async (tenantId: string, variantId: string, locationId = 'loc_main') =>
  (await itemsOfType(tenantId, 'StockRecord')).find((item) => item.variantId === variantId && item.locationId === locationId);

describe('POST /api/v1/inventory/adjustments', () => {
  let tenantId: string;
  beforeAll(async () => {
    tenantId = await seedTenant(catalog());
  });

  it('moves the stock record at the default location and records the adjustment with it', async () => {
    const reply = await post(tenantId, { variant_id: 'var_a', quantity_change: -3, reason: 'damage', reason_code: 'DMG-1' });
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({
      id: expect.any(String),
      business_id: tenantId,
      variant_id: 'var_a',
      delta: -3,
      correction_reason: 'damage',
      location_id: 'loc_main',
      created_at: expect.any(String),
    });
    const record = await stockOf(tenantId, 'var_a');
    expect(record).toMatchObject({ onHandQty: 7, reservedQty: 4, version: 2 });
    // A movement like ShopSynch's adjust: the next version with its history entry, in the same transaction as the entry below.
    expect((await itemsOfType(tenantId, 'StockMovement')).filter((item) => item.recordId === record!.id)).toEqual([
      expect.objectContaining({ version: 1, kind: 'created' }),
      expect.objectContaining({
        version: 2,
        kind: 'adjusted',
        qty: -3,
        reason: 'damage',
        reference: 'DMG-1',
        onHandQty: 7,
        reservedQty: 4,
      }),
    ]);
    const entries = await itemsOfType(tenantId, 'StockAdjustment');
    expect(entries).toEqual([
      expect.objectContaining({
        id: reply.body.id,
        delta: -3,
        reason: 'damage',
        reasonCode: 'DMG-1',
        unitCostCents: 500,
        pk: adjustmentKeys.month(tenantId, reply.body.created_at.slice(0, 7)),
      }),
    ]);
    const read = await invoke(getVariant, {
      path: '/api/v1/inventory/products/variants/var_a',
      routeKey: 'GET /api/v1/inventory/products/variants/{id}',
      pathParameters: { id: 'var_a' },
      headers: headersFor(tenantId),
    });
    expect(read.body.inventory).toMatchObject({ on_hand: 7, reserved: 4, available: 3 });
  });

  it('creates the stock record at a named location on a first positive adjustment, with free-text reasons', async () => {
    const reply = await post(tenantId, {
      variant_id: 'var_a',
      quantity_change: 4,
      reason: 'pallet recount after audit',
      location_id: 'loc_back',
    });
    expect(reply).toMatchObject({
      status: 201,
      body: { location_id: 'loc_back', delta: 4, correction_reason: 'pallet recount after audit' },
    });
    expect(await stockOf(tenantId, 'var_a', 'loc_back')).toMatchObject({
      onHandQty: 4,
      reservedQty: 0,
      productId: 'prod_coffee',
      variantId: 'var_a',
      type: 'StockRecord',
    });
  });

  it('never lets on-hand go below zero: 400, and nothing is written', async () => {
    const before = await tenantItems(tenantId);
    expect(await post(tenantId, { variant_id: 'var_nocost', quantity_change: -11, reason: 'theft' })).toMatchObject({
      status: 400,
      body: { detail: 'Cannot remove 11 units: only 10 on hand' },
    });
    expect(await post(tenantId, { variant_id: 'var_a', quantity_change: -1, reason: 'theft', location_id: 'loc_main_nope' })).toMatchObject(
      { status: 404, body: { detail: 'Location not found' } },
    );
    expect(await tenantItems(tenantId)).toEqual(before);
  });

  it('keeps the sum exact under concurrent adjustments: on hand = start + every accepted change, one entry each', async () => {
    const t = await seedTenant(catalog());
    const changes = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 2 : -1));
    const replies = await Promise.all(
      changes.map((change) => post(t, { variant_id: 'var_nocost', quantity_change: change, reason: 'count_variance' })),
    );
    // Racing writers commit in any order, so a removal may find nothing on hand: then, and only then, it is refused.
    const refusedForEmptyShelf = (reply: { status: number; body: { detail?: unknown } }) =>
      reply.status === 400 && reply.body.detail === 'Cannot remove 1 units: only 0 on hand';
    expect(
      replies.every((reply) => [201, 503].includes(reply.status) || refusedForEmptyShelf(reply)),
      JSON.stringify(replies.map((reply) => [reply.status, reply.body.detail])),
    ).toBe(true);
    const accepted = replies.filter((reply) => reply.status === 201);
    expect(accepted.length).toBeGreaterThan(0);
    const sum = accepted.reduce((total, reply) => total + (reply.body.delta as number), 0);
    expect((await stockOf(t, 'var_nocost'))!.onHandQty).toBe(10 + sum);
    expect(await itemsOfType(t, 'StockAdjustment')).toHaveLength(accepted.length);
  }, 60_000);

  it('refuses removals concurrently beyond what is on hand: never negative', async () => {
    const t = await seedTenant(catalog());
    const replies = await Promise.all(
      Array.from({ length: 15 }, () => post(t, { variant_id: 'var_nocost', quantity_change: -1, reason: 'shrinkage' })),
    );
    const accepted = replies.filter((reply) => reply.status === 201).length;
    expect(accepted).toBeLessThanOrEqual(10);
    expect((await stockOf(t, 'var_nocost'))!.onHandQty).toBe(10 - accepted);
    expect(
      replies.filter((reply) => reply.status === 400).every((reply) => /^Cannot remove 1 units: only 0 on hand$/.test(reply.body.detail)),
    ).toBe(true);
  }, 60_000);

  it('404 for an unknown variant, 403 without the write permission, 422 for a zero or fractional change', async () => {
    expect(await post(tenantId, { variant_id: 'var_nope', quantity_change: 1, reason: 'found' })).toMatchObject({
      status: 404,
      body: { detail: 'Variant not found' },
    });
    expect(
      await post(
        tenantId,
        { variant_id: 'var_a', quantity_change: 1, reason: 'found' },
        { authorization: bearer(tokenFor(tenantId, { scope: 'inventory/read' })) },
      ),
    ).toMatchObject({ status: 403 });
    const zero = await post(tenantId, { variant_id: 'var_a', quantity_change: 0, reason: '' });
    expect(zero.status).toBe(422);
    expect(zero.body.detail.map((entry: { loc: unknown[] }) => entry.loc)).toEqual([
      ['body', 'quantity_change'],
      ['body', 'reason'],
    ]);
    expect((await post(tenantId, { variant_id: 'var_a', quantity_change: 1.5, reason: 'found' })).body.detail[0]).toMatchObject({
      type: 'int_from_float',
    });
  });
});

describe('GET /api/v1/inventory/reports/adjustment-reasons', () => {
  it('sums count, units and value at unit cost per reason over the period, reading only its months', async () => {
    const t = await seedTenant(catalog());
    const entry = (id: string, createdAt: string, delta: number, reason: string, unitCostCents: number | null) => ({
      ...adjustmentKeys.entry(t, createdAt, id),
      type: 'StockAdjustment',
      id,
      tenantId: t,
      productId: 'prod_coffee',
      variantId: 'var_a',
      locationId: 'loc_main',
      delta,
      reason,
      reasonCode: null,
      unitCostCents,
      createdAt,
    });
    await putMany(db, table, [
      entry('a1', '2026-03-31T23:59:59Z', -5, 'damage', 500),
      entry('a2', '2026-04-01T00:00:00Z', -2, 'damage', 500),
      entry('a3', '2026-04-15T12:00:00Z', -1, 'damage', 600),
      entry('a4', '2026-05-02T08:00:00Z', 3, 'found', 500),
      entry('a5', '2026-05-31T23:59:59Z', -4, 'theft', null),
      entry('a6', '2026-06-01T00:00:00Z', -9, 'theft', 500),
    ]);
    const reply = await reasons(t, 'since=2026-04-01T00:00:00Z&until=2026-05-31T23:59:59Z');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      since: '2026-04-01T00:00:00Z',
      until: '2026-05-31T23:59:59Z',
      rows: [
        { reason: 'damage', count: 2, units: -3, value_cents: -1600 },
        { reason: 'found', count: 1, units: 3, value_cents: 1500 },
        { reason: 'theft', count: 1, units: -4, value_cents: 0 },
      ],
      total_adjustments: 4,
      total_value_cents: -100,
    });
    expect((await reasons(t, 'since=2026-04-01T02:00:00%2B02:00&until=2026-04-01T02:00:00%2B02:00')).body).toMatchObject({
      since: '2026-04-01T00:00:00Z',
      total_adjustments: 1,
    });
  });

  it('includes adjustments just made through the API (default period: the last 30 days)', async () => {
    const t = await seedTenant(catalog());
    await post(t, { variant_id: 'var_a', quantity_change: -2, reason: 'expired' });
    expect((await reasons(t)).body).toMatchObject({
      rows: [{ reason: 'expired', count: 1, units: -2, value_cents: -1000 }],
      total_adjustments: 1,
      total_value_cents: -1000,
    });
  });

  it('400 for a reversed or over-long period, 422 for a value that is not a date-time', async () => {
    const t = await seedTenant(catalog());
    expect(await reasons(t, 'since=2026-05-01T00:00:00Z&until=2026-04-01T00:00:00Z')).toMatchObject({
      status: 400,
      body: { detail: 'since must not be after until' },
    });
    expect(await reasons(t, 'since=2024-01-01T00:00:00Z&until=2026-04-01T00:00:00Z')).toMatchObject({
      status: 400,
      body: { detail: 'The period may span at most 366 days' },
    });
    // Dates keep to ISO 8601's four-digit years, in UTC: the month walk stays bounded.
    const tooLate = await reasons(t, 'since=9999-12-01T00:00:00Z&until=9999-12-31T23:00:00-05:00');
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.detail[0]).toMatchObject({ loc: ['query', 'until'], type: 'value_error' });
    expect((await reasons(t, 'since=9999-11-30T00:00:00Z&until=9999-12-30T00:00:00Z')).status).toBe(200);
    const invalid = await reasons(t, 'since=yesterday');
    expect(invalid.status).toBe(422);
    expect(invalid.body.detail[0]).toMatchObject({ loc: ['query', 'since'], type: 'datetime_from_date_parsing' });
  });
});
