// One LookupEvents listing, page by page (stack-notes §6.1): the query's parameters sent again with
// each NextToken, every request through the shared rate limiter and the caller's AbortSignal, a page
// handed over as soon as it is read. The caller decides when to ask for the next page, so a search
// that reads two listings at once (an actor's access key and user name) can choose which goes next.
// SDK errors (AbortError included) propagate unchanged: classifying them is the caller's job.
import {LookupEventsCommand, type Event, type LookupAttributeKey, type LookupEventsCommandInput, type LookupEventsCommandOutput} from '@aws-sdk/client-cloudtrail';
import type {RateLimiter} from './rate-limiter.js';

/** The one call used here; CloudTrailClient fits, and tests may pass anything that does. */
export interface LookupEventsClient {
  send(command: LookupEventsCommand, options?: {abortSignal?: AbortSignal}): Promise<LookupEventsCommandOutput>;
}

/** What one listing asks for. LookupEvents takes at most one attribute a request. */
export interface LookupQuery {
  readonly attribute?: {readonly key: LookupAttributeKey; readonly value: string} | undefined;
  readonly since?: Date | undefined;
  readonly until?: Date | undefined;
  /** 1–50; absent: CloudTrail's default (50). */
  readonly maxResults?: number | undefined;
}

export interface PagingOptions {
  readonly signal?: AbortSignal | undefined;
  readonly limiter?: RateLimiter | undefined;
  /** Pages read at most (default: until the listing ends). */
  readonly maxPages?: number | undefined;
}

export interface LookupPage {
  readonly events: readonly Event[];
  /** 1 for the first page: the requests this listing has sent. */
  readonly page: number;
  /**
   * more: another page follows if asked for; done: the listing ended; repeated: CloudTrail sent a
   * NextToken it had sent before (paging stops: it would go round forever); cut: maxPages was reached
   * while CloudTrail still offered more.
   */
  readonly next: 'more' | 'done' | 'repeated' | 'cut';
}

/** The request of a query, without a NextToken: what each page of the listing sends again. */
export function lookupInput(query: LookupQuery): LookupEventsCommandInput {
  return {
    ...(query.attribute === undefined ? {} : {LookupAttributes: [{AttributeKey: query.attribute.key, AttributeValue: query.attribute.value}]}),
    ...(query.since === undefined ? {} : {StartTime: query.since}),
    ...(query.until === undefined ? {} : {EndTime: query.until}),
    ...(query.maxResults === undefined ? {} : {MaxResults: query.maxResults}),
  };
}

/**
 * The pages of one listing. Nothing is sent until the first page is asked for, and each further page
 * costs one request only when asked for: stop iterating and no more requests go out.
 */
export async function* lookupPages(client: LookupEventsClient, query: LookupQuery, options: PagingOptions = {}): AsyncGenerator<LookupPage, void, undefined> {
  const {signal, limiter, maxPages = Infinity} = options;
  const pages = new Pager(lookupInput(query));
  for (let page = 1; ; page++) {
    const output = await sendLookup(client, pages.input(), signal, limiter);
    const next = pages.next(output);
    const cut = next === 'more' && page >= maxPages;
    yield {events: output.Events ?? [], page, next: cut ? 'cut' : next};
    if (next !== 'more' || cut) return;
  }
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

/** One request: the signal checked before and after waiting for the limiter, so an abort sends nothing more. */
async function sendLookup(client: LookupEventsClient, input: LookupEventsCommandInput, signal?: AbortSignal, limiter?: RateLimiter): Promise<LookupEventsCommandOutput> {
  signal?.throwIfAborted();
  await limiter?.take(signal);
  signal?.throwIfAborted();
  return client.send(new LookupEventsCommand(input), signal === undefined ? undefined : {abortSignal: signal});
}

export type ReadLookupRecord = {readonly ok: true; readonly record: unknown; readonly eventId?: string; readonly eventTime?: string} | {readonly ok: false};

/** An event's CloudTrailEvent string parsed; only a JSON object counts as a record. */
export function readLookupRecord(event: Event): ReadLookupRecord {
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

/** Milliseconds since the epoch; events without a readable time get -Infinity (they sort last). */
export function lookupTimeOf(time: Date | string | undefined): number {
  const ms = time instanceof Date ? time.getTime() : typeof time === 'string' ? Date.parse(time) : Number.NaN;
  return Number.isNaN(ms) ? -Infinity : ms;
}
