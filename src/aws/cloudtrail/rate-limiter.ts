// A token bucket for CloudTrail's LookupEvents quota (2 requests per second per account and Region).
// Pure: the clock and the sleep are injected, so tests drive it with a fake clock.
//
// A classic bucket that refills continuously (capacity perSecond, perSecond tokens a second) lets
// 2·perSecond − 1 calls start within one second: for 2/s, two at t=0 and a third at t=500 ms. Here each
// token comes back exactly one second after it was spent instead, so at most perSecond calls start in
// any 1000 ms. Callers are served one at a time, first come first served.

export interface RateLimiter {
  /** Resolves when one call may start; rejects with the signal's reason (an AbortError) when aborted. */
  take(signal?: AbortSignal): Promise<void>;
}

export interface RateLimiterOptions {
  readonly perSecond: number;
  /** Milliseconds; performance.now() in the app. It should not go backwards (see take). */
  readonly now: () => number;
  /** Resolves after ms; should reject when the signal aborts (take checks the signal afterwards anyway). */
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const windowMs = 1000;

export function createRateLimiter({perSecond, now, sleep}: RateLimiterOptions): RateLimiter {
  if (!Number.isInteger(perSecond) || perSecond < 1) throw new RangeError(`perSecond must be a whole number ≥ 1, not ${perSecond}`);
  /** Start times of the last perSecond calls, oldest first. */
  const starts: number[] = [];
  /** Settles when every earlier caller has started or given up. */
  let queue: Promise<void> = Promise.resolve();

  async function waitForToken(signal: AbortSignal | undefined): Promise<void> {
    let slept = 0;
    for (;;) {
      signal?.throwIfAborted();
      const oldest = starts.length < perSecond ? undefined : starts[0];
      // After a full window of real sleep the oldest start is surely a second ago, whatever the
      // clock says: this keeps take finite if an injected clock ever jumps backwards.
      const wait = oldest === undefined || slept >= windowMs ? 0 : Math.min(windowMs, oldest + windowMs - now());
      if (wait <= 0) break;
      await sleep(wait, signal);
      slept += wait;
    }
    starts.push(now());
    if (starts.length > perSecond) starts.shift();
  }

  return {
    async take(signal) {
      signal?.throwIfAborted();
      const earlier = queue;
      let done!: () => void;
      const mine = new Promise<void>((resolve) => (done = resolve));
      // The next caller waits for everyone before it, even if this caller gives up early.
      queue = earlier.then(() => mine);
      try {
        await untilAborted(earlier, signal);
        await waitForToken(signal);
      } finally {
        done();
      }
    },
  };
}

/** The promise, or a rejection with the signal's reason as soon as it aborts. */
function untilAborted(promise: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
  if (signal === undefined) return promise;
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, {once: true});
    promise.finally(() => signal.removeEventListener('abort', onAbort)).then(resolve, reject);
  });
}
