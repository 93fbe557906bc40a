// The actor's timeline from records already in memory: the events the app loaded (a trail file
// opened in the TUI), or a training scenario's CloudTrail history. The same filter as every engine
// (../row.ts), in pages, giving the event loop a turn between pages so the screen stays live.
import type {CloudTrailRecord} from '../../events/record.js';
import {passesFilter, rowOf} from '../row.js';
import {TimelineError, type TimelineEngine, type TimelineFilter, type TimelinePage} from '../types.js';

/** Records looked at per page (one turn of the event loop each). */
const pageSize = 500;

export interface MemoryRecord {
  readonly record: CloudTrailRecord;
  /** Where it came from, for the row ("trail.json #12", "scenario trail"). */
  readonly origin: string;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

async function* searchMemory(records: readonly MemoryRecord[], filter: TimelineFilter, signal: AbortSignal): AsyncGenerator<TimelinePage> {
  let left = filter.limit;
  for (let start = 0; start < records.length && left > 0; start += pageSize) {
    if (signal.aborted) throw new TimelineError('cancelled', 'the search was stopped');
    const rows = records.slice(start, start + pageSize).filter(({record}) => passesFilter(record, filter)).slice(0, left).map(({record, origin}) => rowOf(record, origin));
    left -= rows.length;
    if (rows.length) yield {rows};
    await nextTurn();
  }
  if (signal.aborted) throw new TimelineError('cancelled', 'the search was stopped');
}

/** label: what the screen says it searches, e.g. "the loaded events (12)". */
export function createMemoryEngine(label: string, records: readonly MemoryRecord[]): TimelineEngine {
  return {kind: 'files', label, search: (filter, signal) => searchMemory(records, filter, signal)};
}
