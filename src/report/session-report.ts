// A session's journal → its incident report, as Markdown or JSON, optionally redacted: what
// `trailguide report` prints and what w on the summary writes. The journal file is read and the
// runbook loaded lazily, so neither is on the path of a caller that only has the entries.
import type {FindingsConfig} from '../findings/finding.js';
import type {JournalEntry} from '../journal/entry.js';
import type {Runbook} from '../runbooks/schema.js';
import type {RunbookEngine} from '../engine/engine-types.js';
import type {RunbookSet} from '../runbooks/runbook-set.js';
import {engineOf} from '../runbooks/registry.js';
import {reportJson} from './json.js';
import {reportMarkdown} from './markdown.js';
import {buildReport} from './model.js';
import {redactReport} from './redact.js';

export interface ReportTextOptions {
  readonly format: 'md' | 'json';
  readonly redact: boolean;
  readonly generatedAt: Date;
  readonly findingsConfig?: FindingsConfig | undefined;
  /** The runbook's declarations (facts, findings). */
  readonly engine?: RunbookEngine | undefined;
  /** Where a session file's runbook is found (--runbooks: a user's runbook replaces a built-in); default: the built-ins. */
  readonly runbooks?: RunbookSet | undefined;
}

/** The report text, ending with a newline; throws ReportError when the journal has no usable session-start. */
export function reportText(entries: readonly JournalEntry[], runbook: Runbook | null, options: ReportTextOptions): string {
  const built = buildReport(entries, runbook, {generatedAt: options.generatedAt, findingsConfig: options.findingsConfig, engine: options.engine ?? (runbook === null ? undefined : engineOf(runbook))});
  const report = options.redact ? redactReport(built) : built;
  return `${options.format === 'json' ? reportJson(report) : reportMarkdown(report)}\n`;
}

/** A session file's report: the journal read (torn lines skipped, with warnings), its runbook loaded. */
export async function sessionReport(path: string, options: ReportTextOptions): Promise<{text: string; warnings: readonly string[]}> {
  const [{readJournalFile}, {runbookSet}] = await Promise.all([import('../journal/reader.js'), import('../runbooks/runbook-set.js')]);
  const {entries, warnings} = readJournalFile(path);
  const start = entries[0];
  const source = start?.type === 'session-start' ? start.event.record['eventSource'] : undefined;
  const runbooks = options.runbooks ?? runbookSet();
  // An event without a runbook of its own was walked with the general one.
  const found = start?.type === 'session-start' ? (runbooks.forEvent(start.event.eventName, typeof source === 'string' ? source : undefined) ?? runbooks.general()) : undefined;
  const runbook = found?.runbook ?? null;
  return {text: reportText(entries, runbook, {...options, engine: runbook === null ? undefined : engineOf(runbook)}), warnings};
}
