// A call carried out for real, and the read-only check run after it, in words: one wording for the
// summary screen, the report and its timeline, so they never disagree on what happened.
import type {ExecuteResult} from './executors/executor.js';

/** unknown: the request left but no usable answer came back; it may or may not have happened. */
export type ExecutionOutcome = 'succeeded' | 'failed' | 'unknown';

export function executionOutcome(result: ExecuteResult): ExecutionOutcome {
  return result.ok ? 'succeeded' : result.outcomeUnknown === true ? 'unknown' : 'failed';
}

export function executionText(result: ExecuteResult): string {
  if (result.ok) return 'succeeded';
  if (result.outcomeUnknown === true) return `outcome unknown: ${result.code}: ${result.message} (it may or may not have happened: look at the account)`;
  return `failed: ${result.code}: ${result.message} (nothing changed)`;
}

export function verifyText(reached: boolean | null, summary: string): string {
  const state = reached === true ? 'intended state reached' : reached === false ? 'intended state NOT reached' : 'could not tell';
  return summary === '' ? state : `${state}: ${summary}`;
}
