// `trailguide report`: a session's journal → the incident report, as Markdown or JSON, optionally
// redacted. The CLI reads the journal and loads the runbook; this is the pure glue after that.
import type {FindingsConfig} from '../findings/finding.js';
import type {JournalEntry} from '../journal/entry.js';
import type {Runbook} from '../runbooks/schema.js';
import {reportJson} from '../report/json.js';
import {reportMarkdown} from '../report/markdown.js';
import {buildReport} from '../report/model.js';
import {redactReport} from '../report/redact.js';
import {latestWorkedSession, type SessionSummary} from '../journal/sessions.js';
import {UsageError} from '../exit-codes.js';
import {sessionToResume} from './sessions.js';

export {ReportError} from '../report/model.js';

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

export interface ReportTextOptions {
  readonly format: 'md' | 'json';
  readonly redact: boolean;
  readonly generatedAt: Date;
  readonly findingsConfig?: FindingsConfig | undefined;
}

/** The report text, ending with a newline; throws ReportError when the journal has no usable session-start. */
export function reportText(entries: readonly JournalEntry[], runbook: Runbook | null, options: ReportTextOptions): string {
  const built = buildReport(entries, runbook, {generatedAt: options.generatedAt, findingsConfig: options.findingsConfig});
  const report = options.redact ? redactReport(built) : built;
  return `${options.format === 'json' ? reportJson(report) : reportMarkdown(report)}\n`;
}

/** A session file's report: the journal read (torn lines skipped, with warnings), its runbook loaded. */
export async function sessionReport(path: string, options: ReportTextOptions): Promise<{text: string; warnings: readonly string[]}> {
  const [{readJournalFile}, {builtInRunbook}] = await Promise.all([import('../journal/reader.js'), import('../runbooks/registry.js')]);
  const {entries, warnings} = readJournalFile(path);
  const start = entries[0];
  const runbook = start?.type === 'session-start' ? (builtInRunbook(start.event.eventName) ?? null) : null;
  return {text: reportText(entries, runbook, options), warnings};
}
