// The session journal's format: one JSON object per line, appended as things happen, never
// rewritten. Every line has v (format version), at (UTC, milliseconds: 2026-11-25T12:00:00.123Z),
// session (the session ID) and type. A session file starts with session-start and, when the
// session ended cleanly, finishes with session-end; a file without session-end is unfinished
// (quit without saving is not a thing: everything is already on disk) and can be resumed.
// README "The session journal" documents these fields; the report is built from them alone.
// Lines added later (findings, now, debrief) are optional for every reader: a journal written before
// them is read as it always was, and the report says what it then cannot know.
import type {DryRunResult, ExecuteResult, SentRequest, ExecutorMode} from '../aws/executors/executor.js';
import type {JsonObject} from '../events/record.js';
import type {NowLine} from '../engine/now-line.js';
import type {Finding} from '../findings/finding.js';
import type {Track} from '../runbooks/tracks.js';

export const journalVersion = 1;

interface Base {
  readonly v: typeof journalVersion;
  readonly at: string;
  readonly session: string;
}

export interface SessionStart extends Base {
  readonly type: 'session-start';
  /** The event as it was opened (the whole record: resume and the report need nothing else). */
  readonly event: {readonly eventID?: string | undefined; readonly eventName: string; readonly eventTime?: string | undefined; readonly digest: string; readonly record: JsonObject};
  readonly runbook: {readonly eventName: string; readonly version: string} | null;
  readonly mode: ExecutorMode;
  /** The AWS account and principal when connected (or the sandbox's account). */
  readonly account?: string | undefined;
  readonly principal?: string | undefined;
  /** Who ran trailguide: the OS user and host. */
  readonly operator: string;
  /** The training scenario, when the event is one, and the --seed it ran with. */
  readonly scenario?: string | undefined;
  readonly seed?: string | undefined;
  readonly trailguide: string;
}

/** The operator chose (or changed) the track. */
export interface TrackChosen extends Base {
  readonly type: 'track';
  readonly track: Track;
}

export interface StepEntry extends Base {
  readonly type: 'step';
  readonly stepId: string;
  /** shown: the step came on screen; done / skipped: marked; pending: the mark was taken back. */
  readonly status: 'shown' | 'done' | 'skipped' | 'pending';
}

export interface DryRunEntry extends Base {
  readonly type: 'dry-run';
  readonly stepId: string;
  readonly result: DryRunResult;
}

/** A call carried out for real (sandbox, or an AWS account with --allow-execute), before and after. */
export interface ExecuteStartEntry extends Base {
  readonly type: 'execute-start';
  readonly stepId: string;
  readonly request: SentRequest;
}

export interface ExecuteEntry extends Base {
  readonly type: 'execute';
  readonly stepId: string;
  readonly request: SentRequest;
  readonly result: ExecuteResult;
}

/** The read-only call run after an execution, and whether it shows the intended state. */
export interface VerifyEntry extends Base {
  readonly type: 'verify';
  readonly stepId: string;
  readonly request: SentRequest;
  readonly reached: boolean | null;
  readonly summary: string;
}

export interface NoteEntry extends Base {
  readonly type: 'note';
  readonly stepId: string;
  readonly text: string;
}

/** A value the operator typed for a parameter the event does not know. */
export interface AnswerEntry extends Base {
  readonly type: 'answer';
  readonly name: string;
  readonly value: string;
}

/** A finding as the event screen showed it: raised by the event alone or only with the account's state, open or resolved. */
export interface SeenFinding extends Finding {
  readonly source: 'event' | 'state';
  readonly resolved: boolean;
}

/**
 * The findings as the event screen shows them, written whenever they change (the walkthrough began,
 * the Now panel read the account, an execution resolved one). The last one is the findings as last seen.
 */
export interface FindingsEntry extends Base {
  readonly type: 'findings';
  readonly findings: readonly SeenFinding[];
}

/**
 * The Now panel's answer, written whenever it changes: the event's resources as the account showed
 * them (done: the read-only operation and its lines), or why it could not be read (failed: message).
 */
export interface NowEntry extends Base {
  readonly type: 'now';
  readonly status: 'done' | 'failed';
  readonly operation?: string | undefined;
  readonly lines: readonly NowLine[];
  readonly message?: string | undefined;
}

/**
 * Training in the sandbox: the debrief as the summary shows it, written on reaching the summary, on
 * writing the report and on quitting (the last one stands). timeTakenMs is absent until the summary
 * was reached; an objective's status is the debrief's word for it (met, open…).
 */
export interface DebriefEntry extends Base {
  readonly type: 'debrief';
  readonly objectives: readonly {readonly text: string; readonly status: string}[];
  readonly findingsResolved: number;
  readonly findingsTotal: number;
  /** Executions that succeeded: a failed one changed nothing. */
  readonly changes: number;
  readonly mistakes: readonly string[];
  /** The findings the scenario needs resolved that still are not (empty: contained). */
  readonly stillOpen: readonly string[];
  readonly timeTakenMs?: number | undefined;
  readonly seed?: string | undefined;
}

export interface SessionEnd extends Base {
  readonly type: 'session-end';
  /** summary: the operator reached the end; quit: they left before it. */
  readonly reason: 'summary' | 'quit';
}

export type JournalEntry =
  | SessionStart | TrackChosen | StepEntry | DryRunEntry | ExecuteStartEntry | ExecuteEntry | VerifyEntry | NoteEntry | AnswerEntry
  | FindingsEntry | NowEntry | DebriefEntry | SessionEnd;

/** An entry before the journal stamps it (v, at, session). */
export type Unstamped<T extends JournalEntry = JournalEntry> = T extends JournalEntry ? Omit<T, 'v' | 'at' | 'session'> : never;
