import { describe, expect, it } from 'vitest';
import { retryOnConcurrentChange, sideBySide } from '#shared/domain/concurrency';
import { ConcurrentChangeError, UnavailableError } from '#shared/domain/errors';

/** A read-then-write that finds its data changed `losses` times, then succeeds; counts its attempts. */
function racing(losses: number) {
  const counter = { attempts: 0 };
  const run = async () => {
    counter.attempts += 1;
    if (counter.attempts <= losses) throw new ConcurrentChangeError('changed');
    return 'written';
  };
  return { run, counter };
}

describe('retryOnConcurrentChange', () => {
  it('runs again after a concurrent change, up to 5 attempts, then gives up with a 503', async () => {
    const lucky = racing(4);
    expect(await retryOnConcurrentChange(lucky.run)).toBe('written');
    expect(lucky.counter.attempts).toBe(5);
    const unlucky = racing(5);
    await expect(retryOnConcurrentChange(unlucky.run)).rejects.toBeInstanceOf(UnavailableError);
    expect(unlucky.counter.attempts).toBe(5);
  });

  it('lets any other error through at once', async () => {
    let attempts = 0;
    const failing = async () => {
      attempts += 1;
      throw new Error('broken');
    };
    await expect(retryOnConcurrentChange(failing)).rejects.toThrow('broken');
    expect(attempts).toBe(1);
  });

  it('keeps the limit a caller gives, and rethrows the last change when asked', async () => {
    const settings = racing(4);
    await expect(retryOnConcurrentChange(settings.run, { attempts: 4, rethrowLast: true })).rejects.toBeInstanceOf(ConcurrentChangeError);
    expect(settings.counter.attempts).toBe(4);
  });

  it('with a deadline, tries until it has passed', async () => {
    const stuck = racing(Number.MAX_SAFE_INTEGER);
    await expect(retryOnConcurrentChange(stuck.run, { deadline: Date.now() + 30 })).rejects.toBeInstanceOf(UnavailableError);
    expect(stuck.counter.attempts).toBeGreaterThan(1);
  });
});

describe('sideBySide', () => {
  it('answers every value in order, as Promise.all does', async () => {
    expect(await sideBySide([Promise.resolve(1), Promise.resolve('two')])).toEqual([1, 'two']);
  });

  it('throws the first failure only once every call has settled, so no call outlives the request', async () => {
    let slowDone = false;
    const slow = new Promise<void>((resolve) => setTimeout(() => ((slowDone = true), resolve()), 30));
    await expect(sideBySide([Promise.reject(new Error('fast failure')), slow])).rejects.toThrow('fast failure');
    expect(slowDone).toBe(true);
  });
});
