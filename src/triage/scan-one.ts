// One task of a triage scan (a file, or a piece of a large one): its records filtered, their
// findings computed, the best kept. Runs in this thread or in a worker thread (scan-worker.ts); it
// reports through ScanEvents only.
import {factsFor} from '../events/facts/index.js';
import {findingsFor} from '../findings/index.js';
import {passes} from './filter.js';
import {cannotMatchFor, wantedNames} from './prefilter.js';
import {TopMatches} from './rank.js';
import {scanFile, type FileScanResult, type FileSink} from './scan-file.js';
import {scanPiece} from './scan-piece.js';
import type {PieceEnd, ScanEvent, ScanSettings, ScanTask} from './scan-events.js';
import {matchOf} from './triage-match.js';

export interface TaskReader {
  /** Reads one task; resolves once its last event has been emitted. */
  read(task: ScanTask, signal?: AbortSignal): Promise<void>;
}

/**
 * A reader that keeps the best `limit` matches and emits only those: across the whole files it
 * reads (fewer messages), and per piece for pieces (whose record indexes count from the piece's
 * start until the seams are checked).
 */
export function taskReader(settings: ScanSettings, emit: (event: ScanEvent) => void): TaskReader {
  const filesTop = new TopMatches(settings.limit);
  const cannotMatch = cannotMatchFor(wantedNames(settings.filter));
  return {
    async read({id: task, file, range}, signal) {
      const top = range ? new TopMatches(settings.limit) : filesTop;
      let matched = 0;
      const sink: FileSink = {
        onRecord(record, text, index) {
          if (!passes(record, settings.filter)) return;
          matched++;
          const match = matchOf(record, file, index, findingsFor(record, factsFor(record), undefined, settings.findingsConfig));
          if (top.add(match)) emit({type: 'match', task, match, text});
        },
        onSkip: (reason, recordIndex, recordsBefore) => emit({type: 'skip', task, path: file, reason, recordIndex, recordsBefore}),
        onProgress(bytes, events) {
          emit({type: 'progress', task, bytes, events, matched});
          matched = 0;
        },
      };
      const options = {cannotMatch, maxRecordBytes: settings.maxRecordBytes, signal};
      const result: FileScanResult & {readonly piece?: PieceEnd} = range ? await scanPiece(file, range, sink, options) : await scanFile(file, sink, options);
      emit({type: 'file-done', task, path: file, isOpened: result.isOpened, piece: result.piece});
    },
  };
}
