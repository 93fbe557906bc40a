// The end of a walkthrough: every step with what happened to it (marked, dry-run, executed and
// checked, or not reached), its dry-run result, its execution's outcome and its note. A step the
// operator dry-ran or executed without marking it is said so: it was reached, just not marked.
import {executionOutcome, executionText, verifyText, type ExecutionOutcome} from '../aws/execution-text.js';
import type {DryRunResult, ExecuteResult} from '../aws/executors/executor.js';
import {resultLine, verdictTone, type Tone} from '../aws/verdict-text.js';
import {stepsOf} from './selectors.js';
import {safeLine} from '../text/safe-text.js';
import type {State, Verification} from './state.js';

/** The mark when there is one; else what was done on the step without marking it; else not reached. */
export type SummaryStatus = 'done' | 'skipped' | 'executed' | 'read' | 'dry-run only' | 'not reached';

export interface SummaryRow {
  readonly number: number;
  readonly id: string;
  readonly title: string;
  readonly procedure: string;
  readonly status: SummaryStatus;
  /** The step's API operation, when it has an action. */
  readonly operation?: string | undefined;
  readonly dryRun?: DryRunResult | undefined;
  /** The last call carried out for real on this step, and the read-only check run after it. */
  readonly execution?: ExecuteResult | undefined;
  readonly check?: Verification | undefined;
  readonly note?: string | undefined;
}

/** One line under a step's title: what the dry-run, the execution and its check said, and the note. */
export interface SummaryDetail {
  readonly label: 'dry-run' | 'executed' | 'check' | 'note';
  /** The whole line, starting with its label ("executed DeleteSecurityGroup: failed: …"). */
  readonly text: string;
  readonly tone: Tone | 'muted';
}

export function summaryRows(state: State): SummaryRow[] {
  const progress = state.progress;
  if (!progress) return [];
  return stepsOf(state).map((step, i) => {
    const mark = progress.statuses[step.id];
    const dryRun = progress.dryRuns[step.id];
    const execution = progress.executions[step.id];
    // A read that answered is not a dry-run: it looked at the account, and its answer is on the step.
    const status: SummaryStatus = mark === 'done' || mark === 'skipped' ? mark : execution ? 'executed' : dryRun?.verdict.outcome === 'read' ? 'read' : dryRun ? 'dry-run only' : 'not reached';
    return {
      number: i + 1,
      id: step.id,
      title: step.title,
      procedure: step.procedure.title,
      status,
      operation: step.action?.operation,
      dryRun,
      execution,
      check: progress.verifications[step.id],
      note: progress.notes[step.id],
    };
  });
}

const outcomeTone: Readonly<Record<ExecutionOutcome, Tone>> = {succeeded: 'ok', failed: 'bad', unknown: 'warn'};

/** The lines under a row's title, in the order things happened. Values are raw: whoever shows them makes them inert. */
export function summaryDetails(row: SummaryRow): SummaryDetail[] {
  const operation = row.operation ?? '';
  const details: SummaryDetail[] = [];
  if (row.dryRun) {
    const word = row.dryRun.verdict.outcome === 'read' ? 'read' : 'dry-run';
    details.push({label: 'dry-run', text: `${word} ${row.dryRun.request.operation}: ${resultLine(row.dryRun)}`, tone: verdictTone(row.dryRun.verdict)});
  }
  if (row.execution) details.push({label: 'executed', text: `executed ${operation}: ${executionText(row.execution)}`, tone: outcomeTone[executionOutcome(row.execution)]});
  if (row.check) {
    const tone = row.check.reached === true ? 'ok' : row.check.reached === false ? 'bad' : 'warn';
    details.push({label: 'check', text: `check ${row.check.request.operation}: ${verifyText(row.check.reached, row.check.summary)}`, tone});
  }
  if (row.note) details.push({label: 'note', text: `note: ${row.note}`, tone: 'muted'});
  return details;
}

/** The steps by status: "2 done · 1 skipped · 1 dry-run only · 20 not reached" (unmarked statuses only when some are). */
export function summaryCounts(rows: readonly SummaryRow[]): string {
  const count = (s: SummaryStatus) => rows.filter((r) => r.status === s).length;
  const optional = (s: SummaryStatus, words: string) => (count(s) ? [`${count(s)} ${words}`] : []);
  return [`${count('done')} done`, `${count('skipped')} skipped`, ...optional('read', 'read'), ...optional('dry-run only', 'dry-run only'), ...optional('executed', 'executed, not marked'), `${count('not reached')} not reached`].join(' · ');
}

/** The calls: "4 dry-runs · 2 executed (1 failed)". A failed execution changed nothing, so it is told apart. */
export function callCounts(rows: readonly SummaryRow[]): string {
  const reads = rows.filter((r) => r.dryRun?.verdict.outcome === 'read').length;
  const dryRuns = rows.filter((r) => r.dryRun).length - reads;
  const outcomes = rows.flatMap((r) => (r.execution ? [executionOutcome(r.execution)] : []));
  const failed = outcomes.filter((o) => o === 'failed').length;
  const unknown = outcomes.filter((o) => o === 'unknown').length;
  const apart = [...(failed ? [`${failed} failed`] : []), ...(unknown ? [`${unknown} outcome unknown`] : [])];
  const executed = outcomes.length === 0 ? 'nothing executed' : `${outcomes.length} executed${apart.length ? ` (${apart.join(', ')})` : ''}`;
  return `${reads ? `${reads} read${reads === 1 ? '' : 's'} · ` : ''}${dryRuns} dry-run${dryRuns === 1 ? '' : 's'} · ${executed}`;
}

/** Plain text for the clipboard (a ticket, a chat). Values are raw; whoever shows it sanitizes. */
export function summaryText(state: State): string {
  const rows = summaryRows(state);
  const record = state.incident?.record;
  // Pasted into a ticket, a chat or a terminal: the event's strings and the notes are made inert, as on screen.
  const head = record ? `trailguide summary: ${safeLine(record.eventName)} ${safeLine(record.eventID ?? '')} (${state.progress?.track ?? ''} track)`.trim() : 'trailguide summary';
  const lines = rows.flatMap((r) => [`${r.number}. [${r.status}] ${safeLine(r.title)}`, ...summaryDetails(r).map((d) => `   ${safeLine(d.text)}`)]);
  return [head, `Steps: ${summaryCounts(rows)}`, `Calls: ${callCounts(rows)}`, '', ...lines].join('\n');
}
