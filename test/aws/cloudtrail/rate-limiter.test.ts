import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {createRateLimiter} from '../../../src/aws/cloudtrail/rate-limiter.js';
import {fakeClock, settle} from './fake-clock.js';

/** No more than perSecond starts in any 1000 ms: start i and start i + perSecond are a second apart. */
function expectSpaced(starts: readonly number[], perSecond: number): void {
  for (let i = 0; i + perSecond < starts.length; i++) {
    expect(starts[i + perSecond]! - starts[i]!, `starts ${i} and ${i + perSecond}: ${starts.join(', ')}`).toBeGreaterThanOrEqual(1000);
  }
}

describe('createRateLimiter', () => {
  it('lets perSecond calls start at once, then one a token comes back', async () => {
    const clock = fakeClock({instant: true});
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    const starts: number[] = [];
    await Promise.all([1, 2, 3, 4, 5].map(() => limiter.take().then(() => starts.push(clock.now()))));
    expect(starts).toEqual([0, 0, 1000, 1000, 2000]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('counts the time callers spend between calls', async () => {
    const clock = fakeClock({instant: true});
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await limiter.take();
      starts.push(clock.now());
      await clock.advance(300); // the request itself
    }
    expect(starts).toEqual([0, 300, 1000, 1300, 2000]);
  });

  it('starts every call as early as the window allows, and never earlier (any rate, any caller pace)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({min: 1, max: 4}), fc.array(fc.integer({min: 0, max: 1500}), {maxLength: 25}), async (perSecond, gaps) => {
        const clock = fakeClock({instant: true});
        const limiter = createRateLimiter({perSecond, now: clock.now, sleep: clock.sleep});
        const starts: number[] = [];
        for (const gap of gaps) {
          await clock.advance(gap);
          const ready = clock.now();
          await limiter.take();
          starts.push(clock.now());
          const earliest = starts.length > perSecond ? Math.max(ready, starts[starts.length - 1 - perSecond]! + 1000) : ready;
          expect(clock.now()).toBe(earliest);
        }
        expectSpaced(starts, perSecond);
      }),
    );
  });

  it('serves concurrent callers first come first served within the window', async () => {
    const clock = fakeClock({instant: true});
    const limiter = createRateLimiter({perSecond: 3, now: clock.now, sleep: clock.sleep});
    const order: Array<[number, number]> = [];
    await Promise.all(Array.from({length: 7}, (_, i) => limiter.take().then(() => order.push([i, clock.now()]))));
    expect(order).toEqual([[0, 0], [1, 0], [2, 0], [3, 1000], [4, 1000], [5, 1000], [6, 2000]]);
  });

  it('still finishes when the clock stands still (it sleeps one window, then goes)', async () => {
    const clock = fakeClock({instant: true});
    const limiter = createRateLimiter({perSecond: 1, now: () => 0, sleep: clock.sleep});
    await limiter.take();
    await limiter.take();
    await limiter.take();
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('rejects an already aborted signal without waiting', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    await expect(limiter.take(AbortSignal.abort())).rejects.toMatchObject({name: 'AbortError'});
    expect(clock.sleeps).toEqual([]);
  });

  it('stops waiting when aborted, and the aborted call uses no token', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({perSecond: 2, now: clock.now, sleep: clock.sleep});
    await limiter.take();
    await limiter.take();
    const controller = new AbortController();
    const aborted = limiter.take(controller.signal);
    await settle();
    expect(clock.pending()).toBe(1);
    controller.abort();
    await expect(aborted).rejects.toMatchObject({name: 'AbortError'});
    expect(clock.pending()).toBe(0);

    const starts: number[] = [];
    const next = [limiter.take(), limiter.take(), limiter.take()].map((p) => p.then(() => starts.push(clock.now())));
    await clock.advance(999);
    expect(starts).toEqual([]);
    await clock.advance(1);
    expect(starts).toEqual([1000, 1000]);
    await clock.advance(1000);
    await Promise.all(next);
    expect(starts).toEqual([1000, 1000, 2000]);
  });

  it('rejects a queued caller as soon as it is aborted, without disturbing the one ahead', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({perSecond: 1, now: clock.now, sleep: clock.sleep});
    await limiter.take();
    let aheadStarted = false;
    const ahead = limiter.take().then(() => (aheadStarted = true));
    const controller = new AbortController();
    const queued = limiter.take(controller.signal);
    await settle();
    controller.abort(new Error('operator pressed Esc'));
    await expect(queued).rejects.toThrow('operator pressed Esc');
    expect(aheadStarted).toBe(false);
    await clock.advance(1000);
    await ahead;
    // The next caller waits a full second after the one ahead, as if the aborted call never came.
    let started = false;
    const after = limiter.take().then(() => (started = true));
    await clock.advance(999);
    expect(started).toBe(false);
    await clock.advance(1);
    await after;
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses perSecond %s', (perSecond) => {
    const clock = fakeClock();
    expect(() => createRateLimiter({perSecond, now: clock.now, sleep: clock.sleep})).toThrow(RangeError);
  });
});
