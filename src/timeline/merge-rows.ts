// The timeline as the command and the screen hold it: every page of every engine merged into one list,
// sorted in time (oldest first), each event once (by eventID: the event's own file and a second engine
// may both find it), and at most `limit` rows: the earliest in time. Pure.
import type {TimelineRow} from './types.js';

/** A row's time for sorting: epoch ms; a row without a readable time sorts last. */
function sortKey(row: TimelineRow): number {
  const ms = Date.parse(row.time);
  return Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
}

/** Oldest first; at the same second, by event name, then by eventID, so the order never depends on which engine answered first. */
export function compareRows(a: TimelineRow, b: TimelineRow): number {
  return sortKey(a) - sortKey(b) || compareText(a.eventName, b.eventName) || compareText(a.eventId ?? '', b.eventId ?? '');
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export interface MergedRows {
  readonly rows: readonly TimelineRow[];
  /** Rows dropped because the list was full (all of them later than the last kept). */
  readonly dropped: number;
}

/** `rows` (already merged) with `more` added: sorted, de-duplicated by eventID, the earliest `limit` kept. */
export function mergeRows(rows: readonly TimelineRow[], more: readonly TimelineRow[], limit: number, dropped = 0): MergedRows {
  const seen = new Set<string>();
  for (const row of rows) if (row.eventId !== undefined) seen.add(row.eventId);
  const added: TimelineRow[] = [];
  for (const row of more) {
    if (row.eventId !== undefined) {
      if (seen.has(row.eventId)) continue;
      seen.add(row.eventId);
    }
    added.push(row);
  }
  if (added.length === 0) return {rows, dropped};
  const all = [...rows, ...added].sort(compareRows);
  const kept = all.length > limit ? all.slice(0, Math.max(0, limit)) : all;
  return {rows: kept, dropped: dropped + all.length - kept.length};
}
