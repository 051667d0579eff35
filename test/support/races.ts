import { expect } from 'vitest';

/**
 * The answers of a race of one-unit reservations on `units` units: each is made (200), refused
 * for want of stock (400) or, on a machine too busy to decide them all within the movement
 * deadline, a 503 to retry; never a 500, never more made than the units, and units left only
 * where a contender gave up to retry later. Returns how many were made.
 */
export function expectNeverOverReserved(statuses: readonly number[], units: number): number {
  expect(
    statuses.every((status) => [200, 400, 503].includes(status)),
    String(statuses),
  ).toBe(true);
  const made = statuses.filter((status) => status === 200).length;
  const retryLater = statuses.filter((status) => status === 503).length;
  expect(made).toBeLessThanOrEqual(units);
  expect(made === units || retryLater > 0, `${made} made, ${retryLater} to retry`).toBe(true);
  return made;
}
