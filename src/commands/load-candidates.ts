// What the operator can open: the built-in training scenarios, or the records of an input.
import {readInput} from '../events/read-input.js';
import {parseEvents} from '../events/parse-events.js';
import {parseRecord} from '../events/parse-record.js';
import {scenarios} from '../scenarios/index.js';
import {training} from '../scenarios/objectives.js';
import type {Candidate} from '../walkthrough/state.js';

export interface Loaded {
  readonly candidates: readonly Candidate[];
  /** Picker title. */
  readonly source: string;
  /** Warnings about skipped entries, one line each. */
  readonly warnings: readonly string[];
  /** The built-in training scenarios: fictional resources, so nothing is sent to AWS for them. */
  readonly isTraining?: boolean;
}

export function scenarioCandidates(): Loaded {
  return {
    candidates: scenarios.map((s) => ({
      id: s.id,
      title: `${s.eventName.padEnd(27)} ${(training[s.id]?.difficulty ?? 'easy').padEnd(7)} ${s.title}`,
      summary: `${s.summary}\nObjective: ${(training[s.id]?.objectives ?? []).map((o) => o.text).join('; ')}`,
      kind: s.kind,
      record: parseRecord(s.record, `scenario ${s.id}`, ''),
    })),
    source: `Training scenarios (${scenarios.length}) · offline, no AWS account needed`,
    warnings: [],
    isTraining: true,
  };
}

export async function inputCandidates(path: string, stdin: NodeJS.ReadableStream): Promise<Loaded> {
  const {source, text} = await readInput(path, {stdin});
  const parsed = parseEvents(text, source);
  return {
    candidates: parsed.records.map((record, i) => ({id: `${i}`, record})),
    source: `${parsed.records.length} event${parsed.records.length === 1 ? '' : 's'} in ${source}`,
    warnings: parsed.skipped.map((s) => `${source}: ${s.place}: skipped: ${s.problem}`),
  };
}
