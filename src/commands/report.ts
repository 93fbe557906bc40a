// `trailguide report`: which session the report is about; the report itself is made in src/report.
import {latestWorkedSession, type SessionSummary} from '../journal/sessions.js';
import {UsageError} from '../exit-codes.js';
import {sessionToResume} from './sessions.js';

export {ReportError} from '../report/model.js';
export {reportText, sessionReport} from '../report/session-report.js';

/**
 * The session `trailguide report [ID]` is about: the one named, else the newest that did something
 * (a session opened and left at once would hide the real one). notice says which was picked when
 * that was not simply the newest.
 */
export function sessionForReport(dir: string, id: string | undefined): {session: SessionSummary; notice?: string} {
  if (id !== undefined) return {session: sessionToResume(dir, id)};
  const {session, skipped} = latestWorkedSession(dir);
  if (!session) throw new UsageError(`no sessions in ${dir} (a session is journaled as soon as you start a walkthrough)`);
  if (session.isEmpty) return {session, notice: `no session did anything yet (no mark, dry-run, note, typed value or execution): this is the report of the newest, ${session.id}`};
  if (!skipped.length) return {session};
  const passed = skipped.length === 1 ? `1 newer session where nothing was done (${skipped[0]?.id ?? ''})` : `${skipped.length} newer sessions where nothing was done`;
  return {session, notice: `report of session ${session.id}, the newest that did something; passed over ${passed} (name one: trailguide report ID)`};
}
