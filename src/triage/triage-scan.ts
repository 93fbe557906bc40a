// A triage scan as it runs: lists the files, has an engine read them, merges what the readers report
// into one ranked list, and can be watched (progress, the list so far) and stopped at any time.
// `trailguide triage` prints its result; the interactive picker fills from it as matches arrive.
import {availableParallelism} from 'node:os';
import {tryParseRecord} from '../events/parse-record.js';
import type {CloudTrailRecord} from '../events/record.js';
import type {FindingsConfig} from '../findings/finding.js';
import type {RunbookDirTexts} from '../runbooks/runbook-set.js';
import {listLogFiles} from './list-files.js';
import {TopMatches} from './rank.js';
import {inThisThread, inWorkers, type ScanEngine} from './scan-engine.js';
import type {ScanEvent, ScanSettings} from './scan-events.js';
import type {TriageFilter, TriageMatch} from './triage-match.js';

export interface TriageProgress {
  readonly isListing: boolean;
  /** Files read (or found unreadable) so far, of filesTotal. */
  readonly files: number;
  readonly filesTotal: number;
  readonly bytes: number;
  readonly bytesTotal: number;
  readonly events: number;
  readonly matched: number;
  readonly skipped: number;
  readonly isDone: boolean;
  /** Stopped by the operator before every file was read. */
  readonly isStopped: boolean;
  /** triage --lake/--athena: the engine that runs the query ("Athena db.table"); absent for files. */
  readonly source?: string | undefined;
  /** triage --lake/--athena: what the query is doing ("query running, 3.2 MB scanned"), or why it stopped. */
  readonly status?: string | undefined;
}

export interface TriageSummary {
  readonly files: number;
  readonly bytes: number;
  readonly events: number;
  readonly matched: number;
  /** Matches listed (at most the limit). */
  readonly shown: number;
  readonly skipped: readonly {readonly path: string; readonly reason: string}[];
  /** Skips beyond the listed ones. */
  readonly skippedNotListed: number;
  /** Stopped (Escape, Ctrl-C) before every file was read: the counts are of what was read. */
  readonly isStopped: boolean;
  /** triage --lake/--athena: the engine the events came from (no files were read). */
  readonly source?: string | undefined;
}

export interface TriageResult {
  readonly matches: readonly TriageMatch[];
  readonly summary: TriageSummary;
  /** No command-line path could be read at all. */
  readonly hasNoReadablePath: boolean;
  /** The record a listed match came from (to open it in the walkthrough). */
  recordOf(match: TriageMatch): CloudTrailRecord | undefined;
}

export interface TriageOptions {
  readonly filter: TriageFilter;
  /** How many matches to list, best first. */
  readonly limit: number;
  readonly maxRecordBytes?: number;
  readonly maxSkipsListed?: number;
  readonly findingsConfig?: FindingsConfig | undefined;
  /** Worker threads to read with (default: the CPUs, at most 4); 1 reads in this thread. */
  readonly jobs?: number | undefined;
  /** The worker script (dist/triage-worker.js); without it, files are read in this thread. */
  readonly workerUrl?: URL | undefined;
  /** --runbooks: users' runbook files as read (and checked) by the command. */
  readonly runbookTexts?: readonly RunbookDirTexts[] | undefined;
}

export interface TriageScan {
  readonly done: Promise<TriageResult>;
  progress(): TriageProgress;
  /** The best matches so far, best first. */
  matches(): readonly TriageMatch[];
  recordOf(match: TriageMatch): CloudTrailRecord | undefined;
  /** Stop reading; done resolves with what was read. */
  stop(): void;
  /** Called after every change (often: throttle the drawing). */
  subscribe(listener: () => void): () => void;
}

/** Below this many bytes in all, starting worker threads costs more than it saves. */
const workersFrom = 4 * 1024 * 1024;

const defaultJobs = (): number => Math.max(1, Math.min(4, availableParallelism()));

export function startTriage(paths: readonly string[], options: TriageOptions): TriageScan {
  const top = new TopMatches(options.limit);
  const texts = new WeakMap<TriageMatch, string>();
  const records = new WeakMap<TriageMatch, CloudTrailRecord>();
  const skipped: {path: string; reason: string}[] = [];
  const maxSkips = options.maxSkipsListed ?? 1000;
  const listeners = new Set<() => void>();
  const stopper = new AbortController();
  let notListed = 0;
  let readablePaths = 0;
  let progress: TriageProgress = {isListing: true, files: 0, filesTotal: 0, bytes: 0, bytesTotal: 0, events: 0, matched: 0, skipped: 0, isDone: false, isStopped: false};
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  const skip = (path: string, reason: string): void => {
    if (skipped.length < maxSkips) skipped.push({path, reason});
    else notListed++;
    progress = {...progress, skipped: progress.skipped + 1};
  };
  const onEvent = (event: ScanEvent): void => {
    switch (event.type) {
      case 'match':
        if (top.add(event.match)) texts.set(event.match, event.text);
        break;
      case 'skip':
        skip(event.path, event.reason);
        break;
      case 'progress':
        progress = {...progress, bytes: progress.bytes + event.bytes, events: progress.events + event.events, matched: progress.matched + event.matched};
        break;
      case 'file-done':
        progress = {...progress, files: progress.files + 1};
        break;
      default: {
        const never: never = event;
        return never;
      }
    }
    changed();
  };
  const recordOf = (match: TriageMatch): CloudTrailRecord | undefined => {
    const known = records.get(match);
    if (known) return known;
    const text = texts.get(match);
    if (text === undefined) return undefined;
    const parsed = tryParseRecord(JSON.parse(text));
    if (!parsed.ok) return undefined;
    records.set(match, parsed.record);
    return parsed.record;
  };

  const run = async (): Promise<TriageResult> => {
    const listing = await listLogFiles(paths, skip);
    readablePaths = listing.readablePaths;
    const bytesTotal = listing.files.reduce((sum, f) => sum + f.size, 0);
    progress = {...progress, isListing: false, filesTotal: listing.files.length, bytesTotal};
    changed();
    const settings: ScanSettings = {filter: options.filter, limit: options.limit, maxRecordBytes: options.maxRecordBytes, findingsConfig: options.findingsConfig, runbookTexts: options.runbookTexts};
    const jobs = options.jobs ?? defaultJobs();
    const engine: ScanEngine = options.workerUrl && jobs > 1 && bytesTotal >= workersFrom ? inWorkers(settings, options.workerUrl, jobs) : inThisThread(settings);
    await engine.run(listing.files.map((f) => f.path), onEvent, stopper.signal);
    progress = {...progress, isDone: true, isStopped: stopper.signal.aborted};
    changed();
    const matches = top.items;
    return {
      matches,
      summary: {files: progress.files, bytes: progress.bytes, events: progress.events, matched: progress.matched, shown: matches.length, skipped, skippedNotListed: notListed, isStopped: progress.isStopped},
      hasNoReadablePath: readablePaths === 0,
      recordOf,
    };
  };

  return {
    done: run(),
    progress: () => progress,
    matches: () => top.items,
    recordOf,
    stop: () => stopper.abort(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
