// triage --format json: the result as it is (strings unescaped: JSON.stringify makes them inert).
import type {TriageResult} from './run-triage.js';

export function triageJson(result: TriageResult): string {
  return `${JSON.stringify({matches: result.matches, summary: result.summary}, null, 2)}\n`;
}
