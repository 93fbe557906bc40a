// The actor's timeline among records already in memory: the event's own input (a trail file, or
// standard input, read once by the command), searched before any other engine. Pure.
import type {CloudTrailRecord} from '../events/record.js';
import {passesFilter, rowOf} from './row.js';
import {TimelineError, type TimelineEngine, type TimelinePage} from './types.js';

export interface SourcedRecord {
  readonly record: CloudTrailRecord;
  /** Where it was read, e.g. "trail.json Records[3]". */
  readonly origin: string;
}

export function createRecordsEngine(records: readonly SourcedRecord[], label: string): TimelineEngine {
  return {
    kind: 'files',
    label,
    // eslint-disable-next-line @typescript-eslint/require-await -- an async generator, as every engine's search is
    async *search(filter, signal): AsyncGenerator<TimelinePage> {
      if (signal.aborted) throw new TimelineError('cancelled', 'the search was stopped');
      const rows = records.filter(({record}) => passesFilter(record, filter)).slice(0, filter.limit).map(({record, origin}) => rowOf(record, origin));
      yield {rows, progress: `${records.length} record${records.length === 1 ? '' : 's'} searched`};
    },
  };
}
