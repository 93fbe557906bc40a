// A fake clock for the rate limiter: sleep(ms) resolves when advance() moves time past its deadline,
// or, with {instant: true}, moves time forward by itself at once (virtual time, no waiting at all).

export interface FakeClock {
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Moves time forward and settles every sleep that is due. */
  readonly advance: (ms: number) => Promise<void>;
  /** Every sleep asked for, in order. */
  readonly sleeps: number[];
  /** Sleeps still waiting. */
  readonly pending: () => number;
}

export function fakeClock({instant = false}: {instant?: boolean} = {}): FakeClock {
  let time = 0;
  const sleeps: number[] = [];
  let timers: Array<{at: number; resolve: () => void}> = [];

  return {
    now: () => time,
    sleeps,
    pending: () => timers.length,
    sleep: (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      if (instant) {
        time += ms;
        return Promise.resolve();
      }
      return new Promise<void>((resolve, reject) => {
        const timer = {at: time + ms, resolve};
        timers.push(timer);
        signal?.addEventListener('abort', () => {
          timers = timers.filter((t) => t !== timer);
          reject(signal.reason as Error);
        });
      });
    },
    advance: async (ms) => {
      time += ms;
      const due = timers.filter((t) => t.at <= time);
      timers = timers.filter((t) => t.at > time);
      for (const timer of due) timer.resolve();
      await settle();
    },
  };
}

/** Lets every promise chain that can move on do so. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
  await new Promise((resolve) => setImmediate(resolve));
}
