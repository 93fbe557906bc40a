// The session journal's format: one JSON object per line, appended as things happen, never
// rewritten. Every line has v (format version), at (UTC, milliseconds: 2026-11-25T12:00:00.123Z),
// session (the session ID) and type. A session file starts with session-start and, when the
// session ended cleanly, finishes with session-end; a file without session-end is unfinished
// (quit without saving is not a thing: everything is already on disk) and can be resumed.
// README "The session journal" documents these fields; the report is built from them alone.
import type {DryRunResult, ExecuteResult, SentRequest, ExecutorMode} from '../aws/executors/executor.js';
import type {JsonObject} from '../events/record.js';
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

export interface SessionEnd extends Base {
  readonly type: 'session-end';
  /** summary: the operator reached the end; quit: they left before it. */
  readonly reason: 'summary' | 'quit';
}

export type JournalEntry = SessionStart | TrackChosen | StepEntry | DryRunEntry | ExecuteStartEntry | ExecuteEntry | VerifyEntry | NoteEntry | AnswerEntry | SessionEnd;

/** An entry before the journal stamps it (v, at, session). */
export type Unstamped<T extends JournalEntry = JournalEntry> = T extends JournalEntry ? Omit<T, 'v' | 'at' | 'session'> : never;
