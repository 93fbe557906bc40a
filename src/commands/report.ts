// `trailguide report`: a session's journal → the incident report, as Markdown or JSON, optionally
// redacted. The CLI reads the journal and loads the runbook; this is the pure glue after that.
import type {FindingsConfig} from '../findings/finding.js';
import type {JournalEntry} from '../journal/entry.js';
import type {Runbook} from '../runbooks/schema.js';
import {reportJson} from '../report/json.js';
import {reportMarkdown} from '../report/markdown.js';
import {buildReport} from '../report/model.js';
import {redactReport} from '../report/redact.js';

export {ReportError} from '../report/model.js';

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
