// When the operator opened the event and when they first reached the summary. The times come with the
// messages (the app reads its clock); this only decides which transition records which time.
import type {State, Timing} from './state.js';

/** After a message: opening a different event restarts the timing; reaching the summary ends it, the first time only. */
export function stampTiming(before: State, after: State, at: number | undefined): State {
  if (after.incident?.record !== before.incident?.record) return {...after, timing: after.incident && at !== undefined ? {startedAt: at, finishedAt: null} : null};
  if (after.screen === 'summary' && after.timing && after.timing.finishedAt === null && at !== undefined) return {...after, timing: {...after.timing, finishedAt: at}};
  return after;
}

/** Time since the event was opened, or the time taken once the summary was reached; undefined if no start was recorded. */
export function elapsedMs(timing: Timing | null, now: number): number | undefined {
  return timing ? Math.max(0, (timing.finishedAt ?? now) - timing.startedAt) : undefined;
}

/** From opening the event to first reaching the summary; undefined until then. */
export function timeTakenMs(timing: Timing | null): number | undefined {
  if (!timing || timing.finishedAt === null) return undefined;
  return Math.max(0, timing.finishedAt - timing.startedAt);
}
