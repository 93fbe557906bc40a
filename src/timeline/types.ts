// The actor's timeline: who an event's caller is, what to search for, and the one interface every
// search engine sits behind (the input files, CloudTrail LookupEvents, CloudTrail Lake, Athena).
// Pure types: the walkthrough and the screens use them; only src/timeline/engines/ reaches AWS or files.
import type {CloudTrailRecord} from '../events/record.js';

/** The identity behind an event, as far as its record tells: what a timeline searches by. */
export interface Actor {
  /** userIdentity.type as written (IAMUser, AssumedRole, Root, FederatedUser, AWSService, …). */
  readonly type: string;
  /** The access key used (AKIA… long-term, ASIA… a session): the strongest handle. */
  readonly accessKeyId?: string | undefined;
  /** userIdentity.arn: the user, the role session (assumed-role/Role/session) or root. */
  readonly arn?: string | undefined;
  readonly principalId?: string | undefined;
  /** The IAM user's name (IAMUser), or the role's name for a role session (sessionIssuer.userName). */
  readonly userName?: string | undefined;
  /** A role session's name (the last part of an assumed-role ARN): an instance ID for EC2 instance credentials. */
  readonly sessionName?: string | undefined;
  readonly accountId?: string | undefined;
  /** One line for the screen, e.g. "IAMUser alice (AKIA…)"; built from attacker-controlled values: show it through safeLine. */
  readonly label: string;
}

/** The actor of a record, or one sentence saying why no timeline can be built (no identity at all). */
export type ActorResult = {readonly ok: true; readonly actor: Actor} | {readonly ok: false; readonly reason: string};

/** What to search: an actor's events in a time window, or (triage --lake/--athena) events by name. */
export interface TimelineFilter {
  /** Events of this actor: same access key, or same principal ARN (user or session). */
  readonly actor?: Actor | undefined;
  /** Inclusive. */
  readonly since: Date;
  /** Exclusive; default now. */
  readonly until?: Date | undefined;
  /** Only these event names (empty or absent: any). */
  readonly names?: readonly string[] | undefined;
  /** Only these Regions (empty or absent: any; LookupEvents reads one Region whatever this says). */
  readonly regions?: readonly string[] | undefined;
  /** Case-insensitive substring of the caller (triage --actor), for engines that can. */
  readonly actorText?: string | undefined;
  readonly account?: string | undefined;
  /** At most this many rows in all. */
  readonly limit: number;
}

/** One event on the timeline: enough to list, sort and filter it, and its record to open it. */
export interface TimelineRow {
  /** ISO time (eventTime). */
  readonly time: string;
  readonly eventName: string;
  readonly eventSource: string;
  readonly region?: string | undefined;
  readonly sourceIp?: string | undefined;
  readonly errorCode?: string | undefined;
  readonly eventId?: string | undefined;
  /** The record, whole as the engine could rebuild it: opening the row opens this. */
  readonly record: CloudTrailRecord;
  /** Where it came from: "trail.json.gz #12", "LookupEvents", "CloudTrail Lake", "Athena". */
  readonly origin: string;
}

/** Rows as they arrive: engines yield each page as soon as it is read, so the first rows show while a query runs. */
export interface TimelinePage {
  readonly rows: readonly TimelineRow[];
  /** Progress for the status line, e.g. "query running, 3.2 MB scanned". */
  readonly progress?: string | undefined;
}

export type TimelineEngineKind = 'files' | 'lookup' | 'lake' | 'athena';

/** Why an engine stopped, in one line (exit 6 in the CLI; the status line in the TUI). */
export type TimelineFailure = 'permission' | 'not-found' | 'failed' | 'timeout' | 'throttled' | 'cancelled' | 'credentials' | 'network' | 'bad-input';

export class TimelineError extends Error {
  override readonly name = 'TimelineError';

  /** @param reason one short sentence, lower-case, no final period, safe to print (already escaped) */
  constructor(readonly kind: TimelineFailure, readonly reason: string) {
    super(reason);
  }
}

export interface TimelineEngine {
  readonly kind: TimelineEngineKind;
  /** For the screen: "the input files", "CloudTrail LookupEvents in eu-west-1", "CloudTrail Lake eds-…", "Athena db.table". */
  readonly label: string;
  /**
   * The matching events, page by page as they are read. Ends when the search is done or `limit` rows
   * were yielded. Throws a TimelineError with the reason. When `signal` aborts, a running query is
   * cancelled at the source (CloudTrail Lake CancelQuery, Athena StopQueryExecution) before the
   * iterator ends with a TimelineError of kind 'cancelled'.
   */
  search(filter: TimelineFilter, signal: AbortSignal): AsyncIterable<TimelinePage>;
}
