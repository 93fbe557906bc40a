// The actor's timeline from trail log files on disk: plain or .json.gz, files and folders (the S3
// layout included), read by the triage reader (listing, gunzip, record splitting: src/triage/). Only
// the records whose bytes hold the actor's access key, ARN or principal ID are parsed
// (../actor-bytes.ts); the others cost a byte search. Rows come page by page as a file is read, in
// file order: the consumer sorts them (mergeRows). A file that cannot be read, or is not a trail, is
// reported through onSkip and the search goes on, as in triage.
import {safeLine} from '../../text/safe-text.js';
import {listLogFiles} from '../../triage/list-files.js';
import {cannotMatchFor} from '../../triage/prefilter.js';
import {scanFile} from '../../triage/scan-file.js';
import {actorBytesTest} from '../actor-bytes.js';
import {actorNeedles} from '../actor.js';
import {passesFilter, rowOf} from '../row.js';
import {TimelineError, type TimelineEngine, type TimelineFilter, type TimelinePage, type TimelineRow} from '../types.js';

export interface FilesEngineOptions {
  /** A path (or a record in it) that could not be read, and why; the search goes on. */
  readonly onSkip?: ((path: string, reason: string) => void) | undefined;
  readonly maxRecordBytes?: number | undefined;
}

export function createFilesEngine(paths: readonly string[], options: FilesEngineOptions = {}): TimelineEngine {
  const count = `${paths.length} path${paths.length === 1 ? '' : 's'}`;
  return {kind: 'files', label: `the input files (${count})`, search: (filter, signal) => searchFiles(paths, filter, signal, options)};
}

const cancelled = (): TimelineError => new TimelineError('cancelled', 'the search was stopped');

async function* searchFiles(paths: readonly string[], filter: TimelineFilter, signal: AbortSignal, options: FilesEngineOptions): AsyncGenerator<TimelinePage> {
  if (!Number.isSafeInteger(filter.limit) || filter.limit < 1) throw new TimelineError('bad-input', `the limit ${String(filter.limit)} is not a whole number from 1`);
  let skipped = 0;
  let firstSkip: string | undefined;
  const skip = (path: string, reason: string): void => {
    skipped++;
    firstSkip ??= `${safeLine(path, 300)}: ${safeLine(reason, 200)}`;
    options.onSkip?.(path, reason);
  };
  const listing = await listLogFiles(paths, skip);
  if (signal.aborted) throw cancelled();
  if (paths.length > 0 && listing.readablePaths === 0) throw new TimelineError('bad-input', paths.length === 1 ? (firstSkip ?? 'the path could not be read') : `none of the ${paths.length} paths could be read (${firstSkip ?? ''})`);
  const megabytes = (listing.files.reduce((sum, f) => sum + f.size, 0) / 1e6).toFixed(1);
  const cannotMatch = filter.names !== undefined && filter.names.length > 0 ? cannotMatchFor(filter.names) : undefined;
  // Ends the scan of a file early: the operator's signal, the limit reached, or the consumer gone.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  signal.addEventListener('abort', onAbort, {once: true});
  let yielded = 0;
  let filesRead = 0;
  let bytes = 0;
  const progress = (): string => `${filesRead} of ${listing.files.length} files read (${(bytes / 1e6).toFixed(1)} of ${megabytes} MB)${skipped === 0 ? '' : `, ${skipped} skipped`}`;
  try {
    for (const file of listing.files) {
      if (stop.signal.aborted) break;
      const pending: TimelineRow[] = [];
      let wake: (() => void) | undefined;
      let isDone = false;
      let failure: unknown;
      const notify = (): void => {
        const resolve = wake;
        wake = undefined;
        resolve?.();
      };
      const scan = scanFile(
        file.path,
        {
          onRecord(record, _text, index) {
            if (yielded + pending.length >= filter.limit || !passesFilter(record, filter)) return;
            pending.push(rowOf(record, `${file.path} Records[${index}]`));
            if (yielded + pending.length >= filter.limit) stop.abort();
          },
          onSkip: (reason) => skip(file.path, reason),
          onProgress(read) {
            bytes += read;
            notify();
          },
        },
        {cannotMatch, bytesTest: filter.actor === undefined ? undefined : actorBytesTest(actorNeedles(filter.actor)), maxRecordBytes: options.maxRecordBytes, signal: stop.signal},
      ).then(
        () => {
          isDone = true;
          notify();
        },
        (error: unknown) => {
          failure = error;
          isDone = true;
          notify();
        },
      );
      for (;;) {
        if (pending.length === 0 && !isDone) await new Promise<void>((resolve) => (wake = resolve));
        if (signal.aborted) break;
        if (pending.length > 0) {
          const rows = pending.splice(0);
          yielded += rows.length;
          yield {rows, progress: progress()};
        }
        if (isDone && pending.length === 0) break;
      }
      await scan;
      if (failure !== undefined) throw new TimelineError('failed', `${safeLine(file.path, 300)}: ${failure instanceof Error ? safeLine(failure.message) : 'the read failed'}`);
      filesRead++;
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
    stop.abort();
  }
  if (signal.aborted) throw cancelled();
  yield {rows: [], progress: progress()};
}
