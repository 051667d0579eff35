import { ConcurrentChangeError, UnavailableError } from '#shared/domain/errors';

/**
 * Runs `work` over the items with at most `limit` in flight, keeping the items' order in
 * the results. After a failure no new item starts, and the failure is thrown only once
 * the items in flight have settled: nothing is still writing when the caller answers.
 */
export async function inBatches<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (next < items.length && !failed) {
      const index = next++;
      try {
        results[index] = await work(items[index]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = settled.find((outcome) => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return results;
}

/**
 * How long a command keeps retrying: a number of attempts in all, or until a deadline (a
 * timestamp in ms), pausing a few jittered milliseconds between attempts so that many
 * contenders on one item spread out. `rethrowLast` gives up with the last
 * ConcurrentChangeError itself instead of an UnavailableError.
 */
export type RetryLimit = { attempts: number; rethrowLast?: boolean } | { deadline: number };

/** Attempts in all, unless a command says otherwise. */
const ATTEMPTS = 5;

/** The Retry-After a client gets when a command gives up. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Runs an optimistic read-then-write (`run` reads, decides, and writes only over what it
 * read) again each time its write finds the data changed since the read (ConcurrentChangeError):
 * the next attempt reads again and decides again. Any other error goes through at once. Past
 * the limit it gives up with an UnavailableError, a 503 the client may retry.
 */
export async function retryOnConcurrentChange<T>(run: () => Promise<T>, limit: RetryLimit = { attempts: ATTEMPTS }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError)) throw error;
      if ('deadline' in limit) {
        if (Date.now() >= limit.deadline) throw new UnavailableError(RETRY_AFTER_SECONDS);
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(5 * attempt, 50)));
      } else if (attempt >= limit.attempts) {
        throw limit.rethrowLast ? error : new UnavailableError(RETRY_AFTER_SECONDS);
      }
    }
  }
}

/**
 * Promise.all for calls made side by side, except that a failure is thrown only once every
 * call has settled: a request never answers while another of its calls is still retrying,
 * so nothing it started outlives it and its round trips are all counted.
 */
export async function sideBySide<T extends readonly unknown[] | []>(calls: T): Promise<{ -readonly [P in keyof T]: Awaited<T[P]> }> {
  const settled: PromiseSettledResult<unknown>[] = await Promise.allSettled(calls as readonly unknown[]);
  const failure = settled.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
  if (failure) throw failure.reason;
  return settled.map((outcome) => (outcome as PromiseFulfilledResult<unknown>).value) as unknown as {
    -readonly [P in keyof T]: Awaited<T[P]>;
  };
}
