// Events straight from CloudTrail event history (LookupEvents, stack-notes §6.1): one event by its ID,
// or the recent events of the names that have a runbook. Returns the raw records (the parsed
// CloudTrailEvent JSON); turning them into CloudTrailRecords and classifying SDK errors is the caller's
// job, so SDK errors (AbortError included) propagate unchanged. Loaded lazily: it imports the SDK.
// Facts it relies on: at most 50 events a page, newest first; NextToken must be sent back with the
// same parameters; LookupAttributes holds one attribute; 2 requests a second (the limiter's job).
import {safeLine} from '../../text/safe-text.js';
import {lookupPages, lookupTimeOf, readLookupRecord, type LookupEventsClient, type LookupQuery} from './pages.js';
import type {RateLimiter} from './rate-limiter.js';

export type {LookupEventsClient} from './pages.js';

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

/** LookupEvents requests one `recentEvents` sends at most, all queries together (CloudTrail may offer pages forever). */
export const defaultMaxRequests = 40;

/** Pages followed while the event has not shown up (a page may come back empty with a NextToken). */
const byIdMaxPages = 5;

/** The raw record of the event with this ID, or undefined when CloudTrail (90 days, this Region) has none. */
export async function lookupEventById(client: LookupEventsClient, eventId: string, options: LookupByIdOptions = {}): Promise<unknown> {
  const check = checkEventId(eventId);
  if (!check.ok) throw new LookupError(check.problem);
  const query: LookupQuery = {attribute: {key: 'EventId', value: eventId}};
  for await (const page of lookupPages(client, query, {...options, maxPages: byIdMaxPages})) {
    for (const event of page.events) {
      const read = readLookupRecord(event);
      const id = event.EventId ?? (read.ok ? read.eventId : undefined);
      if (id?.toLowerCase() !== eventId.toLowerCase()) continue;
      if (!read.ok) throw new LookupError(`CloudTrail returned event ${eventId} without a readable record (CloudTrailEvent is missing or not JSON)`);
      return read.record;
    }
  }
  return undefined;
}

export interface RecentEventsOptions {
  readonly since: Date;
  readonly until?: Date | undefined;
  /** The events wanted (the caller chooses them, e.g. the events that have a runbook). */
  readonly names: readonly string[];
  /**
   * The event source of a name (ec2.amazonaws.com), when the caller knows it. Names that share a source
   * are read with one EventSource listing instead of one EventName listing each: 27 EC2 events cost one
   * request instead of 27 when the account's EC2 events of the period fit in a page.
   */
  readonly sourceOf?: ((name: string) => string | undefined) | undefined;
  readonly limiter: RateLimiter;
  /** Default 500. */
  readonly maxEvents?: number | undefined;
  /** Per listing; default 20 for an event name's, maxRequests for an event source's (it is the whole listing). */
  readonly maxPages?: number | undefined;
  /** All listings together; default 40 (20 s at CloudTrail's 2 requests a second). */
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

/** One listing of recentEvents: an event name's, or an event source's keeping only some names. */
interface Listing {
  readonly attribute: {readonly key: 'EventName' | 'EventSource'; readonly value: string};
  /** EventSource listings: the names wanted from it. */
  readonly keep?: ReadonlySet<string>;
  /** The end of this listing's window when it is earlier than the search's (a name read where its source listing stopped). */
  readonly until?: Date;
}

/**
 * The fewest listings for these names: one per event source that two or more of them share, one per
 * remaining name. (One name alone is cheaper by name: its listing holds nothing else.)
 */
export function recentListings(names: readonly string[], sourceOf: (name: string) => string | undefined = () => undefined): Listing[] {
  const bySource = new Map<string, string[]>();
  for (const name of names) {
    const source = sourceOf(name);
    if (source !== undefined) bySource.set(source, [...(bySource.get(source) ?? []), name]);
  }
  const listings: Listing[] = [];
  const done = new Set<string>();
  for (const name of names) {
    if (done.has(name)) continue;
    const source = sourceOf(name);
    const shared = source === undefined ? [] : (bySource.get(source) ?? []);
    if (source !== undefined && shared.length > 1) {
      listings.push({attribute: {key: 'EventSource', value: source}, keep: new Set(shared)});
      for (const n of shared) done.add(n);
    } else {
      listings.push({attribute: {key: 'EventName', value: name}});
      done.add(name);
    }
  }
  return listings;
}

/**
 * The newest events of the names in [since, until], merged newest first. Every listing is paged until
 * it runs out, hits maxPages, or can no longer change the newest maxEvents, so the result is the newest
 * maxEvents overall, not the first maxEvents of the first listing.
 */
export async function recentEvents(client: LookupEventsClient, options: RecentEventsOptions): Promise<RecentEvents> {
  const {since, until, limiter, signal, onProgress} = options;
  const maxEvents = positive('maxEvents', options.maxEvents ?? 500);
  const maxRequests = positive('maxRequests', options.maxRequests ?? defaultMaxRequests);
  if (options.maxPages !== undefined) positive('maxPages', options.maxPages);
  const names = checkNames(options.names);
  checkRange(since, until);
  const sources = options.sourceOf;
  if (sources !== undefined) for (const name of names) checkSource(sources(name));

  const found: Found[] = [];
  const ids = new Set<string>();
  let skipped = 0;
  let requests = 0;
  let truncated = false;
  let cut = false;
  const listings = recentListings(names, sources);
  // A listing may add listings behind it (a source's names, read by name where the source listing stopped).
  for (let i = 0; i < listings.length; i++) {
    const listing = listings[i]!;
    if (requests >= maxRequests) {
      cut = truncated = true;
      break;
    }
    const maxPages = options.maxPages ?? (listing.keep === undefined ? 20 : maxRequests);
    const query: LookupQuery = {attribute: listing.attribute, since, until: listing.until ?? until, maxResults: 50};
    let fromListing = 0;
    /** The newest and oldest event times this listing has shown: how much of the window a page covers. */
    let newest = -Infinity;
    let frontier = Infinity;
    for await (const page of lookupPages(client, query, {signal, limiter, maxPages})) {
      requests++;
      let oldest = Infinity;
      for (const event of page.events) {
        const read = readLookupRecord(event);
        const time = lookupTimeOf(event.EventTime ?? (read.ok ? read.eventTime : undefined));
        if (time > -Infinity) oldest = Math.min(oldest, time);
        if (time > -Infinity) newest = Math.max(newest, time);
        if (listing.keep !== undefined && !listing.keep.has(event.EventName ?? nameOf(read))) continue;
        if (event.EventId !== undefined && ids.has(event.EventId)) continue;
        if (!read.ok) {
          skipped++;
          continue;
        }
        if (event.EventId !== undefined) ids.add(event.EventId);
        found.push({time, record: read.record});
        fromListing++;
      }
      onProgress?.(Math.min(found.length, maxEvents), requests);
      if (page.next === 'done') break;
      const cannotMatter = found.length >= maxEvents && oldest < cutoff(found, maxEvents);
      if (fromListing >= maxEvents || cannotMatter) {
        truncated = true;
        break;
      }
      frontier = Math.min(frontier, oldest);
      if (listing.keep !== undefined && page.next === 'more' && pagesLeft(since, newest, frontier, page.page) > listing.keep.size) {
        // A busy source (EC2's Describe calls are events too): one listing per name costs fewer requests
        // for the rest of the window than paging through everything else the source logged.
        const rest = new Date(frontier);
        for (const name of listing.keep) listings.push({attribute: {key: 'EventName', value: name}, until: rest});
        break;
      }
      if (page.next !== 'more' || requests >= maxRequests) {
        cut = truncated = true;
        break;
      }
    }
  }
  found.sort(newestFirst);
  if (found.length > maxEvents) truncated = true;
  return {records: found.slice(0, maxEvents).map((f) => f.record), truncated, cut, requests, skipped};
}

/**
 * About how many more pages a listing needs to reach `since`, at the pace of its pages so far
 * (pagesRead pages covered newest..frontier). Infinity when that cannot be told (no times, or one instant).
 */
function pagesLeft(since: Date, newest: number, frontier: number, pagesRead: number): number {
  const covered = newest - frontier;
  if (!(covered > 0) || !Number.isFinite(frontier)) return Infinity;
  return Math.ceil(((frontier - since.getTime()) / covered) * pagesRead);
}

interface Found {
  readonly time: number;
  readonly record: unknown;
}

/** The record's eventName, for an entry whose summary lacks one ('' when neither has it). */
function nameOf(read: ReturnType<typeof readLookupRecord>): string {
  const name = read.ok ? (read.record as {eventName?: unknown}).eventName : undefined;
  return typeof name === 'string' ? name : '';
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

/** An event source goes into the request as it is: it must look like one (ec2.amazonaws.com). */
function checkSource(source: string | undefined): void {
  if (source !== undefined && !/^[a-z0-9-]+(\.[a-z0-9-]+)*\.amazonaws\.com$/.test(source)) throw new LookupError(`'${safeLine(source, 60)}' is not an event source`);
}

function checkRange(since: Date, until: Date | undefined): void {
  if (Number.isNaN(since.getTime())) throw new LookupError('the start of the time range is not a valid time');
  if (until === undefined) return;
  if (Number.isNaN(until.getTime())) throw new LookupError('the end of the time range is not a valid time');
  if (since.getTime() >= until.getTime()) throw new LookupError('the start of the time range is not before its end');
}
