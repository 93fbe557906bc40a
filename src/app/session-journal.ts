// The journal controller: one session file per walkthrough of an event. It opens the file when the
// walkthrough begins (session-start with the event, runbook, mode, account and operator), writes
// every later transition's lines, and reopens a resumed session's file to go on appending to it.
// A failure to write (disk full, no permission) is reported once and the app goes on without a
// journal: losing the record must never stop the incident response.
import {mkdir, writeFile} from 'node:fs/promises';
import {dirname, join} from 'node:path';
import type {ExecutorMode} from '../aws/executors/executor.js';
import type {CloudTrailRecord} from '../events/record.js';
import {eventDigest} from '../journal/digest.js';
import type {Unstamped} from '../journal/entry.js';
import {journalEntries} from '../journal/from-state.js';
import {seenEntries} from '../journal/seen.js';
import {readJournalFile} from '../journal/reader.js';
import {replay} from '../journal/replay.js';
import {reopenJournal} from '../journal/reopen.js';
import {randomSuffix} from '../journal/session-id.js';
import {listSessions} from '../journal/sessions.js';
import {openNewJournal, type Journal} from '../journal/writer.js';
import {currentStep} from '../walkthrough/selectors.js';
import type {ResumeOffer, State} from '../walkthrough/state.js';
import type {RunbookSet} from '../runbooks/runbook-set.js';
import type {JournalService} from './services.js';
import {version} from '../version.js';

export interface SessionJournalOptions {
  readonly dir: string;
  readonly clock: () => Date;
  /** Who runs trailguide (user@host). */
  readonly operator: string;
  /** Called once if the journal cannot be written (the app shows it). */
  readonly onError: (message: string) => void;
  /** trailguide resume: this session file is offered (and resumed at once) instead of the latest unfinished one. */
  readonly resume?: string | undefined;
  /** Users' runbooks (--runbooks), for the report of a session walked with one; default: the built-ins. */
  readonly runbooks?: (() => Promise<RunbookSet>) | undefined;
}

function modeOf(state: State): ExecutorMode {
  return state.connection.kind === 'sandbox' ? 'sandbox' : state.connection.kind === 'connected' ? 'aws' : 'plan';
}

function sessionStart(state: State, operator: string): Unstamped {
  const incident = state.incident;
  if (!incident) throw new Error('no event is open');
  const {record} = incident;
  const connected = state.connection.kind === 'connected' ? state.connection : undefined;
  const scenario = state.candidates.find((c) => c.record === record)?.scenario;
  return {
    type: 'session-start',
    event: {eventID: record.eventID, eventName: record.eventName, eventTime: record.eventTime, digest: eventDigest(record.raw), record: record.raw},
    runbook: incident.runbook ? {eventName: incident.record.eventName, version: String(incident.runbook.version)} : null,
    mode: modeOf(state),
    account: connected?.account ?? (state.connection.kind === 'sandbox' ? record.recipientAccountId : undefined),
    principal: connected?.principal,
    operator,
    scenario: scenario?.id,
    seed: scenario?.seed,
    trailguide: version,
  };
}

/** A session this run wrote (or went on writing, after resume). */
export interface SavedSession {
  readonly sessionId: string;
  /** It reached the summary (session-end); otherwise it can be resumed. */
  readonly isEnded: boolean;
  /** The incident report written for it this run (w on the summary), if any. */
  readonly reportPath?: string | undefined;
}

/** The journal service, plus what it wrote this run (said on exit). */
export interface SessionJournal extends JournalService {
  /** The sessions written this run, in the order they were opened; none once writing failed (the error says why). */
  saved(): readonly SavedSession[];
}

export function createSessionJournal(options: SessionJournalOptions): SessionJournal {
  let open: {record: CloudTrailRecord; journal: Journal; ended: boolean} | null = null;
  let failed = false;
  const saved = new Map<string, SavedSession>();
  const remember = (journal: Journal, change: Partial<SavedSession> = {}) => {
    const known = saved.get(journal.sessionId) ?? {sessionId: journal.sessionId, isEnded: false};
    saved.delete(journal.sessionId);
    saved.set(journal.sessionId, {...known, ...change});
  };

  function write(before: State, after: State): void {
    const incident = after.incident;
    if (!incident || !after.progress) return;
    if (after.resumedFrom !== null && after.resumedFrom !== before.resumedFrom) {
      // Resumed: everything up to here is already in that file; go on appending to it.
      open?.journal.close();
      open = {record: incident.record, journal: reopenJournal(after.resumedFrom, options.clock), ended: false};
      remember(open.journal);
      const step = currentStep(after);
      if (step) open.journal.append({type: 'step', stepId: step.id, status: 'shown'});
      // What the screen shows now (the account may have changed since the stop).
      for (const entry of seenEntries(before, after, true)) open.journal.append(entry);
      return;
    }
    if (open?.record !== incident.record) {
      open?.journal.close();
      open = {record: incident.record, journal: openNewJournal(options.dir, incident.record.eventID, options.clock, randomSuffix), ended: false};
      open.journal.append(sessionStart(after, options.operator));
      remember(open.journal);
    }
    for (const entry of journalEntries(before, after)) {
      if (entry.type === 'session-end') {
        if (open.ended) continue;
        open.ended = true;
        remember(open.journal, {isEnded: true});
      }
      open.journal.append(entry);
    }
  }

  return {
    record(before, after) {
      if (failed) return;
      try {
        write(before, after);
      } catch (error) {
        failed = true;
        options.onError(`the session journal could not be written (${error instanceof Error ? error.message : String(error)}); going on without it`);
      }
    },
    async report() {
      if (!open) throw new Error('no session yet: start the walkthrough first');
      // This session's, even if another event is opened while the report is written.
      const {journal} = open;
      const {sessionReport} = await import('../report/session-report.js');
      const {text} = await sessionReport(journal.path, {format: 'md', redact: false, generatedAt: options.clock(), runbooks: await options.runbooks?.()});
      const reports = join(dirname(options.dir), 'reports');
      await mkdir(reports, {recursive: true, mode: 0o700});
      const path = join(reports, `${journal.sessionId}.md`);
      await writeFile(path, text, {mode: 0o600});
      remember(journal, {reportPath: path});
      return path;
    },
    saved: () => (failed ? [] : [...saved.values()]),
    unfinished(record) {
      try {
        const digest = eventDigest(record.raw);
        const {sessions} = listSessions(options.dir);
        const ofEvent = sessions.filter((s) => s.digest === digest);
        const wanted = options.resume === undefined ? undefined : ofEvent.find((s) => s.path === options.resume);
        // Else the most recent unfinished one (the list is newest first).
        const found = wanted ?? ofEvent.find((s) => !s.ended);
        if (!found) return Promise.resolve(null);
        const replayed = replay(readJournalFile(found.path).entries);
        if (replayed.track === null) return Promise.resolve(null);
        const offer: ResumeOffer = {...replayed, track: replayed.track, sessionId: found.id, path: found.path, lastAt: found.lastAt, isRequested: found === wanted};
        return Promise.resolve(offer);
      } catch {
        return Promise.resolve(null);
      }
    },
  };
}
