// Runs the actor's timeline search the reducer asked for: every engine the app has for the event, at
// once, each page dispatched as soon as it is read (the first rows show while a query still runs).
// Esc, leaving the timeline and unmounting abort the search: each engine then cancels its query at
// the source (CloudTrail Lake CancelQuery, Athena StopQueryExecution) and ends with 'cancelled'.
import {useEffect, useMemo, useRef, type Dispatch} from 'react';
import type {CloudTrailRecord} from '../events/record.js';
import {TimelineError, type TimelineEngine, type TimelineFilter} from '../timeline/types.js';
import type {Message} from '../walkthrough/reducer.js';
import type {Candidate} from '../walkthrough/state.js';
import type {Services} from './services.js';

export interface TimelineRunner {
  start(requestId: number, record: CloudTrailRecord, filter: TimelineFilter, candidates: readonly Candidate[]): void;
  cancel(requestId: number): void;
}

/** An engine's failure in one line (its TimelineError's reason; anything else said plainly, never a stack). */
function failureOf(error: unknown, signal: AbortSignal): {readonly kind: TimelineError['kind']; readonly reason: string} {
  if (error instanceof TimelineError) return {kind: error.kind, reason: error.reason};
  if (signal.aborted) return {kind: 'cancelled', reason: 'cancelled'};
  return {kind: 'failed', reason: error instanceof Error ? error.message.split('\n')[0] ?? 'failed' : String(error)};
}

async function runEngine(engine: TimelineEngine, index: number, requestId: number, filter: TimelineFilter, signal: AbortSignal, dispatch: Dispatch<Message>): Promise<void> {
  try {
    for await (const page of engine.search(filter, signal)) {
      if (signal.aborted) break;
      dispatch({type: 'timeline-page', requestId, engine: index, page});
    }
    dispatch({type: 'timeline-end', requestId, engine: index, error: signal.aborted ? {kind: 'cancelled', reason: 'cancelled'} : undefined});
  } catch (error) {
    dispatch({type: 'timeline-end', requestId, engine: index, error: failureOf(error, signal)});
  }
}

export function useTimelineRunner(services: Services, dispatch: Dispatch<Message>): TimelineRunner {
  const running = useRef(new Map<number, AbortController>());
  // Unmounting (the app quits) stops every search still running.
  useEffect(() => {
    const searches = running.current;
    return () => {
      for (const controller of searches.values()) controller.abort();
      searches.clear();
    };
  }, []);
  return useMemo(
    () => ({
      start(requestId, record, filter, candidates) {
        let engines: readonly TimelineEngine[];
        try {
          engines = services.timelineEngines?.(record, candidates) ?? [];
        } catch {
          // A misconfigured engine (a bad flag the command did not catch): no engine, said on the status line.
          dispatch({type: 'timeline-engines', requestId, labels: []});
          return;
        }
        dispatch({type: 'timeline-engines', requestId, labels: engines.map((e) => e.label)});
        if (!engines.length) return;
        const controller = new AbortController();
        running.current.set(requestId, controller);
        void Promise.all(engines.map((engine, i) => runEngine(engine, i, requestId, filter, controller.signal, dispatch))).finally(() => running.current.delete(requestId));
      },
      cancel(requestId) {
        running.current.get(requestId)?.abort();
      },
    }),
    [services, dispatch],
  );
}
