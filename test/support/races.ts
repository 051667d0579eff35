import { expect } from 'vitest';
import type { Reply } from '#test/support/http';

/**
 * Every reply is one of `statuses`, or a 503 with Retry-After: a contender that lost the race
 * again and again until the movement deadline answers 503 to retry later, as documented, on a
 * machine too busy to decide every contender in time. Never a 500, never an answer of another kind.
 */
export function expectEachOrRetryLater(replies: readonly Reply[], statuses: readonly number[]): void {
  for (const reply of replies) {
    expect([...statuses, 503], JSON.stringify(reply.body)).toContain(reply.status);
    if (reply.status === 503) expect(reply.headers['retry-after']).toBeDefined();
  }
}

/**
 * The one winner of a race for one name (an ID, a stock record at one place): exactly one reply
 * has `won`; each other is `lost` or a 503 to retry later. Returns the winner and the refused.
 */
export function expectOneWinner(replies: readonly Reply[], won: number, lost: number): { winner: Reply; refused: Reply[] } {
  const winners = replies.filter((reply) => reply.status === won);
  expect(winners, String(replies.map((reply) => reply.status))).toHaveLength(1);
  const others = replies.filter((reply) => reply.status !== won);
  expectEachOrRetryLater(others, [lost]);
  return { winner: winners[0]!, refused: others.filter((reply) => reply.status === lost) };
}

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
