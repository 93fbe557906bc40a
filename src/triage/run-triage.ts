// `trailguide triage PATH...` without a screen: the whole scan, then its result.
import {startTriage, type TriageOptions, type TriageResult} from './triage-scan.js';

export type {TriageOptions, TriageResult, TriageSummary} from './triage-scan.js';

export function runTriage(paths: readonly string[], options: TriageOptions): Promise<TriageResult> {
  return startTriage(paths, options).done;
}
