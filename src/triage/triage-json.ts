// triage --format json: the result as it is, every string inert (C0, C1, bidi and format characters
// \u-escaped: the value is kept exactly, and nothing from an event reaches the terminal raw).
import {inertJson} from '../text/inert-json.js';
import type {TriageResult} from './run-triage.js';

export function triageJson(result: TriageResult): string {
  return `${inertJson({matches: result.matches, summary: result.summary})}\n`;
}
