// One file of a triage scan: its records filtered, their findings computed, the best kept. Runs in
// this thread or in a worker thread (scan-worker.ts); it reports through ScanEvents only.
import {engineOf} from '../runbooks/registry.js';
import {runbookSet, type RunbookSet} from '../runbooks/runbook-set.js';
import {findingsFor, type Finding, type FindingsConfig} from '../findings/index.js';
import {inputTracker} from '../findings/input-context.js';
import type {CloudTrailRecord} from '../events/record.js';
import {passes} from './filter.js';
import {cannotMatchFor, wantedNames} from './prefilter.js';
import {TopMatches} from './rank.js';
import {scanFile} from './scan-file.js';
import type {ScanEvent, ScanSettings} from './scan-events.js';
import {matchOf} from './triage-match.js';

export interface FileReader {
  /** Reads one file; resolves once its last event has been emitted. */
  read(file: string, signal?: AbortSignal): Promise<void>;
}

/** A reader that keeps its own best `limit` matches across the files it reads, and emits only those. */
export function fileReader(settings: ScanSettings, emit: (event: ScanEvent) => void): FileReader {
  const top = new TopMatches(settings.limit);
  const runbooks = runbookSet(settings.runbookTexts);
  const cannotMatch = cannotMatchFor(wantedNames(settings.filter, runbooks.eventNames));
  return {
    async read(file, signal) {
      let matched = 0;
      // Bursts and instance credentials' addresses, per file and from the records read so far (a file is
      // streamed once): a burst is known from its tenth refused call on. Records the prefilter skips unparsed are not counted.
      const tracker = inputTracker();
      const config: FindingsConfig = {...settings.findingsConfig, input: tracker};
      const result = await scanFile(
        file,
        {
          onRecord(record, text, index) {
            tracker.add(record);
            if (!passes(record, settings.filter, runbooks.eventNames)) return;
            matched++;
            const match = matchOf(record, file, index, findingsOf(record, config, runbooks));
            if (top.add(match)) emit({type: 'match', match, text});
          },
          onSkip: (reason) => emit({type: 'skip', path: file, reason}),
          onProgress(bytes, events) {
            emit({type: 'progress', bytes, events, matched});
            matched = 0;
          },
        },
        {cannotMatch, maxRecordBytes: settings.maxRecordBytes, signal},
      );
      emit({type: 'file-done', path: file, isOpened: result.isOpened});
    },
  };
}

/** The record's findings: the shared ones, and its runbook's own when it has one (and it answers this record). */
export function findingsOf(record: CloudTrailRecord, config: FindingsConfig | undefined, runbooks: RunbookSet): readonly Finding[] {
  const runbook = runbooks.forEvent(record.eventName, record.eventSource)?.runbook;
  const engine = runbook === undefined ? undefined : engineOf(runbook);
  const answers = engine !== undefined && engine.answers(record);
  return findingsFor(record, answers ? engine.facts(record) : [], undefined, config, answers ? engine : undefined);
}
