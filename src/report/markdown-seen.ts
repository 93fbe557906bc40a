// The report's Markdown for what the operator saw: the findings as last seen, the account's state at
// the end (the Now panel's last answer and each execution's last check), and the training debrief.
import {verifyText} from '../aws/execution-text.js';
import {formatDuration} from '../walkthrough/format-duration.js';
import type {Report} from './model.js';
import {cell, code, codeCell, line, plural, table} from '../text/markdown-text.js';
import {formatOffset} from './offset.js';

const since = (report: Report, at: string): string => formatOffset(Date.parse(at) - Date.parse(report.session.startedAt));

function findingsSource(report: Report): string {
  if (report.findingsSeenAt !== null) {
    const read = report.accountState?.status === 'done' ? ', with the account\'s state' : '';
    return `As last seen, at ${since(report, report.findingsSeenAt)}${read}.`;
  }
  return report.session.mode === 'plan'
    ? 'From the event alone (plan mode reads nothing from the account).'
    : 'From the event alone: this journal does not record what the account\'s state showed.';
}

export function findingLines(report: Report): string[] {
  if (!report.findings.length) return ['## Findings', '', 'None.', ''];
  const rows = report.findings.map((f) => [
    f.severity.toUpperCase(), f.resolved ? 'resolved' : 'open', cell(f.title), codeCell(f.evidence, 400), f.source === 'state' ? 'account state' : 'event', codeCell(f.stepId ?? ''),
  ]);
  return ['## Findings', '', findingsSource(report), '', ...table(['Severity', 'Now', 'Finding', 'Evidence', 'From', 'Step'], rows), ''];
}

const toneMark = {ok: '✓', bad: '✗', warn: '!', info: '·'} as const;

export function stateLines(report: Report): string[] {
  const state = report.accountState;
  const read = !state
    ? [report.session.mode === 'plan' ? 'Not read: plan mode sends nothing to AWS.' : 'The account was never read in this session (or the journal predates recording it).']
    : state.status === 'failed'
      ? [`Could not be read at ${since(report, state.at)}: ${line(state.message ?? 'no reason given')}`]
      : [`As last read, at ${since(report, state.at)}${state.operation ? ` with ${code(state.operation)}` : ''}:`, '', ...state.lines.map((l) => `- ${toneMark[l.tone]} ${line(l.text, 400)}`)];
  const checks = report.steps.flatMap((s) => {
    const last = s.verifications.at(-1);
    return last ? [`- ${code(s.id)} at ${since(report, last.at)}: ${line(verifyText(last.reached, last.summary), 400)}`] : [];
  });
  return ['## State at the end', '', ...read, '', ...(checks.length ? ['Last check after each execution:', '', ...checks, ''] : [])];
}

/** As the objectives panel marks them; a status this version does not know gets a neutral dot. */
const objectiveMark: Readonly<Record<string, string>> = {met: '✓', open: '○', failed: '✗'};

export function debriefLines(report: Report): string[] {
  const d = report.debrief;
  if (!d) return report.session.scenario === undefined ? [] : ['## Debrief', '', 'None recorded (the session stopped before its summary, or the journal predates debriefs).', ''];
  const met = d.objectives.filter((o) => o.status === 'met').length;
  const contained = d.stillOpen.length === 0 ? 'contained' : `**not contained**: still open: ${d.stillOpen.map((id) => code(id)).join(', ')}`;
  return [
    '## Debrief',
    '',
    `As shown at ${since(report, d.at)}: ${contained} · ${d.timeTakenMs === undefined ? 'the summary was not reached' : `time taken ${formatDuration(d.timeTakenMs)}`}` +
      ` · ${d.findingsResolved} of ${plural(d.findingsTotal, 'finding')} resolved · ${plural(d.changes, 'change')} made${d.seed === undefined ? '' : ` · seed ${code(d.seed)}`}`,
    '',
    `Objectives (${met} of ${d.objectives.length} met):`,
    '',
    ...d.objectives.map((o) => `- ${objectiveMark[o.status] ?? '·'} ${line(o.status)}: ${line(o.text)}`),
    '',
    ...(d.mistakes.length ? [`Mistakes (${d.mistakes.length}):`, '', ...d.mistakes.map((m) => `- ✗ ${line(m, 400)}`)] : ['Mistakes: none.']),
    '',
  ];
}
