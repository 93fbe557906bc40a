// Events straight from CloudTrail event history (LookupEvents, stack-notes §6.1): one event by its ID,
// or the recent events of the names that have a runbook. Returns the raw records (the parsed
// CloudTrailEvent JSON); turning them into CloudTrailRecords and classifying SDK errors is the caller's
// job, so SDK errors (AbortError included) propagate unchanged. Loaded lazily: it imports the SDK.
// Facts it relies on: at most 50 events a page, newest first; NextToken must be sent back with the
// same parameters; LookupAttributes holds one attribute; 2 requests a second (the limiter's job).
import {LookupEventsCommand, type Event, type LookupEventsCommandInput, type LookupEventsCommandOutput} from '@aws-sdk/client-cloudtrail';
import {safeLine} from '../../text/safe-text.js';
import type {RateLimiter} from './rate-limiter.js';

/** The one call used here; CloudTrailClient fits, and tests may pass anything that does. */
export interface LookupEventsClient {
  send(command: LookupEventsCommand, options?: {abortSignal?: AbortSignal}): Promise<LookupEventsCommandOutput>;
}

/** A lookup refused before anything was sent (bad event ID, bad time range), or an unreadable answer. */
export class LookupError extends Error {
  override readonly name = 'LookupError';

  /** @param problem one short sentence, lower-case, no final period */
  constructor(readonly problem: string) {
    super(problem);
  }
}

export type EventIdCheck = {readonly ok: true; readonly eventId: string} | {readonly ok: false; readonly problem: string};

/** Control and format characters, newlines and tabs included: none belongs in an ID or an event name. */
const controls = /[\p{Cc}\p{Cf}\u2028\u2029]/u;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const maxEventIdLength = 128;

/** A CloudTrail event ID is a UUID; the problem says what is wrong otherwise (the ID is shown escaped). */
export function checkEventId(text: string): EventIdCheck {
  if (text === '') return {ok: false, problem: 'the event ID is empty'};
  if (text.length > maxEventIdLength) return {ok: false, problem: `the event ID is too long (${text.length} characters, at most ${maxEventIdLength})`};
  if (controls.test(text)) return {ok: false, problem: `the event ID contains control characters: '${safeLine(text, 60)}'`};
  if (!uuid.test(text)) return {ok: false, problem: `'${safeLine(text, 60)}' is not a CloudTrail event ID (expected a UUID like 6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b)`};
  return {ok: true, eventId: text};
}

export interface LookupByIdOptions {
  readonly signal?: AbortSignal | undefined;
  /** Share the app's limiter when there is one; a single lookup usually needs one request. */
  readonly limiter?: RateLimiter | undefined;
}

/** LookupEvents requests one `recentEvents` sends at most, all names together (CloudTrail may offer pages forever). */
export const defaultMaxRequests = 40;

/** Pages followed while the event has not shown up (a page may come back empty with a NextToken). */
const byIdMaxPages = 5;

/** The raw record of the event with this ID, or undefined when CloudTrail (90 days, this Region) has none. */
export async function lookupEventById(client: LookupEventsClient, eventId: string, options: LookupByIdOptions = {}): Promise<unknown> {
  const check = checkEventId(eventId);
  if (!check.ok) throw new LookupError(check.problem);
  const pages = new Pager({LookupAttributes: [{AttributeKey: 'EventId', AttributeValue: eventId}]});
  for (let page = 0; page < byIdMaxPages; page++) {
    const output = await send(client, pages.input(), options.signal, options.limiter);
    for (const event of output.Events ?? []) {
      const read = readRecord(event);
      const id = event.EventId ?? (read.ok ? read.eventId : undefined);
      if (id?.toLowerCase() !== eventId.toLowerCase()) continue;
      if (!read.ok) throw new LookupError(`CloudTrail returned event ${eventId} without a readable record (CloudTrailEvent is missing or not JSON)`);
      return read.record;
    }
    if (pages.next(output) !== 'more') return undefined;
  }
  return undefined;
}

export interface RecentEventsOptions {
  readonly since: Date;
  readonly until?: Date | undefined;
  /** One query each (the caller chooses them, e.g. the events that have a runbook). */
  readonly names: readonly string[];
  readonly limiter: RateLimiter;
  /** Default 500. */
  readonly maxEvents?: number | undefined;
  /** Per name; default 20. */
  readonly maxPages?: number | undefined;
  /** All names together; default 40 (20 s at CloudTrail's 2 requests a second). */
  readonly maxRequests?: number | undefined;
  readonly signal?: AbortSignal | undefined;
  /** After every page: records found so far (at most maxEvents), requests made so far. */
  readonly onProgress?: ((found: number, pages: number) => void) | undefined;
}

export interface RecentEvents {
  /** Raw records, newest first, at most maxEvents. */
  readonly records: unknown[];
  /** More matching events exist than were returned (a limit was reached, or paging had to stop). */
  readonly truncated: boolean;
  /** Paging stopped at maxPages or maxRequests (or on a repeated NextToken) while CloudTrail still offered more pages. */
  readonly cut: boolean;
  /** LookupEvents requests sent. */
  readonly requests: number;
  /** Entries without a readable CloudTrailEvent. */
  readonly skipped: number;
}

/**
 * The newest events of each name in [since, until], merged newest first. Every name is paged until
 * it runs out, hits maxPages, or can no longer change the newest maxEvents, so the result is the newest
 * maxEvents overall, not the first maxEvents of the first name.
 */
export async function recentEvents(client: LookupEventsClient, options: RecentEventsOptions): Promise<RecentEvents> {
  const {since, until, limiter, signal, onProgress} = options;
  const maxEvents = positive('maxEvents', options.maxEvents ?? 500);
  const maxPages = positive('maxPages', options.maxPages ?? 20);
  const maxRequests = positive('maxRequests', options.maxRequests ?? defaultMaxRequests);
  const names = checkNames(options.names);
  checkRange(since, until);

  const found: Found[] = [];
  const ids = new Set<string>();
  let skipped = 0;
  let requests = 0;
  let truncated = false;
  let cut = false;
  for (const name of names) {
    if (requests >= maxRequests) {
      cut = truncated = true;
      break;
    }
    const pages = new Pager({
      LookupAttributes: [{AttributeKey: 'EventName', AttributeValue: name}],
      StartTime: since,
      ...(until === undefined ? {} : {EndTime: until}),
      MaxResults: 50,
    });
    let fromName = 0;
    for (let page = 1; ; page++) {
      const output = await send(client, pages.input(), signal, limiter);
      requests++;
      let oldest = Infinity;
      for (const event of output.Events ?? []) {
        const read = readRecord(event);
        const time = timeOf(event.EventTime ?? (read.ok ? read.eventTime : undefined));
        if (time > -Infinity) oldest = Math.min(oldest, time);
        if (event.EventId !== undefined && ids.has(event.EventId)) continue;
        if (!read.ok) {
          skipped++;
          continue;
        }
        if (event.EventId !== undefined) ids.add(event.EventId);
        found.push({time, record: read.record});
        fromName++;
      }
      onProgress?.(Math.min(found.length, maxEvents), requests);
      const next = pages.next(output);
      if (next === 'done') break;
      const cannotMatter = found.length >= maxEvents && oldest < cutoff(found, maxEvents);
      if (fromName >= maxEvents || cannotMatter) {
        truncated = true;
        break;
      }
      if (next === 'repeated' || page >= maxPages || requests >= maxRequests) {
        cut = truncated = true;
        break;
      }
    }
  }
  found.sort(newestFirst);
  if (found.length > maxEvents) truncated = true;
  return {records: found.slice(0, maxEvents).map((f) => f.record), truncated, cut, requests, skipped};
}

interface Found {
  readonly time: number;
  readonly record: unknown;
}

/** Follows NextToken with otherwise identical parameters; a token seen before ends the paging. */
class Pager {
  private token: string | undefined;
  private readonly seen = new Set<string>();

  constructor(private readonly base: LookupEventsCommandInput) {}

  input(): LookupEventsCommandInput {
    return this.token === undefined ? this.base : {...this.base, NextToken: this.token};
  }

  next(output: LookupEventsCommandOutput): 'more' | 'done' | 'repeated' {
    const token = output.NextToken;
    if (token === undefined || token === '') return 'done';
    if (this.seen.has(token)) return 'repeated';
    this.seen.add(token);
    this.token = token;
    return 'more';
  }
}

async function send(client: LookupEventsClient, input: LookupEventsCommandInput, signal?: AbortSignal, limiter?: RateLimiter): Promise<LookupEventsCommandOutput> {
  signal?.throwIfAborted();
  await limiter?.take(signal);
  signal?.throwIfAborted();
  return client.send(new LookupEventsCommand(input), signal === undefined ? undefined : {abortSignal: signal});
}

type Read = {readonly ok: true; readonly record: unknown; readonly eventId?: string; readonly eventTime?: string} | {readonly ok: false};

/** The CloudTrailEvent string parsed; only a JSON object counts as a record. */
function readRecord(event: Event): Read {
  if (typeof event.CloudTrailEvent !== 'string') return {ok: false};
  let record: unknown;
  try {
    record = JSON.parse(event.CloudTrailEvent);
  } catch {
    return {ok: false};
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return {ok: false};
  const {eventID, eventTime} = record as {eventID?: unknown; eventTime?: unknown};
  return {ok: true, record, ...(typeof eventID === 'string' ? {eventId: eventID} : {}), ...(typeof eventTime === 'string' ? {eventTime} : {})};
}

/** Milliseconds since the epoch; events without a readable time sort last. */
function timeOf(time: Date | string | undefined): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}

function newestFirst(a: Found, b: Found): number {
  return a.time === b.time ? 0 : a.time > b.time ? -1 : 1;
}

/** The time of the maxEvents-th newest record: anything older cannot make the result. */
function cutoff(found: readonly Found[], maxEvents: number): number {
  return [...found].sort(newestFirst)[maxEvents - 1]?.time ?? -Infinity;
}

function positive(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number ≥ 1, not ${value}`);
  return value;
}

function checkNames(names: readonly string[]): string[] {
  for (const name of names) {
    if (name === '' || name.length > 128 || controls.test(name)) throw new LookupError(`'${safeLine(name, 60)}' is not an event name`);
  }
  return [...new Set(names)];
}

function checkRange(since: Date, until: Date | undefined): void {
  if (Number.isNaN(since.getTime())) throw new LookupError('the start of the time range is not a valid time');
  if (until === undefined) return;
  if (Number.isNaN(until.getTime())) throw new LookupError('the end of the time range is not a valid time');
  if (since.getTime() >= until.getTime()) throw new LookupError('the start of the time range is not before its end');
}
