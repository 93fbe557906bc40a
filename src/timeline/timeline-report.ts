// A finished timeline as `trailguide actor` prints it (timeline-md.ts, timeline-json.ts): the event it
// started from, its actor, what was searched and what was found. Pure.
import type {CloudTrailRecord} from '../events/record.js';
import type {ActorResult, TimelineRow} from './types.js';

export interface EngineOutcome {
  /** The engine's label ("the input files (2 paths)", "CloudTrail LookupEvents in eu-west-1"). */
  readonly label: string;
  readonly rows: number;
  /** Why it stopped early, in one line (a TimelineError's reason). */
  readonly error?: string | undefined;
}

export interface TimelineReport {
  /** The event the timeline started from. */
  readonly event: CloudTrailRecord;
  readonly actor: ActorResult;
  readonly since: Date;
  /** Absent: up to now. */
  readonly until?: Date | undefined;
  readonly engines: readonly EngineOutcome[];
  /** Sorted in time, each event once (mergeRows). */
  readonly rows: readonly TimelineRow[];
  readonly limit: number;
  /** Found beyond the limit, not listed. */
  readonly dropped: number;
  /** An engine stopped at the limit: there may be more events than were found. */
  readonly reachedLimit?: boolean | undefined;
  /** Files or records that could not be read. */
  readonly skipped: readonly {readonly path: string; readonly reason: string}[];
}

/** The row of the event the timeline started from: the same eventID, else the same record. */
export function isStartRow(row: TimelineRow, event: CloudTrailRecord): boolean {
  return event.eventID !== undefined ? row.eventId === event.eventID : row.record === event;
}
