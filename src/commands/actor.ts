// `trailguide actor EVENT`: the event's actor and what else it did, sorted in time, as Markdown or
// JSON. The event's own input is searched first, then --files (the triage reader), then the AWS
// engines the flags name (--cloudtrail, --lake, --athena; engines/choose.ts). One engine failing stops only that engine: what the
// others found is printed, and the reason goes on stderr in one line (exit 6; 3 when no --files path
// could be read; 130 when stopped with Ctrl-C).
import {setTimeout as sleepFor} from 'node:timers/promises';
import {performance} from 'node:perf_hooks';
import type {AwsSetup} from '../app/aws-services.js';
import {createRateLimiter} from '../aws/cloudtrail/rate-limiter.js';
import {durationMs} from '../aws/cloudtrail/since.js';
import type {Sdk} from '../aws/sdk/aws-sdk.js';
import {exitCodes, UsageError} from '../exit-codes.js';
import type {CloudTrailRecord} from '../events/record.js';
import {safeLine} from '../text/safe-text.js';
import {actorOf} from '../timeline/actor.js';
import {timelineEngines, type TimelineEngineOptions} from '../timeline/engines/choose.js';
import {mergeRows} from '../timeline/merge-rows.js';
import type {EngineOutcome, TimelineReport} from '../timeline/timeline-report.js';
import {timelineJson} from '../timeline/timeline-json.js';
import {timelineMarkdown} from '../timeline/timeline-md.js';
import {TimelineError, type TimelineEngine, type TimelineFilter, type TimelineRow} from '../timeline/types.js';
import {parseTimeBound} from '../triage/time-bound.js';
import type {Loaded} from './load-candidates.js';

export interface ActorFlags {
  readonly record?: string | undefined;
  readonly files?: readonly string[] | undefined;
  readonly since?: string | undefined;
  readonly until?: string | undefined;
  readonly limit: string;
  readonly format: 'md' | 'json';
  /** --cloudtrail: also CloudTrail event history (LookupEvents) in the Region (--region, else the event's). */
  readonly cloudtrail?: boolean | undefined;
  /** --lake EDS: also a CloudTrail Lake event data store. */
  readonly lake?: string | undefined;
  /** --athena DB.TABLE, with --workgroup and --output-location. */
  readonly athena?: string | undefined;
  readonly workgroup?: string | undefined;
  readonly outputLocation?: string | undefined;
  readonly profile?: string | undefined;
  readonly region?: string | undefined;
}

export interface ActorIo {
  readonly write: (text: string) => void;
  /** One line on stderr (without "trailguide: "). */
  readonly warn: (line: string) => void;
  /** Ctrl-C: calls stop once; returns the unsubscribe. */
  readonly onInterrupt?: ((stop: () => void) => () => void) | undefined;
  /** The engines for these options (tests give their own); default: timelineEngines. */
  readonly engines?: ((options: TimelineEngineOptions) => TimelineEngine[]) | undefined;
  /** For the AWS engines: AWS_REGION, AWS_PROFILE… (default: none). */
  readonly env?: NodeJS.ProcessEnv | undefined;
}

/** The AWS engines the flags ask for (nothing is sent unless one is named); `sdk` remembers the SDK the LookupEvents engine made, to close it. */
/** --lake and --athena (with --workgroup, --output-location): the query engines' options, the flags checked together; `actor` and the TUI (t) share them. */
export function queryEngineOptions(flags: Pick<ActorFlags, 'lake' | 'athena' | 'workgroup' | 'outputLocation' | 'profile' | 'region'>): Pick<TimelineEngineOptions, 'lake' | 'athena'> {
  if (flags.athena === undefined && (flags.workgroup !== undefined || flags.outputLocation !== undefined)) throw new UsageError('--workgroup and --output-location go with --athena DB.TABLE');
  if (flags.athena !== undefined && flags.workgroup === undefined) throw new UsageError('--athena needs --workgroup (the Athena workgroup to run the query in)');
  const settings = {profile: flags.profile, region: flags.region};
  return {
    lake: flags.lake === undefined ? undefined : {eventDataStore: flags.lake, ...settings},
    athena: flags.athena === undefined || flags.workgroup === undefined ? undefined : {table: flags.athena, workgroup: flags.workgroup, outputLocation: flags.outputLocation, ...settings},
  };
}

function awsEngineOptions(flags: ActorFlags, setup: AwsSetup | undefined, sdk: {loaded?: Promise<Sdk> | undefined}): Pick<TimelineEngineOptions, 'lookup' | 'lake' | 'athena'> {
  return {
    ...queryEngineOptions(flags),
    lookup: setup === undefined ? undefined : {
      client: async () => {
        const loaded = setup.sdk?.();
        if (loaded === undefined) throw new TimelineError('credentials', 'AWS cannot be asked');
        sdk.loaded = loaded;
        return (await loaded).cloudTrail(setup.defaultRegion);
      },
      region: setup.defaultRegion,
      // CloudTrail answers LookupEvents at most 2 times a second per account and Region.
      limiter: createRateLimiter({perSecond: 2, now: () => performance.now(), sleep: (ms, signal) => sleepFor(ms, undefined, {signal})}),
    },
  };
}

/** The engines, with a malformed --lake, --athena or --workgroup refused as a usage error (exit 2) before anything is sent. */
function enginesFor(make: (options: TimelineEngineOptions) => TimelineEngine[], options: TimelineEngineOptions): TimelineEngine[] {
  try {
    return make(options);
  } catch (error) {
    if (error instanceof TimelineError) throw new UsageError(error.reason);
    throw error;
  }
}

/** Without --since, the timeline starts this long before the event. */
export const defaultLookBackMs = 7 * 24 * 3600 * 1000;

/**
 * The window: --since a duration counts back from the event's time (an old record's actor is found
 * around it, not around today), --until a duration counts on from it; ISO times are taken as given.
 * Default: from 7 days before the event to now.
 */
export function actorWindow(flags: Pick<ActorFlags, 'since' | 'until'>, eventMs: number, nowMs: number): {readonly since: Date; readonly until?: Date | undefined} {
  const anchor = Number.isNaN(eventMs) ? nowMs : eventMs;
  const bound = (flag: string, text: string, sign: 1 | -1): number => {
    const ms = durationMs(text);
    if (ms !== undefined) return anchor + sign * ms;
    const result = parseTimeBound(text, anchor);
    if (!result.ok) throw new UsageError(`${flag}: ${result.problem}`);
    return result.ms;
  };
  const since = flags.since === undefined ? anchor - defaultLookBackMs : bound('--since', flags.since, -1);
  const until = flags.until === undefined ? undefined : bound('--until', flags.until, 1);
  if (until !== undefined && since >= until) throw new UsageError('--since must be before --until');
  return {since: new Date(since), until: until === undefined ? undefined : new Date(until)};
}

function parseLimit(text: string): number {
  if (!/^\d{1,7}$/.test(text) || Number(text) < 1) throw new UsageError('--limit: give a whole number from 1');
  return Number(text);
}

/** The event: the only record, or the one --record names (chooseRecord asks otherwise; plan's module is loaded only then). */
async function eventOf(loaded: Loaded, flags: ActorFlags, input: string | undefined): Promise<CloudTrailRecord> {
  const only = loaded.candidates.length === 1 ? loaded.candidates[0] : undefined;
  if (only !== undefined && flags.record === undefined) return only.record;
  const {chooseRecord} = await import('./plan.js');
  return chooseRecord(loaded, flags.record, input).record;
}

export async function actorCommand(loaded: Loaded, input: string | undefined, flags: ActorFlags, nowMs: number, io: ActorIo): Promise<number> {
  const limit = parseLimit(flags.limit);
  const event = await eventOf(loaded, flags, input);
  const window = actorWindow(flags, event.eventTime === undefined ? Number.NaN : Date.parse(event.eventTime), nowMs);
  const actor = actorOf(event);
  const skipped: {path: string; reason: string}[] = [];
  const base = {event, actor, since: window.since, until: window.until, limit, skipped};
  if (!actor.ok) {
    io.warn(`no timeline: ${safeLine(actor.reason, 300)}`);
    io.write(render({...base, engines: [], rows: [], dropped: 0}, flags.format));
    return exitCodes.ok;
  }
  const source = input === undefined || input === '-' ? 'standard input' : input;
  const own = loaded.candidates.map((c, i) => ({record: c.record, origin: `${source} #${i + 1}`}));
  const sdk: {loaded?: Promise<Sdk> | undefined} = {};
  const engines = enginesFor(io.engines ?? timelineEngines, {
    own: {records: own, label: `the event's input (${source})`},
    files: flags.files,
    onSkip: (path, reason) => skipped.push({path, reason}),
    ...awsEngineOptions(flags, flags.cloudtrail === true ? (await import('../app/aws-services.js')).awsSetup({profile: flags.profile, region: flags.region}, io.env ?? {}, event.awsRegion) : undefined, sdk),
  });
  const filter: TimelineFilter = {actor: actor.actor, since: window.since, until: window.until, limit};
  const stopper = new AbortController();
  const unsubscribe = io.onInterrupt?.(() => stopper.abort());
  const outcomes: EngineOutcome[] = [];
  let merged: {rows: readonly TimelineRow[]; dropped: number} = {rows: [], dropped: 0};
  let reachedLimit = false;
  let code: number = exitCodes.ok;
  try {
    for (const engine of engines) {
      if (stopper.signal.aborted) break;
      let rows = 0;
      // Nothing is shown until the end, so an engine's pages are merged once, not page by page.
      const found: TimelineRow[] = [];
      try {
        for await (const page of engine.search(filter, stopper.signal)) {
          rows += page.rows.length;
          found.push(...page.rows);
        }
        reachedLimit ||= rows >= limit;
        outcomes.push({label: engine.label, rows});
      } catch (error) {
        if (!(error instanceof TimelineError)) throw error;
        outcomes.push({label: engine.label, rows, error: error.reason});
        if (error.kind === 'cancelled') code = exitCodes.stopped;
        else {
          io.warn(`${safeLine(engine.label, 200)}: ${safeLine(error.reason, 300)}`);
          if (code === exitCodes.ok) code = error.kind === 'bad-input' && engine.kind === 'files' ? exitCodes.badInput : exitCodes.noAws;
        }
      } finally {
        merged = mergeRows(merged.rows, found, limit, merged.dropped);
      }
    }
  } finally {
    unsubscribe?.();
    // The LookupEvents client keeps its connections open: close them, so the process ends now.
    if (sdk.loaded !== undefined) (await sdk.loaded.catch(() => undefined))?.destroy();
  }
  if (stopper.signal.aborted) code = exitCodes.stopped;
  io.write(render({...base, engines: outcomes, rows: merged.rows, dropped: merged.dropped, reachedLimit}, flags.format));
  return code;
}

function render(report: TimelineReport, format: 'md' | 'json'): string {
  return format === 'json' ? timelineJson(report) : timelineMarkdown(report);
}
