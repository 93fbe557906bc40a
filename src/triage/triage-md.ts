// triage --format md: one table row per match, most severe first. Every value from the events
// (and file names) goes through the Markdown helpers, which run it through text/safe-text.ts.
import {cell, code, line, plural, table} from '../text/markdown-text.js';
import type {TriageResult} from './run-triage.js';
import type {TriageMatch} from './triage-match.js';

function findingsCell(match: TriageMatch): string {
  if (match.findings.length === 0) return '';
  return match.findings.map((f) => cell(`${f.severity}: ${f.title}`, 120)).join('<br>');
}

function row(match: TriageMatch, index: number): string[] {
  const top = match.findings[0]?.severity ?? '';
  return [String(index + 1), top, cell(match.eventTime ?? ''), cell(match.eventName, 60), cell(match.actor ?? '', 120), cell(match.account ?? '', 40), cell(match.region ?? '', 40), findingsCell(match), cell(match.file, 200), cell(match.eventID ?? '', 60)];
}

export function triageMarkdown(result: TriageResult): string {
  const {summary} = result;
  const lines = [
    '# Triage',
    '',
    `${plural(summary.matched, 'matching event')} among ${plural(summary.events, 'event')} ${summary.source === undefined ? `in ${plural(summary.files, 'file')} (${summary.bytes} bytes read)` : `from ${line(summary.source, 200)}`}${summary.shown < summary.matched ? `; the ${summary.shown} most severe are listed` : ''}.`,
    '',
  ];
  if (summary.isStopped) lines.push(summary.source === undefined ? 'Stopped before every file was read: the counts are of what was read.' : 'Stopped before the query finished: the counts are of the rows read.', '');
  if (result.matches.length > 0) {
    lines.push(...table(['#', 'Severity', 'Time', 'Event', 'Actor', 'Account', 'Region', 'Findings', 'File', 'Event ID'], result.matches.map(row), ['right']), '');
  }
  if (summary.skipped.length > 0) {
    lines.push(`## Skipped (${summary.skipped.length + summary.skippedNotListed})`, '');
    for (const skip of summary.skipped) lines.push(`- ${code(skip.path, 200)}: ${line(skip.reason, 300)}`);
    if (summary.skippedNotListed > 0) lines.push(`- … and ${summary.skippedNotListed} more`);
    lines.push('');
  }
  return `${lines.join('\n')}`;
}
