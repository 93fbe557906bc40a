// The whole app state: one value, changed only by the reducer.
import type {Action} from '../aws/action.js';
import type {ConnectionStatus} from '../aws/connection-status.js';
import type {DryRunResult, ExecuteResult, SentRequest} from '../aws/executors/executor.js';
import type {CloudTrailRecord, Fact} from '../events/record.js';
import type {AccountSnapshot} from '../aws/account-snapshot.js';
import type {NowLine} from '../engine/now-line.js';
import type {Finding, FindingsConfig} from '../findings/finding.js';
import type {Runbook, Track} from '../runbooks/schema.js';
import type {RunbookCatalog} from '../runbooks/catalog.js';
import type {Scenario} from '../scenarios/scenario.js';
import type {Evaluate} from '../runbooks/expression.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import type {VerifySpec} from '../engine/specs.js';
import type {Actor, TimelineFailure, TimelineFilter, TimelineRow} from '../timeline/types.js';

/** timeline: the actor's other events (t); timeline-event: one of them opened from there. */
export type Screen = 'picker' | 'event' | 'track' | 'step' | 'summary' | 'timeline' | 'timeline-event';
export type Overlay = 'help' | 'note' | 'input' | 'pick' | 'confirm-quit' | 'confirm-execute' | 'timeline-filter';
export type Mode = Screen | Overlay;
export type StepStatus = 'pending' | 'done' | 'skipped';
export type SdkLanguage = 'python' | 'javascript';

/** One event the operator can open: a training scenario or one record of a file. */
export interface Candidate {
  readonly id: string;
  readonly title?: string | undefined;
  readonly summary?: string | undefined;
  /** Training scenarios: risky, benign, failed or hostile (the debrief counts changes to a benign one). */
  readonly kind?: string | undefined;
  /** A short word in front of the row, e.g. triage's highest severity (HIGH); at most 8 characters. */
  readonly badge?: string | undefined;
  readonly record: CloudTrailRecord;
  /** The training scenario this event comes from (objectives, the sandbox's starting account). */
  readonly scenario?: Scenario | undefined;
}

/** A list that fills while the operator looks at it (triage of log folders): what it says about itself. */
export interface FeedStatus {
  /** The picker's title: progress while it runs, the count once done. */
  readonly title: string;
  /** Shown in place of the list while it is empty. */
  readonly emptyText: string;
  readonly isRunning: boolean;
}

export interface Incident {
  readonly record: CloudTrailRecord;
  readonly facts: readonly Fact[];
  /** null: no runbook for this event (the context is still shown), or not loaded yet. */
  readonly runbook: Runbook | null;
  /** The runbook is being loaded. */
  readonly isLoading: boolean;
  /** Set when the built-in runbook failed to load (a broken runbook fails loudly). */
  readonly runbookError?: string | undefined;
  /** The runbook's expression language, loaded with it (pick lists of values a read listed). */
  readonly evaluate?: Evaluate | undefined;
  /** The runbook's declarations (facts, state reads, Now lines, findings), ready to evaluate; loaded with it. */
  readonly engine?: RunbookEngine | undefined;
}

/** The Now panel: the event's resources as they are now (read-only calls, in the background). */
export type NowState =
  | {readonly status: 'off'}
  | {readonly status: 'loading'}
  | {readonly status: 'done'; readonly lines: readonly NowLine[]; readonly operation: string; readonly snapshot?: AccountSnapshot | undefined}
  | {readonly status: 'failed'; readonly message: string};

export interface Verification {
  readonly request: SentRequest;
  /** true: the intended state is there; false: it is not; null: the answer cannot tell. */
  readonly reached: boolean | null;
  readonly summary: string;
}

export interface Progress {
  readonly track: Track;
  readonly index: number;
  readonly statuses: Readonly<Record<string, StepStatus>>;
  readonly dryRuns: Readonly<Record<string, DryRunResult>>;
  readonly notes: Readonly<Record<string, string>>;
  /** Values the operator typed for parameters the event does not know. */
  readonly answers: Readonly<Record<string, string>>;
  /** Step whose dry-run is in flight. */
  readonly running: string | null;
  /** Calls carried out for real (training sandbox), by step. */
  readonly executions: Readonly<Record<string, ExecuteResult>>;
  /** When each step's call was last sent for real (ISO): a dry-run covers one execution only. */
  readonly executedAt: Readonly<Record<string, string>>;
  /** Whether a check step had been run when each step's call was last sent for real (the debrief counts a change made before any look); absent after a resume. */
  readonly lookedFirst?: Readonly<Record<string, boolean>> | undefined;
  /** The read-only check run after each execution, and whether it shows the intended state. */
  readonly verifications: Readonly<Record<string, Verification>>;
  /** Decoded authorization messages of denied dry-runs (or why they could not be decoded), by step. */
  readonly decoded: Readonly<Record<string, string>>;
}

/** A parameter's candidates, from a read's answer, as the operator picks among them. */
export interface PickList {
  readonly param: string;
  readonly candidates: readonly PickCandidate[];
  /** Values picked (a list parameter may hold several). */
  readonly picked: readonly string[];
  readonly cursor: number;
  /** Why the list is empty, e.g. which read to run first. */
  readonly empty?: string | undefined;
  /** A line under the header: the value given before that the read does not list (a typo, a rule since removed), or why the read did not answer. */
  readonly note?: string | undefined;
}

export interface PickCandidate {
  readonly value: string;
  readonly label: string;
  readonly isLikely: boolean;
}

/** When the operator opened the event and first reached the summary: epoch ms from the app's clock (services.clock). */
export interface Timing {
  readonly startedAt: number;
  readonly finishedAt: number | null;
}

export type Request =
  | {readonly id: number; readonly kind: 'dry-run'; readonly stepId: string; readonly action: Action; readonly region?: string | undefined; readonly record: CloudTrailRecord}
  | {readonly id: number; readonly kind: 'execute'; readonly stepId: string; readonly action: Action; readonly region?: string | undefined; readonly record: CloudTrailRecord; readonly verify?: VerifySpec | undefined}
  | {readonly id: number; readonly kind: 'copy'; readonly text: string; readonly what: string}
  | {readonly id: number; readonly kind: 'load-runbook'; readonly eventName: string; readonly eventSource: string}
  | {readonly id: number; readonly kind: 'cancel'; readonly stepId: string}
  | {readonly id: number; readonly kind: 'now'; readonly record: CloudTrailRecord; readonly facts: readonly Fact[]; readonly engine: RunbookEngine}
  | {readonly id: number; readonly kind: 'decode'; readonly stepId: string; readonly encodedMessage: string}
  | {readonly id: number; readonly kind: 'find-session'; readonly record: CloudTrailRecord}
  | {readonly id: number; readonly kind: 'report'}
  /** Stop filling the list (the scan of log files): what was found stays. */
  | {readonly id: number; readonly kind: 'stop-feed'}
  /** A resumed training session: carry its recorded executions out again on the fresh sandbox (never on AWS). */
  | {readonly id: number; readonly kind: 'restore-sandbox'; readonly record: CloudTrailRecord; readonly actions: readonly Action[]; readonly region?: string | undefined}
  /** The actor's timeline: run the engines for this event's actor, each page reported as it is read. */
  | {readonly id: number; readonly kind: 'timeline'; readonly record: CloudTrailRecord; readonly filter: TimelineFilter; readonly candidates: readonly Candidate[]}
  /** Stop the timeline search `target` (its engines cancel their queries at the source). */
  | {readonly id: number; readonly kind: 'cancel-timeline'; readonly target: number}
  | {readonly id: number; readonly kind: 'exit'};

/** The progress a journal records for one walk (src/journal/replay.ts rebuilds it): what resume restores. */
export interface RecordedProgress {
  /** The last step shown on screen. */
  readonly stepId: string | null;
  /** Steps marked and not taken back (a `pending` line removes the mark). */
  readonly statuses: Readonly<Record<string, 'done' | 'skipped'>>;
  /** The latest dry-run of each step. */
  readonly dryRuns: Readonly<Record<string, DryRunResult>>;
  /** The latest note of each step. */
  readonly notes: Readonly<Record<string, string>>;
  readonly answers: Readonly<Record<string, string>>;
  /** The latest real call of each step whose outcome is known. */
  readonly executions: Readonly<Record<string, ExecuteResult>>;
  /**
   * Steps whose last real call started (execute-start) and never got its outcome (no execute after it):
   * the process stopped mid-call, so the change may or may not have happened. In the order they started.
   */
  readonly unknownOutcomes: readonly string[];
}

/** An unfinished journaled session of the open event, which the operator can pick up where it stopped. */
export interface ResumeOffer extends RecordedProgress {
  readonly sessionId: string;
  /** The session file (the journal goes on appending to it). */
  readonly path: string;
  readonly lastAt: string;
  readonly track: Track;
  /** The operator asked for this session (trailguide resume): it is resumed as soon as it is found. */
  readonly isRequested?: boolean | undefined;
}

export interface State {
  readonly screen: Screen;
  readonly overlay: Overlay | null;
  readonly candidates: readonly Candidate[];
  /** The list is still filling (triage): its progress; null for a list known from the start. */
  readonly feed: FeedStatus | null;
  readonly pickerIndex: number;
  readonly incident: Incident | null;
  readonly trackIndex: number;
  readonly progress: Progress | null;
  /** Lines scrolled in the current screen's main panel. */
  readonly scroll: number;
  /** First row shown of the current step's read answer (the answer table pages on its own). */
  readonly answerOffset: number;
  /** Text being typed in the note or input overlay. */
  readonly draft: string;
  readonly inputParam: string | null;
  readonly inputError: string | null;
  /** The pick list of the value prompt (a parameter whose candidates a read lists). */
  readonly pick: PickList | null;
  /** One-line message for the status line (a disabled key's reason, "copied", …). */
  readonly status: string | null;
  readonly sdkLanguage: SdkLanguage;
  /** Plan mode, looking for credentials, or connected to an account: the status line says which. */
  readonly connection: ConnectionStatus;
  readonly now: NowState;
  /** Findings the current state raised earlier in this session: one no longer raised shows as resolved. */
  readonly findingsSeen: readonly Finding[];
  /** The operator's known accounts, sensitive VPCs and allowlists (--config, --known-accounts). */
  readonly findingsConfig: FindingsConfig;
  /** Which events have a runbook (the picker says so): the built-ins, and users' (--runbooks) once read. */
  readonly runbookCatalog: RunbookCatalog;
  /** The operator asked to remediate while the runbook was loading: go on once it is there. */
  readonly continueWhenLoaded: boolean;
  /** How long this event's walkthrough took (the training panel and debrief); null before an event is opened. */
  readonly timing: Timing | null;
  /** An unfinished session of the open event (r resumes it), once the journal has been looked at. */
  readonly resumeOffer: ResumeOffer | null;
  /** Every step of the walkthrough is written to the session journal (quitting loses nothing). */
  readonly isJournaled: boolean;
  /** --allow-execute: a mutating call that passed its dry-run may be executed on the AWS account (behind the gates). */
  readonly allowExecute: boolean;
  /** When the last key was pressed (epoch ms, the app's clock; 0 before any): the execute gate's "now". */
  readonly keyAt: number;
  /** The session file this walkthrough continues (after r), or null for a new session. */
  readonly resumedFrom: string | null;
  /** The actor's timeline (t), while it is on screen; the walk underneath stays as it was. */
  readonly timeline: TimelineState | null;
  /** Effects for the app to run (the reducer never runs one). */
  readonly requests: readonly Request[];
  readonly nextRequestId: number;
}

/** Where the timeline goes back to: the screen `t` was pressed on, and how far it was scrolled. */
export interface TimelineOrigin {
  readonly screen: 'event' | 'step';
  readonly scroll: number;
}

/** One engine's part of the search, as the status line tells it. */
export interface EngineProgress {
  readonly label: string;
  readonly state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Rows this engine yielded (before de-duplication). */
  readonly rows: number;
  /** The engine's latest word on its progress ("query running, 3.2 MB scanned"). */
  readonly progress?: string | undefined;
  /** Why it failed: one line, from the engine's TimelineError. */
  readonly reason?: string | undefined;
  readonly failure?: TimelineFailure | undefined;
}

export type TimelineStatus =
  | {readonly kind: 'searching'}
  | {readonly kind: 'done'}
  | {readonly kind: 'failed'; readonly reason: string}
  | {readonly kind: 'cancelled'}
  | {readonly kind: 'cannot-build'; readonly reason: string};

export interface TimelineState {
  readonly origin: TimelineOrigin;
  /** The event whose actor this is (the walk's open event). */
  readonly record: CloudTrailRecord;
  readonly actor: Actor | null;
  readonly status: TimelineStatus;
  /** The running search's request id (pages of any other search are dropped); null once it ended. */
  readonly requestId: number | null;
  /** null until the app says which engines run. */
  readonly engines: readonly EngineProgress[] | null;
  /** Sorted in time, one per event (eventID), at most timelineRowLimit. */
  readonly rows: readonly TimelineRow[];
  /** Rows left out to stay within the bound (the farthest in time from the event). */
  readonly dropped: number;
  /** The selected row's key; null: the current event's row (else the first). */
  readonly selected: string | null;
  /** What the rows are narrowed to (event name, source, Region, IP, error); '' for all. */
  readonly filter: string;
  /** The key of the current event's row. */
  readonly currentKey: string;
  /** A row's event opened from the timeline (its runbook loads); the walk's own incident is untouched. */
  readonly peek: Incident | null;
  /** The load-runbook request of the peeked event. */
  readonly peekRequestId: number | null;
}

export function currentMode(state: State): Mode {
  return state.overlay ?? state.screen;
}
