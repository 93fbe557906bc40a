// What the current step's read returned, as the step screen shows it: the table of the fields that
// matter, one page of rows at a time (the operator pages with the keys of the step's key table).
import {readTable, type ReadTable} from '../aws/render/read-table.js';
import type {DryRunResult} from '../aws/executors/executor.js';
import {currentStep} from './selectors.js';
import type {State} from './state.js';

export const answerPageSize = 10;

export interface AnswerView {
  readonly operation: string;
  /** The answer as it came back (without the SDK's metadata): what `c` copies as JSON. */
  readonly output: unknown;
  /** undefined: the answer holds no list to tabulate (its JSON is shown instead). */
  readonly table: ReadTable | undefined;
  /** First row shown (0-based) and how many rows a page holds. */
  readonly offset: number;
  readonly pageSize: number;
}

const tables = new WeakMap<object, ReadTable | undefined>();

/** The table of a read's answer, computed once per answer (a page turn does not rebuild it). */
function tableOf(result: DryRunResult, output: unknown): ReadTable | undefined {
  if (typeof output !== 'object' || output === null) return undefined;
  if (!tables.has(output)) tables.set(output, readTable(result.request.operation, output));
  return tables.get(output);
}

/** The read answer of a dry-run result, when it was a read that answered. */
export function readAnswer(result: DryRunResult | undefined): {readonly operation: string; readonly output: unknown; readonly table: ReadTable | undefined} | undefined {
  if (result?.verdict.outcome !== 'read' || result.verdict.output === undefined) return undefined;
  const output = result.verdict.output;
  return {operation: result.request.operation, output, table: tableOf(result, output)};
}

export function answerView(state: State): AnswerView | undefined {
  const step = currentStep(state);
  const answer = step ? readAnswer(state.progress?.dryRuns[step.id]) : undefined;
  if (!answer) return undefined;
  const rows = answer.table?.rows.length ?? 0;
  const offset = Math.max(0, Math.min(state.answerOffset, rows - 1));
  return {...answer, offset, pageSize: answerPageSize};
}

/** The answer's offset after paging by `pages` (clamped to the rows there are). */
export function pagedOffset(state: State, pages: number): number {
  const view = answerView(state);
  const rows = view?.table?.rows.length ?? 0;
  if (!view || rows <= view.pageSize) return 0;
  const last = Math.floor((rows - 1) / view.pageSize) * view.pageSize;
  return Math.max(0, Math.min(last, view.offset + pages * view.pageSize));
}
