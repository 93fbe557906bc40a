// The report as Markdown that pastes cleanly into a ticket or a postmortem: context, the training
// debrief, findings as last seen, the account's state at the end, timeline, the commands with their
// verdicts, notes, and what was left undone. Deterministic: the only time it prints that is not from
// the journal is the report's generatedAt.
import type {Report, ReportStep} from './model.js';
import {debriefLines, findingLines, stateLines} from './markdown-seen.js';
import {parameterLines, resourceLines} from './markdown-event.js';
import {cell, code, codeCell, fence, line, plural, table} from '../text/markdown-text.js';
import {formatOffset} from './offset.js';
import {trackNames} from './timeline.js';

const offsetOf = (report: Report, at: string): string => formatOffset(Date.parse(at) - Date.parse(report.session.startedAt));

/** "3 executions (1 failed)": a failed execution changed nothing, so it is never counted as a change. */
function executionCount(report: Report): string {
  const outcomes = report.steps.flatMap((s) => s.executions.map((e) => e.outcome));
  const strays = report.commands.filter((c) => c.kind === 'execute').length - outcomes.length;
  const failed = outcomes.filter((o) => o === 'failed').length;
  const unknown = outcomes.filter((o) => o === 'unknown').length;
  const apart = [...(failed ? [`${failed} failed`] : []), ...(unknown ? [`${unknown} outcome unknown`] : []), ...(strays > 0 ? [`${strays} off the track`] : [])];
  return `${plural(outcomes.length + Math.max(0, strays), 'execution')}${apart.length ? ` (${apart.join(', ')})` : ''}`;
}

function stepCounts(report: Report): string {
  const count = (status: ReportStep['status']) => report.steps.filter((s) => s.status === status).length;
  const optional = (status: ReportStep['status'], words: string) => (count(status) ? [`${count(status)} ${words}`] : []);
  const parts = [`${count('done')} done`, `${count('skipped')} skipped`, ...optional('dry-run-only', 'dry-run only'), ...optional('executed', 'executed but not marked'), `${count('not-reached')} not reached`];
  return `${parts.join(', ')} of ${plural(report.steps.length, 'step')}`;
}

function headline(report: Report): string[] {
  const executed = report.commands.filter((c) => c.kind === 'execute').length;
  const parts = [
    ...(report.runbook ? [`**${line(report.runbook.title)}**`] : []),
    ...(report.track ? [`${trackNames[report.track]} track`] : []),
    `${line(report.session.mode)} mode`,
    ...(report.steps.length ? [stepCounts(report)] : []),
    plural(report.commands.length - executed, 'dry-run'),
    executionCount(report),
  ];
  return [`# Incident report: ${line(report.event.eventName)} at ${line(report.event.eventTime ?? 'unknown time')}`, '', parts.join(' · '), ''];
}

function contextLines(report: Report): string[] {
  const c = report.context;
  const s = report.session;
  const failed = c.failed === 'yes' ? [`**THE CALL FAILED: ${line(c.errorCode ?? '')}** ${line(c.errorMessage ?? '')} — nothing was created or changed by it.`, ''] : [];
  const ended = s.endedAt === null ? 'not ended' : `${line(s.endedAt)} (${s.endReason === 'quit' ? 'quit before the end' : 'reached the summary'})`;
  const where = [s.account && `account ${line(s.account)}`, s.principal && `as ${line(s.principal)}`].filter(Boolean).join(' ');
  return [
    '## Context',
    '',
    ...failed,
    `- **Who:** ${line(c.principal)} (${line(c.identityType)}, account ${line(c.accountId ?? 'unknown')}, MFA ${line(c.mfa)}, ${line(c.how)})`,
    `- **What:** ${line(c.eventName)} on ${line(c.eventSource)}`,
    `- **When:** ${line(c.time ?? c.rawTime ?? 'unknown')}`,
    `- **Where:** ${line(c.region ?? 'unknown region')}, from ${line(c.sourceIp ?? 'unknown')} with ${line(c.userAgent ?? 'unknown agent')}`,
    `- **Event ID:** ${line(report.event.eventID ?? 'unknown')}`,
    `- **Session:** ${code(s.id)} by ${line(s.operator)}, ${line(s.startedAt)} to ${ended}; ${line(s.mode)} mode${where ? `, ${where}` : ''}${s.scenario ? `; scenario ${code(s.scenario)}` : ''}`,
    '',
  ];
}

function timelineLines(report: Report): string[] {
  const rows = report.timeline.map((t) => [formatOffset(t.offsetMs), codeCell(t.stepId ?? ''), cell(t.text, 400)]);
  return ['## Timeline', '', `Times are since the session started (${line(report.session.startedAt)}).`, '', ...table(['Time', 'Step', 'What'], rows, ['right']), ''];
}

const sentTo = {
  plan: 'Plan mode: nothing was sent to AWS.',
  sandbox: 'Sent to the training sandbox: nothing reached AWS.',
  aws: 'Sent to AWS',
} as const;

function commandLines(report: Report): string[] {
  if (!report.commands.length) return ['## Commands', '', 'None were run.', ''];
  const {mode, account} = report.session;
  const where = mode === 'aws' ? `${sentTo.aws}${account ? ` (account ${line(account)})` : ''}; a dry-run changes nothing.` : sentTo[mode];
  const label = {'dry-run': 'dry-run', execute: 'executed'} as const;
  return [
    '## Commands',
    '',
    where,
    '',
    ...report.commands.flatMap((c) => [`**${offsetOf(report, c.at)}** ${c.answer ? 'read' : label[c.kind]}, step ${code(c.stepId)} → **${line(c.verdict, 400)}**`, '', ...fence(c.command, 'sh'), '', ...answerLines(c)]),
  ];
}

/** Rows of a read's answer the Markdown shows; the JSON has them all. */
const answerRows = 20;

function answerLines(c: Report['commands'][number]): string[] {
  const answer = c.answer;
  if (!answer) return [];
  if (!answer.rows.length) return [`What it read: no ${line(answer.collection)}.`, ''];
  const rows = answer.rows.slice(0, answerRows).map((row) => row.map((value) => cell(value, 200)));
  const more = answer.rows.length > answerRows ? [`… and ${answer.rows.length - answerRows} more rows (all in \`--format json\`).`, ''] : [];
  return [`What it read (${line(answer.collection)}):`, '', ...table(answer.columns.map((name) => cell(name, 60)), rows), '', ...more];
}

function stepList(steps: readonly ReportStep[]): string[] {
  return steps.map((s) => `- ${code(s.id)} ${line(s.title)}`);
}

/** Steps never on screen; a procedure none of whose steps was reached is one line. */
function notReachedLines(report: Report): string[] {
  const lines: string[] = [];
  const procedures = [...new Set(report.steps.map((s) => s.procedure.id))];
  for (const id of procedures) {
    const all = report.steps.filter((s) => s.procedure.id === id);
    const missed = all.filter((s) => s.status === 'not-reached' && !s.shown);
    const title = all[0]?.procedure.title ?? id;
    if (missed.length && missed.length === all.length) lines.push(`- *${line(title)}*: none of its ${plural(all.length, 'step')}`);
    else lines.push(...stepList(missed));
  }
  return lines;
}

function undoneLines(report: Report): string[] {
  const undone = new Set(report.undone.map((u) => u.id));
  const of = (test: (s: ReportStep) => boolean) => report.steps.filter((s) => undone.has(s.id) && test(s));
  const groups: [string, string[]][] = [
    ['Skipped', stepList(of((s) => s.status === 'skipped'))],
    ['Executed without success, not marked', stepList(of((s) => s.status === 'executed'))],
    ['Dry-run only, not marked', stepList(of((s) => s.status === 'dry-run-only'))],
    ['Looked at, not marked', stepList(of((s) => s.status === 'not-reached' && s.shown))],
    ['Not reached', notReachedLines(report)],
  ];
  const shown = groups.filter(([, lines]) => lines.length);
  if (!shown.length) return ['## Left undone', '', report.steps.length ? 'Nothing: every step was done.' : 'No steps.', ''];
  return ['## Left undone', '', ...shown.flatMap(([title, lines]) => [`${title}:`, '', ...lines, ''])];
}

export function reportMarkdown(report: Report): string {
  const titleOf = (id: string): string => report.steps.find((s) => s.id === id)?.title ?? id;
  const done = report.steps.filter((s) => s.status === 'done');
  const lines = [
    ...headline(report),
    ...contextLines(report),
    ...resourceLines(report),
    ...debriefLines(report),
    ...findingLines(report),
    ...stateLines(report),
    ...(done.length ? [`## Done`, '', ...stepList(done), ''] : []),
    ...timelineLines(report),
    ...commandLines(report),
    ...(report.notes.length ? ['## Notes', '', ...report.notes.map((n) => `- ${code(n.stepId)} (${line(titleOf(n.stepId))}): ${line(n.text, 2000)}`), ''] : []),
    ...undoneLines(report),
    ...parameterLines(report),
    ...(report.warnings.length ? ['## Warnings', '', ...report.warnings.map((w) => `- ${line(w, 1000)}`), ''] : []),
    '---',
    '',
    `Generated by trailguide ${line(report.trailguide)} at ${line(report.generatedAt)}${report.redacted ? '; account IDs, IP addresses and access key IDs are masked' : ''}.`,
  ];
  return lines.join('\n');
}
