// Everything with an effect the app needs, in one object made by cli.tsx (tests pass fakes).
import type {ConnectionStatus} from '../aws/connection-status.js';
import type {Executor} from '../aws/executors/executor.js';
import type {CloudTrailRecord} from '../events/record.js';
import type {FindingsConfig} from '../findings/finding.js';
import type {RunbookCatalog} from '../runbooks/catalog.js';
import type {RunbookLoad} from '../walkthrough/open-incident.js';
import type {Candidate, FeedStatus, ResumeOffer, State} from '../walkthrough/state.js';
import type {TimelineEngine} from '../timeline/types.js';

export interface RunbookSource {
  /** The runbook for an event (by its source too when given: a user's runbook may answer another service's event). */
  load(eventName: string, eventSource?: string): Promise<RunbookLoad>;
  /** With users' runbooks (--runbooks): the events they answer, once their directories are read. Absent: the built-ins alone. */
  readonly catalog?: (() => Promise<RunbookCatalog>) | undefined;
}

export interface Clipboard {
  /** Put text on the operator's clipboard (OSC 52 in a terminal: works over SSH). */
  copy(text: string): Promise<void>;
}

/** The session journal: every transition written (and flushed) before it is drawn, and unfinished sessions found. */
export interface JournalService {
  /** Write what the transition adds to the journal; synchronous on purpose (the line is on disk before the UI moves on). */
  record(before: State, after: State): void;
  /** The most recent unfinished session of this event, ready to resume. */
  unfinished(record: CloudTrailRecord): Promise<ResumeOffer | null>;
  /** Write the current session's incident report (Markdown) next to the journal; resolves to its path. */
  report(): Promise<string>;
}

/** A list of events that fills while the operator looks at it (the scan of `trailguide triage`). */
export interface CandidateFeed {
  /** The candidates so far, best first, and the feed's progress. */
  snapshot(): {readonly candidates: readonly Candidate[]; readonly feed: FeedStatus};
  /** Called after every change; returns the unsubscribe. */
  subscribe(listener: () => void): () => void;
  stop(): void;
}

export interface Services {
  readonly executor: Executor;
  readonly clipboard: Clipboard;
  readonly clock: () => Date;
  readonly runbooks: RunbookSource;
  /** Decode an UnauthorizedOperation's message (sts:DecodeAuthorizationMessage); absent in plan mode. */
  readonly decode?: ((encodedMessage: string) => Promise<string>) | undefined;
  /** Known accounts, sensitive VPCs, allowlists for the findings. */
  readonly findingsConfig?: FindingsConfig | undefined;
  /** Why there is no connection in plan mode (status line), e.g. "--offline". */
  readonly planReason?: string | undefined;
  /** The training sandbox: the executor of the scenario a record belongs to (its own simulated account). */
  readonly sandboxFor?: ((record: CloudTrailRecord) => Executor) | undefined;
  /** --allow-execute (or TRAILGUIDE_ALLOW_EXECUTE=1): real calls on an AWS account, behind the gates. */
  readonly allowExecute?: boolean | undefined;
  /** The session journal; absent in tests that do not look at it. */
  readonly journal?: JournalService | undefined;
  /** The picker's list fills from this (triage); absent when the list is known from the start. */
  readonly feed?: CandidateFeed | undefined;
  /** Resolves the AWS connection once; absent in plan mode. */
  readonly connection?: (() => Promise<ConnectionStatus>) | undefined;
  /**
   * The actor's timeline (t): the engines that search this event's actor, given the events the app
   * holds. Absent: the timeline says no engine is set up. src/app/timeline-engines.ts makes the default.
   */
  readonly timelineEngines?: ((record: CloudTrailRecord, candidates: readonly Candidate[]) => readonly TimelineEngine[]) | undefined;
}
