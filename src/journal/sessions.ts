// The sessions on disk, summarised for the session list and for resume. Reads every journal in the
// directory; a file that is not a trailguide journal is skipped with a warning, never an error.
import {readdirSync} from 'node:fs';
import {join} from 'node:path';
import type {ExecutorMode} from '../aws/executors/executor.js';
import type {Track} from '../runbooks/tracks.js';
import type {JournalEntry} from './entry.js';
import {readJournalFile} from './reader.js';
import {replay} from './replay.js';
import {journalSuffix} from './state-dir.js';
import {safeLine} from '../text/safe-text.js';

export interface SessionSummary {
  readonly id: string;
  readonly path: string;
  readonly startedAt: string;
  /** The time of the last line. */
  readonly lastAt: string;
  readonly eventName: string;
  readonly eventID?: string | undefined;
  readonly digest: string;
  readonly scenario?: string | undefined;
  readonly mode: ExecutorMode;
  readonly track?: Track | undefined;
  /** The journal has a session-end line; one without it can be resumed. */
  readonly ended: boolean;
  readonly stepsDone: number;
  readonly stepsSkipped: number;
  /** Dry-run lines (every dry-run run, repeats included). */
  readonly dryRuns: number;
  /** Real calls whose outcome was recorded. */
  readonly executions: number;
  /** Of those, the ones that failed (nothing changed). */
  readonly failedExecutions: number;
  /**
   * Nothing was done: no step marked, no dry-run, note, typed value or call carried out (the track
   * was chosen and steps looked at, at most). `trailguide report` passes over such sessions.
   */
  readonly isEmpty: boolean;
  /** What the reader skipped in this file. */
  readonly warnings: readonly string[];
}

export interface SessionList {
  /** Newest first. */
  readonly sessions: readonly SessionSummary[];
  /** Files that were skipped, and why. */
  readonly warnings: readonly string[];
}

/** Every session in `dir`, newest first. A directory that does not exist holds no sessions. */
export function listSessions(dir: string): SessionList {
  let names: string[];
  try {
    names = readdirSync(dir, {withFileTypes: true})
      .filter((entry) => entry.isFile() && entry.name.endsWith(journalSuffix))
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {sessions: [], warnings: []};
    return {sessions: [], warnings: [`${dir}: cannot list the sessions (${(error as Error).message})`]};
  }
  const sessions: SessionSummary[] = [];
  const warnings: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const summary = summarise(path);
    if (typeof summary === 'string') warnings.push(summary);
    else sessions.push(summary);
  }
  sessions.sort((a, b) => compare(b.startedAt, a.startedAt) || compare(b.id, a.id));
  return {sessions, warnings};
}

/** The most recent session for this event (by digest) that has no session-end. */
export function findUnfinished(dir: string, digest: string): SessionSummary | undefined {
  return listSessions(dir).sessions.find((session) => !session.ended && session.digest === digest);
}

/**
 * The session a report is wanted for: the newest one that did something, with the newer empty ones
 * it passed over; the newest of all when none did anything (its report still says what was opened).
 */
export function latestWorkedSession(dir: string): {readonly session: SessionSummary | undefined; readonly skipped: readonly SessionSummary[]} {
  const {sessions} = listSessions(dir);
  const index = sessions.findIndex((session) => !session.isEmpty);
  return index === -1 ? {session: sessions[0], skipped: []} : {session: sessions[index], skipped: sessions.slice(0, index)};
}

const work: ReadonlySet<JournalEntry['type']> = new Set(['dry-run', 'note', 'answer', 'execute-start', 'execute']);

/** The session with this ID, or the only one whose ID starts with it; throws when none or several match. */
export function sessionById(dir: string, idOrPrefix: string): SessionSummary {
  if (idOrPrefix === '') throw new Error('no session ID given');
  const {sessions} = listSessions(dir);
  const exact = sessions.filter((session) => session.id === idOrPrefix);
  const matches = exact.length > 0 ? exact : sessions.filter((session) => session.id.startsWith(idOrPrefix));
  const [only, ...others] = matches;
  if (only === undefined) throw new Error(`no session ${JSON.stringify(idOrPrefix)} in ${dir}`);
  if (others.length > 0) {
    const candidates = matches.map((session) => `  ${session.id}  ${safeLine(session.eventName)}  ${session.startedAt}  ${session.path}`);
    throw new Error(`${JSON.stringify(idOrPrefix)} matches ${matches.length} sessions in ${dir}; give more of the ID:\n${candidates.join('\n')}`);
  }
  return only;
}

/** A summary, or a warning saying why the file is not one. */
function summarise(path: string): SessionSummary | string {
  let read;
  try {
    read = readJournalFile(path);
  } catch (error) {
    return `${path}: cannot be read (${(error as Error).message}); skipped`;
  }
  const {entries, warnings} = read;
  const [first] = entries;
  const last = entries.at(-1);
  if (first === undefined || last === undefined) {
    return warnings.length === 0 ? `${path}: empty (the session stopped before its first line); skipped` : `${path}: no journal lines (not a trailguide session); skipped`;
  }
  if (first.type !== 'session-start') return `${path}: does not start with session-start (not a trailguide session); skipped`;
  const progress = replay(entries);
  const marks = Object.values(progress.statuses);
  return {
    id: first.session,
    path,
    startedAt: first.at,
    lastAt: last.at,
    eventName: first.event.eventName,
    eventID: first.event.eventID,
    digest: first.event.digest,
    scenario: first.scenario,
    mode: first.mode,
    track: progress.track ?? undefined,
    ended: progress.ended,
    stepsDone: marks.filter((mark) => mark === 'done').length,
    stepsSkipped: marks.filter((mark) => mark === 'skipped').length,
    dryRuns: entries.filter((entry) => entry.type === 'dry-run').length,
    executions: entries.filter((entry) => entry.type === 'execute').length,
    failedExecutions: entries.filter((entry) => entry.type === 'execute' && !entry.result.ok).length,
    isEmpty: marks.length === 0 && !entries.some((entry) => work.has(entry.type)),
    warnings,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
