// What the timeline screen shows, derived from its state: the rows the filter lets through, the
// selected one, and the status line ("3 of 3 engines done", "querying CloudTrail Lake… 45 rows so far").
import type {TimelineRow} from '../timeline/types.js';
import type {State, TimelineState} from './state.js';

/** One key per event: its eventID, else what tells two events apart without one. */
export function rowKey(row: TimelineRow): string {
  return row.eventId ?? `${row.time}|${row.eventSource}|${row.eventName}|${row.sourceIp ?? ''}|${row.origin}`;
}

/** The filter as typed: case-insensitive, on the event name, source, Region, source IP and error code. */
export function matchesFilter(row: TimelineRow, filter: string): boolean {
  const want = filter.trim().toLowerCase();
  if (!want) return true;
  return [row.eventName, row.eventSource, row.region, row.sourceIp, row.errorCode].some((field) => field?.toLowerCase().includes(want) === true);
}

let memo: {rows: readonly TimelineRow[]; filter: string; shown: readonly TimelineRow[]} | undefined;

export function visibleRows(t: TimelineState, filter: string): readonly TimelineRow[] {
  if (memo?.rows === t.rows && memo.filter === filter) return memo.shown;
  const shown = filter.trim() ? t.rows.filter((row) => matchesFilter(row, filter)) : t.rows;
  memo = {rows: t.rows, filter, shown};
  return shown;
}

/** The filter in force: the one being typed, as it is typed. */
export function activeFilter(state: State): string {
  return state.overlay === 'timeline-filter' ? state.draft : state.timeline?.filter ?? '';
}

/** The selected row: the one picked, else the current event, else the first. */
export function selectedIndex(t: TimelineState, rows: readonly TimelineRow[]): number {
  const key = t.selected ?? t.currentKey;
  const at = rows.findIndex((row) => rowKey(row) === key);
  if (at >= 0) return at;
  const current = rows.findIndex((row) => rowKey(row) === t.currentKey);
  return Math.max(0, current);
}

/** The header's status: what runs, how far, and what failed (labels and reasons are engine text, shown through safeLine). */
export function timelineStatusLine(t: TimelineState): string {
  const found = `${t.rows.length} event${t.rows.length === 1 ? '' : 's'}`;
  const dropped = t.dropped ? ` (${t.dropped} more left out: the nearest ${t.rows.length} are kept)` : '';
  const engines = t.engines ?? [];
  const failures = engines.filter((e) => e.state === 'failed').map((e) => `${e.label} failed: ${e.reason ?? 'no reason given'}`);
  const failed = failures.length ? ` · ${failures.join(' · ')}` : '';
  switch (t.status.kind) {
    case 'cannot-build':
      return `no timeline: ${t.status.reason}`;
    case 'searching': {
      if (t.engines === null) return 'starting the search…';
      const running = engines.filter((e) => e.state === 'running');
      const progress = running.map((e) => e.progress).filter((p) => p !== undefined);
      const what = running.map((e) => e.label).join(', ');
      return `searching ${what}… ${found} so far${progress.length ? ` · ${progress.join(' · ')}` : ''}${failed}${dropped}`;
    }
    case 'cancelled':
      return `search cancelled · ${found} found before it stopped${failed}${dropped}`;
    case 'failed':
      return `the search failed: ${t.status.reason}`;
    case 'done': {
      const done = engines.filter((e) => e.state === 'done').length;
      return `${done} of ${engines.length} engine${engines.length === 1 ? '' : 's'} done · ${found}${failed}${dropped}`;
    }
    default: {
      const never: never = t.status;
      return never;
    }
  }
}

const notRead: State['now'] = {status: 'off'};
const noneSeen: State['findingsSeen'] = [];

/** The state the event screen draws for an event opened from the timeline: that event, none of the walk's progress or reads. */
export function peekState(state: State): State {
  const peek = state.timeline?.peek;
  if (!peek) return state;
  return {...state, incident: peek, now: notRead, findingsSeen: noneSeen, resumeOffer: null, progress: null};
}
