// Events straight from CloudTrail's event history (LookupEvents): one by its ID (--event-id), or the
// recent events that have runbooks (`trailguide recent`). Loaded only for those commands.
import {setTimeout as sleepFor} from 'node:timers/promises';
import {performance} from 'node:perf_hooks';
import {awsSetup, type AwsFlags} from '../app/aws-services.js';
import {LookupError, lookupEventById, recentEvents} from '../aws/cloudtrail/lookup.js';
import {createRateLimiter, type RateLimiter} from '../aws/cloudtrail/rate-limiter.js';
import {callProblem, errorCode} from '../aws/interpret-error.js';
import {parseSince} from '../aws/cloudtrail/since.js';
import {InputError} from '../events/input-error.js';
import {tryParseRecord} from '../events/parse-record.js';
import {exitCodes, UsageError} from '../exit-codes.js';
import {builtInEventNames} from '../runbooks/catalog.js';
import {safeLine} from '../text/safe-text.js';
import type {Candidate} from '../walkthrough/state.js';
import type {Loaded} from './load-candidates.js';

/** AWS could not be asked: the CLI exits with exitCodes.noAws. */
export class NoAwsError extends Error {
  override name = 'NoAwsError';
  readonly exitCode = exitCodes.noAws;
}

async function connectedSdk(flags: AwsFlags) {
  const aws = awsSetup(flags, process.env);
  const status = await aws.connection?.();
  if (!aws.sdk || status?.kind !== 'connected') throw new NoAwsError(`${status?.kind === 'offline' ? status.reason : '--offline'}: cannot read CloudTrail`);
  return {sdk: await aws.sdk(), region: aws.defaultRegion};
}

/**
 * An SDK error of a LookupEvents call as the one line the CLI prints (exit 6): throttled, timed
 * out, reset, credentials expired, an unreadable answer, or AWS's own code and message.
 */
function cloudTrailFailure(error: unknown, region: string): unknown {
  if (error instanceof LookupError || typeof error !== 'object' || error === null) return error;
  const problem = callProblem(error);
  const code = errorCode(error);
  if (!problem && !('$metadata' in error)) return error;
  const what = problem?.message ?? `${code ?? 'Error'}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : ''}`;
  const hint = problem?.kind === 'throttled' ? ' (a shorter --since or fewer --name need fewer requests)' : '';
  return new NoAwsError(`CloudTrail event history in ${region} could not be read: ${safeLine(what)}${hint}`);
}

const limiter = () => createRateLimiter({perSecond: 2, now: () => performance.now(), sleep: (ms, signal) => sleepFor(ms, undefined, {signal})});

function candidates(raw: readonly unknown[], source: string, warn: (line: string) => void): Candidate[] {
  return raw.flatMap((value, i) => {
    const parsed = tryParseRecord(value);
    if (!parsed.ok) {
      warn(`${source}: event ${i + 1}: skipped: ${parsed.problem}`);
      return [];
    }
    return [{id: parsed.record.eventID ?? `${i}`, record: parsed.record}];
  });
}

export async function eventIdCandidates(eventId: string, flags: AwsFlags): Promise<Loaded> {
  const {sdk, region} = await connectedSdk(flags);
  try {
    const raw = await lookupEventById(sdk.cloudTrail(region), eventId, {limiter: limiter()}).catch((error: unknown) => {
      throw cloudTrailFailure(error, region);
    });
    const source = `CloudTrail event ${safeLine(eventId)} in ${region}`;
    if (raw === undefined) throw new InputError(source, '', 'no such event in the last 90 days of event history (LookupEvents covers management events of this Region only)');
    const found = candidates([raw], source, () => undefined);
    if (!found.length) throw new InputError(source, '', 'the event history returned a record trailguide cannot read');
    return {candidates: found, source, warnings: []};
  } finally {
    sdk.destroy();
  }
}

/** Test seam: the rate limiter (default CloudTrail's 2 requests a second). */
export interface RecentSeams {
  readonly limiter?: RateLimiter | undefined;
}

/** Every built-in runbook answers EC2 events (test/commands/recent-sources.test.ts checks each runbook's events.source). */
export const builtInEventSource = 'ec2.amazonaws.com';

/**
 * The event source of each name, so `recent` reads one EventSource listing for the names that share
 * one instead of one EventName listing each: users' runbooks say theirs, the built-ins are EC2's.
 */
function sourceFinder(runbookEvents: readonly {readonly source: string; readonly name: string}[]): (name: string) => string | undefined {
  const sources = new Map<string, string>();
  for (const {source, name} of runbookEvents) if (/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(source) && !sources.has(name)) sources.set(name, source);
  return (name) => sources.get(name) ?? (builtInEventNames.includes(name) ? builtInEventSource : undefined);
}

/**
 * runbookNames: the events that have a runbook (the built-ins', and users' with --runbooks); what is
 * looked up without --name. runbookEvents: users' runbook events with their sources (the built-ins' are EC2's).
 */
export async function recentCandidates(
  options: {since: string; names?: readonly string[] | undefined; runbookNames?: readonly string[] | undefined; runbookEvents?: readonly {readonly source: string; readonly name: string}[] | undefined} & AwsFlags,
  progress: (line: string) => void,
  seams: RecentSeams = {},
): Promise<Loaded> {
  const since = parseSince(options.since);
  if (!since.ok) throw new UsageError(`--since: ${since.problem}`);
  const runbookNames = options.runbookNames ?? builtInEventNames;
  const unknown = (options.names ?? []).filter((n) => !runbookNames.includes(n));
  if (unknown.length) throw new UsageError(`--name ${safeLine(unknown.join(', '))}: no runbook for it; runbooks: ${runbookNames.join(', ')}`);
  const {sdk, region} = await connectedSdk(options);
  try {
    const found = await recentEvents(sdk.cloudTrail(region), {
      since: new Date(Date.now() - since.ms),
      names: options.names?.length ? options.names : runbookNames,
      sourceOf: sourceFinder(options.runbookEvents ?? []),
      limiter: seams.limiter ?? limiter(),
      onProgress: (n, pages) => progress(`reading CloudTrail event history in ${region}: ${n} events, ${pages} requests`),
    }).catch((error: unknown) => {
      throw cloudTrailFailure(error, region);
    });
    const warnings: string[] = [];
    const list = candidates(found.records, `CloudTrail ${region}`, (w) => warnings.push(w));
    if (found.cut) warnings.push(`the listing was cut after ${found.requests} LookupEvents requests (CloudTrail still offered more pages): showing the newest ${list.length} found; narrow it with a shorter --since (e.g. --since 1h) or --name`);
    else if (found.truncated) warnings.push(`showing the newest ${list.length}; there are more (narrow --since or --name)`);
    if (found.skipped) warnings.push(`${found.skipped} events without a readable record were skipped`);
    const cutShort = found.cut ? ` in the first ${found.requests} LookupEvents requests (the listing was cut: narrow it with a shorter --since or --name)` : '';
    if (!list.length) throw new InputError(`CloudTrail ${region}`, '', `no ${options.names?.join(', ') || 'runbook'} events since ${options.since} ago${cutShort}`);
    return {candidates: list, source: `${list.length} recent events from CloudTrail in ${region} (last ${options.since})`, warnings};
  } finally {
    sdk.destroy();
  }
}
