// One piece of a large plain log file, so that several threads can read one file: from its start
// (the file's, or the first record found at or after the piece's offset) to the first record at or
// after its stop. It says where it began and where it stopped; src/triage/pieces.ts checks that the
// pieces meet, and reads again from the seam when they do not.
import {openLogRange} from './log-bytes.js';
import type {PieceEnd, ScanRange} from './scan-events.js';
import {progressReporter, recordTaker, streamReason, type FileScanOptions, type FileScanResult, type FileSink} from './scan-file.js';
import {defaultMaxRecordBytes, RecordSplitter} from './record-splitter.js';
import {recordAt, SyncSearch} from './sync-point.js';

export async function scanPiece(file: string, range: ScanRange, sink: FileSink, options: FileScanOptions): Promise<FileScanResult & {readonly piece: PieceEnd}> {
  const maxRecordBytes = options.maxRecordBytes ?? defaultMaxRecordBytes;
  const from = range.isSync ? Math.max(0, range.start - recordAt) : range.start;
  const input = openLogRange(file, from);
  const taker = recordTaker(sink, maxRecordBytes);
  const search = range.isSync ? new SyncSearch(from) : undefined;
  let splitter = search ? undefined : new RecordSplitter(maxRecordBytes, options.cannotMatch, {at: range.start, isInside: range.start > 0, stopAt: range.stop});
  let began: number | null = search ? null : range.start;
  const events = (): number => taker.parsed + (splitter?.skipped ?? 0);
  const progress = progressReporter(sink, input, events);
  const stop = (): void => input.close();
  options.signal?.addEventListener('abort', stop, {once: true});
  let isEnded = false;
  try {
    for await (const chunk of input.chunks) {
      let bytes = chunk;
      if (!splitter && search) {
        const found = search.push(chunk);
        if (found === undefined || found.at >= range.stop) {
          // No record starts in this piece: the piece before reads on into it.
          if (found !== undefined || search.searchedTo >= range.stop) break;
          continue;
        }
        began = found.at;
        splitter = new RecordSplitter(maxRecordBytes, options.cannotMatch, {at: found.at, isInside: true, stopAt: range.stop});
        bytes = found.bytes;
      }
      if (!splitter) continue;
      for (const item of splitter.push(bytes)) taker.take(item);
      if (splitter.problem !== undefined || splitter.stoppedAt !== undefined || options.signal?.aborted === true) break;
      progress.after();
    }
    isEnded = true;
    if (options.signal?.aborted !== true && splitter && splitter.stoppedAt === undefined) {
      const problem = splitter.end();
      if (problem !== undefined) sink.onSkip(problem, undefined, splitter.count);
    }
  } catch (error) {
    if (options.signal?.aborted !== true) sink.onSkip(streamReason(error), undefined, splitter?.count ?? 0);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    input.close();
    progress.flush();
  }
  const next = isEnded && splitter?.problem === undefined ? (splitter?.stoppedAt ?? null) : null;
  return {isOpened: true, bytes: input.bytesRead(), events: events(), piece: {began, next, records: splitter?.count ?? 0}};
}
