// `triage --lake` / `--athena`: the same filters as a scan of files, run as one query by the engine that
// already holds the organisation's trail, its rows ranked exactly as a file scan ranks its matches
// (same filter, same findings, same order), and watched and stopped the same way, so the picker and
// the md/json output take it as they take a scan. The engine is passed in: this file sends nothing itself.
import {exitCodes, UsageError} from '../exit-codes.js';
import type {CloudTrailRecord} from '../events/record.js';
import type {FindingsConfig} from '../findings/finding.js';
import {inputTracker} from '../findings/input-context.js';
import {runbookSet, type RunbookDirTexts} from '../runbooks/runbook-set.js';
import type {AthenaLayout} from '../timeline/sql/athena.js';
import {TimelineError, type TimelineEngine, type TimelineFilter} from '../timeline/types.js';
import {passes} from '../triage/filter.js';
import {progressLine} from '../triage/progress-text.js';
import {triageJson} from '../triage/triage-json.js';
import {triageMarkdown} from '../triage/triage-md.js';
import {wantedNames} from '../triage/prefilter.js';
import {TopMatches} from '../triage/rank.js';
import {findingsOf} from '../triage/scan-one.js';
import type {TriageProgress, TriageResult, TriageScan} from '../triage/triage-scan.js';
import type {TriageFilter, TriageMatch} from '../triage/triage-match.js';
import {matchOf} from '../triage/triage-match.js';

export interface QueryTriageOptions {
  readonly filter: TriageFilter;
  readonly limit: number;
  readonly findingsConfig?: FindingsConfig | undefined;
  readonly runbookTexts?: readonly RunbookDirTexts[] | undefined;
  /** The window's start when --since is not given (a query must be bounded: default 7 days back). */
  readonly defaultSinceMs: number;
  /** Rows the query may return (default: ten times the limit, at least 1000): more rows than listed, so ranking has a choice. */
  readonly maxRows?: number | undefined;
}

export interface QueryTriageScan extends TriageScan {
  /** Why the query stopped, once `done` has resolved (undefined: it ran to the end or was stopped by the operator). */
  failure(): TimelineError | undefined;
}

/** The triage filter as the query's filter: the same names (the runbooks' events unless --all or --name), window, Region, account and actor text. */
export function queryFilter(filter: TriageFilter, runbookNames: readonly string[], defaultSinceMs: number, maxRows: number): TimelineFilter {
  return {
    since: new Date(filter.sinceMs ?? defaultSinceMs),
    until: filter.untilMs === undefined ? undefined : new Date(filter.untilMs),
    names: wantedNames(filter, runbookNames),
    regions: filter.region === undefined ? undefined : [filter.region],
    account: filter.account,
    actorText: filter.actor,
    limit: maxRows,
  };
}

export function startQueryTriage(engine: TimelineEngine, options: QueryTriageOptions): QueryTriageScan {
  const runbooks = runbookSet(options.runbookTexts);
  const top = new TopMatches(options.limit);
  const records = new WeakMap<TriageMatch, CloudTrailRecord>();
  const listeners = new Set<() => void>();
  const stopper = new AbortController();
  let failure: TimelineError | undefined;
  let progress: TriageProgress = {isListing: false, files: 0, filesTotal: 0, bytes: 0, bytesTotal: 0, events: 0, matched: 0, skipped: 0, isDone: false, isStopped: false, source: engine.label, status: 'starting the query'};
  const changed = (): void => {
    for (const listener of listeners) listener();
  };
  const maxRows = options.maxRows ?? Math.max(1000, options.limit * 10);
  const filter = queryFilter(options.filter, runbooks.eventNames, options.defaultSinceMs, maxRows);

  const run = async (): Promise<TriageResult> => {
    let index = 0;
    // Bursts of refused calls and instance credentials' addresses among the rows returned so far.
    const tracker = inputTracker();
    const config: FindingsConfig = {...options.findingsConfig, input: tracker};
    try {
      for await (const page of engine.search(filter, stopper.signal)) {
        let matched = 0;
        for (const row of page.rows) {
          const at = index++;
          tracker.add(row.record);
          // The query already filtered; the same test as a file scan keeps the two in step (e.g. actor text over invokedBy).
          if (!passes(row.record, options.filter, runbooks.eventNames)) continue;
          matched++;
          const match = matchOf(row.record, engine.label, at, findingsOf(row.record, config, runbooks));
          if (top.add(match)) records.set(match, row.record);
        }
        progress = {...progress, events: progress.events + page.rows.length, matched: progress.matched + matched, status: page.progress};
        changed();
      }
    } catch (error) {
      const stopped = stopper.signal.aborted;
      failure = stopped ? undefined : error instanceof TimelineError ? error : new TimelineError('failed', `${engine.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
    progress = {...progress, isDone: true, isStopped: stopper.signal.aborted, status: failure?.reason};
    changed();
    const matches = top.items;
    return {
      matches,
      summary: {files: 0, bytes: 0, events: progress.events, matched: progress.matched, shown: matches.length, skipped: [], skippedNotListed: 0, isStopped: progress.isStopped, source: engine.label},
      hasNoReadablePath: false,
      recordOf: (match) => records.get(match),
    };
  };

  return {
    done: run(),
    progress: () => progress,
    matches: () => top.items,
    recordOf: (match) => records.get(match),
    stop: () => stopper.abort(),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    failure: () => failure,
  };
}

/** triage's flags that choose a query engine instead of files. */
export interface QueryEngineFlags {
  /** --lake EVENT_DATA_STORE (ID or ARN). */
  readonly lake?: string | undefined;
  /** --athena DATABASE.TABLE */
  readonly athena?: string | undefined;
  readonly workgroup?: string | undefined;
  readonly outputLocation?: string | undefined;
  readonly profile?: string | undefined;
  /** --query-region: where the event data store or the workgroup is (triage's --region filters events). */
  readonly queryRegion?: string | undefined;
  /** --athena-partitions DAY,REGION,ACCOUNT: the table's partition columns, "-" for one it lacks (default timestamp,region,account). */
  readonly athenaPartitions?: string | undefined;
}

/** The Athena table's partition columns from --athena-partitions (names are checked when the query is built). */
export function athenaLayout(text: string | undefined): AthenaLayout | undefined {
  if (text === undefined) return undefined;
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length !== 3 || parts.some((part) => part === '')) throw new UsageError('--athena-partitions: give DAY,REGION,ACCOUNT column names, "-" for one the table lacks (e.g. timestamp,region,-)');
  const [time, region, account] = parts.map((part) => (part === '-' ? null : part));
  return {time: time ?? null, region: region ?? null, account: account ?? null};
}

/** Whether the flags ask for a query; usage errors for a wrong combination. */
export function wantsQuery(flags: QueryEngineFlags, paths: readonly string[]): boolean {
  const asked = flags.lake !== undefined || flags.athena !== undefined;
  if (flags.lake !== undefined && flags.athena !== undefined) throw new UsageError('give --lake or --athena, not both');
  if (asked && paths.length > 0) throw new UsageError('--lake and --athena query the organisation\'s trail: give no PATH with them');
  if (!asked && paths.length === 0) throw new UsageError('give the trail log files or folders (PATH…), or --lake / --athena');
  if (flags.athena !== undefined && flags.workgroup === undefined) throw new UsageError('--athena needs --workgroup');
  if (!asked && (flags.workgroup !== undefined || flags.outputLocation !== undefined || flags.queryRegion !== undefined || flags.athenaPartitions !== undefined)) {
    throw new UsageError('--workgroup, --output-location, --athena-partitions and --query-region go with --lake or --athena');
  }
  return asked;
}

/** The engine the flags name (the SDK itself is loaded at the first search); a bad name is a usage error. */
export async function queryEngine(flags: QueryEngineFlags): Promise<TimelineEngine> {
  try {
    if (flags.lake !== undefined) {
      const {createLakeEngine} = await import('../timeline/engines/lake.js');
      return createLakeEngine({eventDataStore: flags.lake, region: flags.queryRegion, profile: flags.profile, newestFirst: true});
    }
    const {createAthenaEngine} = await import('../timeline/engines/athena.js');
    return createAthenaEngine({table: flags.athena ?? '', workgroup: flags.workgroup ?? '', outputLocation: flags.outputLocation, layout: athenaLayout(flags.athenaPartitions), region: flags.queryRegion, profile: flags.profile, newestFirst: true});
  } catch (error) {
    if (error instanceof TimelineError) throw new UsageError(`${flags.lake !== undefined ? '--lake' : '--athena'}: ${error.reason}`);
    throw error;
  }
}

/** How far back a query reaches without --since: a query must be bounded (Athena scans, and pays for, every day in the window). */
export const defaultQueryDays = 7;

export interface QueryTriageIo {
  readonly write: (text: string) => void;
  /** The one-line error on stderr. */
  readonly fail: (line: string) => void;
  readonly progress?: ((line: string | null) => void) | undefined;
  readonly onInterrupt?: ((stop: () => void) => () => void) | undefined;
  readonly format?: 'md' | 'json' | undefined;
}

/**
 * The query's result printed as the file scan's is. An engine error prints one line and exits 6; a
 * value the query cannot carry (a bad --name for Lake) is a usage error; Ctrl-C stops the query at
 * the source and prints what was read.
 */
export async function runQueryTriage(scan: QueryTriageScan, io: QueryTriageIo): Promise<number> {
  const unsubscribe = io.onInterrupt?.(() => scan.stop());
  const unwatch = io.progress ? scan.subscribe(() => io.progress?.(progressLine(scan.progress()))) : undefined;
  let result: TriageResult;
  try {
    result = await scan.done;
  } finally {
    unwatch?.();
    io.progress?.(null);
    unsubscribe?.();
  }
  const failure = scan.failure();
  if (failure?.kind === 'bad-input') throw new UsageError(failure.reason);
  if (failure !== undefined) {
    io.fail(failure.reason);
    return exitCodes.noAws;
  }
  io.write(io.format === 'json' ? triageJson(result) : triageMarkdown(result));
  return result.summary.isStopped ? exitCodes.stopped : exitCodes.ok;
}
