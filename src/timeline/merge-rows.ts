// The timeline as the command and the screen hold it: every page of every engine merged into one list,
// sorted in time (oldest first), each event once (the event's own file and a second engine may both
// find it), and at most `limit` rows: the earliest in time. A page is sorted and merged into the list
// in one pass, so a timeline of many pages costs about its length per page, not a sort. Pure.
import type {TimelineRow} from './types.js';

/** Each row's time, parsed once: sorting compares it many times. */
const keys = new WeakMap<TimelineRow, number>();

/** A row's time for sorting: epoch ms; a row without a readable time sorts last. */
function sortKey(row: TimelineRow): number {
  let key = keys.get(row);
  if (key === undefined) {
    const ms = Date.parse(row.time);
    key = Number.isNaN(ms) ? Number.POSITIVE_INFINITY : ms;
    keys.set(row, key);
  }
  return key;
}

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first; at the same time, by event name, then by eventID, so the order never depends on which engine answered first. */
export function compareRows(a: TimelineRow, b: TimelineRow): number {
  const ka = sortKey(a);
  const kb = sortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return compareText(a.eventName, b.eventName) || compareText(a.eventId ?? '', b.eventId ?? '');
}

export interface MergedRows {
  readonly rows: readonly TimelineRow[];
  /** Rows dropped because the list was full (all later than the last kept); a repeat of a row dropped earlier counts again. */
  readonly dropped: number;
}

/** The same event found twice: the same eventID at the same time (sorted, such rows are next to each other). */
const isSameEvent = (a: TimelineRow | undefined, b: TimelineRow): boolean => a !== undefined && b.eventId !== undefined && a.eventId === b.eventId && compareRows(a, b) === 0;

/** `rows` (sorted, as mergeRows returns them) with `more` added: sorted, each event once, the earliest `limit` kept. */
export function mergeRows(rows: readonly TimelineRow[], more: readonly TimelineRow[], limit: number, dropped = 0): MergedRows {
  if (more.length === 0) return {rows, dropped};
  const added = [...more].sort(compareRows);
  const max = Math.max(0, limit);
  const out: TimelineRow[] = [];
  /** The last row counted, kept or past the limit. */
  let last: TimelineRow | undefined;
  let total = 0;
  let i = 0;
  let k = 0;
  while (i < rows.length || k < added.length) {
    const fromRows = k >= added.length || (i < rows.length && compareRows(rows[i] as TimelineRow, added[k] as TimelineRow) <= 0);
    const row = (fromRows ? rows[i++] : added[k++]) as TimelineRow;
    if (isSameEvent(last, row)) continue;
    last = row;
    total++;
    if (out.length < max) out.push(row);
  }
  return {rows: out, dropped: dropped + total - out.length};
}
