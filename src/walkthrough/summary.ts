// The end of a walkthrough: every step with its status, its dry-run result and its note.
import {resultLine} from '../aws/verdict-text.js';
import type {DryRunResult} from '../aws/executors/executor.js';
import {stepsOf} from './selectors.js';
import {safeLine} from '../text/safe-text.js';
import type {State} from './state.js';

export interface SummaryRow {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly procedure: string;
  readonly status: 'done' | 'skipped' | 'not reached';
  readonly dryRun?: DryRunResult | undefined;
  readonly note?: string | undefined;
}

export function summaryRows(state: State): SummaryRow[] {
  const progress = state.progress;
  if (!progress) return [];
  return stepsOf(state).map((step, i) => {
    const status = progress.statuses[step.id];
    return {
      number: i + 1,
      id: step.id,
      title: step.title,
      procedure: step.procedure.title,
      status: status === 'done' || status === 'skipped' ? status : 'not reached',
      dryRun: progress.dryRuns[step.id],
      note: progress.notes[step.id],
    };
  });
}

export function summaryCounts(rows: readonly SummaryRow[]): string {
  const count = (s: SummaryRow['status']) => rows.filter((r) => r.status === s).length;
  const dryRuns = rows.filter((r) => r.dryRun).length;
  return `${count('done')} done · ${count('skipped')} skipped · ${count('not reached')} not reached · ${dryRuns} dry-run${dryRuns === 1 ? '' : 's'}`;
}

/** Plain text for the clipboard (a ticket, a chat). Values are raw; whoever shows it sanitizes. */
export function summaryText(state: State): string {
  const rows = summaryRows(state);
  const record = state.incident?.record;
  // Pasted into a ticket, a chat or a terminal: the event's strings and the notes are made inert, as on screen.
  const head = record ? `trailguide summary: ${safeLine(record.eventName)} ${safeLine(record.eventID ?? '')} (${state.progress?.track ?? ''} track)`.trim() : 'trailguide summary';
  const lines = rows.flatMap((r) => [
    `${r.number}. [${r.status}] ${safeLine(r.title)}`,
    ...(r.dryRun ? [`   dry-run ${r.dryRun.request.operation}: ${safeLine(resultLine(r.dryRun))}`] : []),
    ...(r.note ? [`   note: ${safeLine(r.note)}`] : []),
  ]);
  return [head, summaryCounts(rows), '', ...lines].join('\n');
}
