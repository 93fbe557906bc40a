// The actor's timeline from CloudTrail event history (LookupEvents): one Region, the last 90 days.
// LookupEvents filters by one attribute a request, so an actor is two listings read side by side: its
// access key (AccessKeyId) and its user name (Username: an IAM user's name, a role session's name,
// "root"; AWS's lookup-events example shows an assumed-role event listed under its session name). The
// pages of both are merged and each event kept once (by EventId), and only events of this very caller
// are kept: a user name is not unique (another role's session may have the same name), so each record
// must still match the actor's key or ARN. Each page is handed over as it is read, every request goes
// through the shared rate limiter (CloudTrail allows 2 a second), and the signal stops it at once.
// Loaded lazily: it reaches the CloudTrail SDK through src/aws/cloudtrail.
import {lookupPages, lookupTimeOf, readLookupRecord, type LookupEventsClient, type LookupPage, type LookupQuery} from '../../aws/cloudtrail/pages.js';
import type {RateLimiter} from '../../aws/cloudtrail/rate-limiter.js';
import {tryParseRecord} from '../../events/parse-record.js';
import {safeLine} from '../../text/safe-text.js';
import {passesFilter, rowOf} from '../row.js';
import {TimelineError, type Actor, type TimelineEngine, type TimelineFilter, type TimelinePage, type TimelineRow} from '../types.js';
import {lookupFailure} from './lookup-failure.js';

export interface LookupEngineOptions {
  /** The CloudTrail client of `region`, or how to make it (the SDK is then loaded at the first search). */
  readonly client: LookupEventsClient | (() => Promise<LookupEventsClient>);
  readonly region: string;
  /** The app's one LookupEvents limiter: every search shares CloudTrail's 2 requests a second. */
  readonly limiter: RateLimiter;
  /** Requests one search sends at most (default 40: 20 s at 2 a second, 2,000 events). */
  readonly maxRequests?: number | undefined;
  /** Default: the system clock (the 90-day window is counted from it). */
  readonly now?: (() => number) | undefined;
}

/** How far back event history goes. */
const historyMs = 90 * 24 * 3600_000;
const origin = 'LookupEvents';

/** IAM user, role session and federated user names: what IAM and STS accept (1–64 of [\w+=,.@-]). */
const namePattern = /^[\w+=,.@-]{1,64}$/;
/** IAM access key IDs: 16–128 word characters (AKIA… long-term, ASIA… a session). */
const keyPattern = /^[A-Z0-9]{16,128}$/;

/** The name LookupEvents lists this actor's events under (its Username attribute), if it has one. */
export function lookupUsername(actor: Actor): string | undefined {
  const name =
    actor.type === 'Root' ? 'root'
    : actor.type === 'IAMUser' ? actor.userName ?? /:user\/(?:.*\/)?([^/]+)$/s.exec(actor.arn ?? '')?.[1]
    : actor.type === 'AssumedRole' ? actor.sessionName
    : actor.type === 'FederatedUser' ? /:federated-user\/(.+)$/s.exec(actor.arn ?? '')?.[1]
    : undefined;
  return name !== undefined && namePattern.test(name) ? name : undefined;
}

/** The listings a search reads: the actor's key and user name, or (no actor) each name, or everything. */
function queriesOf(filter: TimelineFilter, since: Date, until: Date | undefined): LookupQuery[] {
  const window = {since, until, maxResults: 50};
  const {actor} = filter;
  if (actor === undefined) {
    const names = [...new Set(filter.names ?? [])].filter((n) => namePattern.test(n));
    return names.length ? names.map((value) => ({...window, attribute: {key: 'EventName', value}})) : [window];
  }
  const queries: LookupQuery[] = [];
  if (actor.accessKeyId !== undefined && keyPattern.test(actor.accessKeyId)) queries.push({...window, attribute: {key: 'AccessKeyId', value: actor.accessKeyId}});
  const username = lookupUsername(actor);
  if (username !== undefined) queries.push({...window, attribute: {key: 'Username', value: username}});
  if (!queries.length) {
    throw new TimelineError('bad-input', `CloudTrail event history is searched by access key or user name, and this caller (${safeLine(actor.type, 40)}) has neither`);
  }
  return queries;
}

/** One listing being read: its pages, and the time of the oldest event it has shown so far. */
interface Listing {
  readonly pages: AsyncGenerator<LookupPage, void, undefined>;
  frontier: number;
  done: boolean;
}

/**
 * The listing to read next: the one whose oldest event so far is the newest, so the two listings
 * move back in time together and the rows shown first are the newest of both.
 */
function nextListing(listings: readonly Listing[]): Listing | undefined {
  let best: Listing | undefined;
  for (const listing of listings) if (!listing.done && (best === undefined || listing.frontier > best.frontier)) best = listing;
  return best;
}

export function createLookupEngine(options: LookupEngineOptions): TimelineEngine {
  const {region, limiter} = options;
  const maxRequests = options.maxRequests ?? 40;
  const now = options.now ?? Date.now;
  let client: Promise<LookupEventsClient> | undefined;
  const clientNow = () => (client ??= typeof options.client === 'function' ? options.client() : Promise.resolve(options.client));

  async function* search(filter: TimelineFilter, signal: AbortSignal): AsyncGenerator<TimelinePage, void, undefined> {
    const where = `CloudTrail event history in ${safeLine(region, 40)}`;
    const oldest = now() - historyMs;
    const since = new Date(Math.max(filter.since.getTime(), oldest));
    const until = filter.until;
    if (Number.isNaN(filter.since.getTime()) || (until !== undefined && Number.isNaN(until.getTime()))) throw new TimelineError('bad-input', 'the time window is not a valid time');
    if (until !== undefined && until.getTime() <= since.getTime()) {
      throw new TimelineError('bad-input', until.getTime() <= oldest ? `the time window ends more than 90 days ago: ${where} keeps only the last 90 days` : 'the time window ends before it starts');
    }
    if (!(filter.limit >= 1)) return;
    const queries = queriesOf(filter, since, until);
    if (filter.regions !== undefined && filter.regions.length > 0 && !filter.regions.includes(region)) {
      // Event history holds the events of its own Region only: none of them can pass the filter.
      yield {rows: [], progress: `${where}: not read (it holds ${safeLine(region, 40)}'s events only, and the filter asks for ${safeLine(filter.regions.join(', '), 80)})`};
      return;
    }
    const seen = new Set<string>();
    let requests = 0;
    let found = 0;
    let skipped = 0;
    let cut = false;
    try {
      const lookups = await clientNow();
      const listings: Listing[] = queries.map((query) => ({pages: lookupPages(lookups, query, {signal, limiter}), frontier: Infinity, done: false}));
      for (let listing = nextListing(listings); listing !== undefined; listing = nextListing(listings)) {
        if (requests >= maxRequests) {
          cut = true;
          break;
        }
        signal.throwIfAborted();
        requests++;
        const step = await listing.pages.next();
        if (step.done === true) {
          // Not reached: a listing's last page says so (next !== 'more'); kept so a finished one is never asked again.
          requests--;
          listing.done = true;
          continue;
        }
        const page = step.value;
        const rows: TimelineRow[] = [];
        for (const event of page.events) {
          const read = readLookupRecord(event);
          const time = lookupTimeOf(event.EventTime ?? (read.ok ? read.eventTime : undefined));
          if (time > -Infinity) listing.frontier = Math.min(listing.frontier, time);
          const id = event.EventId ?? (read.ok ? read.eventId : undefined);
          if (id !== undefined) {
            if (seen.has(id)) continue;
            seen.add(id);
          }
          const parsed = read.ok ? tryParseRecord(read.record) : undefined;
          if (parsed === undefined || !parsed.ok) {
            skipped++;
            continue;
          }
          if (passesFilter(parsed.record, filter)) rows.push(rowOf(parsed.record, origin));
        }
        if (page.next !== 'more') listing.done = true;
        if (page.next === 'repeated' || page.next === 'cut') cut = true;
        const room = filter.limit - found;
        const kept = rows.length > room ? rows.slice(0, room) : rows;
        found += kept.length;
        yield {rows: kept, progress: progressLine(where, requests, found, skipped)};
        if (found >= filter.limit) return;
      }
      if (cut) yield {rows: [], progress: `${progressLine(where, requests, found, skipped)}; stopped after ${requests} requests while CloudTrail still had more: older events are missing (a shorter time window reads fewer)`};
    } catch (error) {
      throw lookupFailure(error, region, signal.aborted);
    }
  }

  return {kind: 'lookup', label: `CloudTrail LookupEvents in ${safeLine(region, 40)}`, search};
}

function progressLine(where: string, requests: number, found: number, skipped: number): string {
  const unread = skipped ? `, ${skipped} without a readable record skipped` : '';
  return `${where}: ${found} events in ${requests} ${requests === 1 ? 'request' : 'requests'}${unread}`;
}
