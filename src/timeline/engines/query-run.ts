// What the CloudTrail Lake and Athena engines share: waiting between polls (longer each time, cut short
// by the signal), their own time limit, and the SDK client settings every trailguide client uses.
import {version} from '../../version.js';

export interface PollTiming {
  /** The first wait between status reads (default 500 ms); each next one is half as long again. */
  readonly firstMs: number;
  /** The longest wait (default 5 s). */
  readonly maxMs: number;
  /** How long a query may run before the engine cancels it (default 15 minutes). */
  readonly limitMs: number;
}

export const defaultTiming: PollTiming = {firstMs: 500, maxMs: 5000, limitMs: 15 * 60_000};

/** Waits `ms`, or less when the signal fires (it resolves then; the caller checks the signal). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, {once: true});
  });
}

/** The waits between polls: first, first×1.5, … up to max. */
export function* backoff(timing: PollTiming): Generator<number> {
  let ms = timing.firstMs;
  for (;;) {
    yield ms;
    ms = Math.min(timing.maxMs, Math.ceil(ms * 1.5));
  }
}

/** Settings shared by the engines' SDK clients (as src/aws/sdk/aws-sdk.ts makes them): bounded retries, timeouts, silent, tagged. */
export interface ClientSettings {
  readonly region?: string | undefined;
  readonly profile?: string | undefined;
  /** Test seam: a fixed endpoint (the loopback server); normally AWS_ENDPOINT_URL[_…] or the real one. */
  readonly endpoint?: string | undefined;
}

const silent = {debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, trace: () => undefined};

export async function clientConfig(settings: ClientSettings): Promise<Record<string, unknown>> {
  const {defaultProvider} = await import('@aws-sdk/credential-provider-node');
  return {
    ...(settings.region === undefined ? {} : {region: settings.region}),
    credentials: defaultProvider({profile: settings.profile, timeout: 1000, maxRetries: 0}),
    maxAttempts: 3,
    retryMode: 'adaptive',
    requestHandler: {connectionTimeout: 3000, requestTimeout: 10_000, throwOnRequestTimeout: true},
    customUserAgent: `trailguide/${version}`,
    logger: silent,
    ...(settings.endpoint === undefined ? {} : {endpoint: settings.endpoint}),
  };
}

const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0);

/** "query running, 3.2 MB scanned" for the status line. */
export function runningText(state: string, bytes: number | undefined): string {
  const what = state === 'QUEUED' ? 'query queued' : 'query running';
  return bytes === undefined || bytes <= 0 ? what : `${what}, ${mb(bytes)} MB scanned`;
}

/** A time limit in words: "900 ms", "40 s", "15 minutes". */
export function limitText(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 120_000 ? `${Math.round(ms / 1000)} s` : `${Math.round(ms / 60_000)} minutes`;
}
