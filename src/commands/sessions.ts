// `trailguide sessions` and `trailguide resume [ID]`: the journaled sessions, and the one to reopen
// with the event it was about (a training scenario comes back with its sandbox and seed).
import {parseRecord} from '../events/parse-record.js';
import {readJournalFile} from '../journal/reader.js';
import {listSessions, sessionById, type SessionSummary} from '../journal/sessions.js';
import {UsageError} from '../exit-codes.js';
import {scenarioCandidates, type Loaded, type ScenarioOptions} from './load-candidates.js';
import {inertJson} from '../text/inert-json.js';
import {sessionTable} from './session-table.js';

export function sessionsText(dir: string, format: 'md' | 'json'): {text: string; warnings: readonly string[]} {
  const {sessions, warnings: skipped} = listSessions(dir);
  // A torn or unreadable line inside a session is said too, naming the file and the line.
  const warnings = [...skipped, ...sessions.flatMap((s) => s.warnings)];
  if (format === 'json') return {text: `${inertJson(sessions.map(({warnings: _w, ...s}) => s))}\n`, warnings};
  if (sessions.length === 0) return {text: `No sessions in ${dir}.\n`, warnings};
  return {text: `${sessionTable(sessions)}\nResume one with: trailguide resume ID (a unique start of the ID is enough).\nSessions live in ${dir}.\n`, warnings};
}

/** The session to resume: the one named, or the most recent one that did not reach its end. */
export function sessionToResume(dir: string, id: string | undefined): SessionSummary {
  if (id !== undefined) {
    try {
      return sessionById(dir, id);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  }
  const open = listSessions(dir).sessions.find((s) => !s.ended);
  if (!open) throw new UsageError(`no unfinished session in ${dir} (list them with: trailguide sessions)`);
  return open;
}

/** What to open for a session: its own record (the scenario's candidate when it was training). */
export function sessionCandidates(session: SessionSummary, training: ScenarioOptions): Loaded {
  const start = readJournalFile(session.path).entries[0];
  if (start?.type !== 'session-start') throw new UsageError(`${session.path}: does not begin with session-start; cannot resume it`);
  if (start.scenario !== undefined) {
    const loaded = scenarioCandidates({...training, seed: start.seed});
    const candidate = loaded.candidates.find((c) => c.id === start.scenario);
    if (!candidate) throw new UsageError(`session ${session.id} is about the scenario ${start.scenario}, which is not loaded (give its --scenarios DIR)`);
    return {...loaded, candidates: [candidate]};
  }
  const record = parseRecord(start.event.record, session.path, 'session-start.event.record');
  return {candidates: [{id: '0', record}], source: `session ${session.id}`, warnings: []};
}
