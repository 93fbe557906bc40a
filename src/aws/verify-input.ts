// What a verification judges, from an executor's read(): the output, or {code, problem} of the failed
// read (problem: what happened, in words).
import type {ReadResult} from './executors/executor.js';

export function verifyInput(result: ReadResult): unknown {
  if (result.ok) return result.output;
  return {code: result.code ?? result.verdict.outcome, problem: result.verdict.outcome === 'error' ? result.verdict.message : undefined};
}
