// What the operator can open: the training scenarios, or the records of an input.
import {readInput} from '../events/read-input.js';
import {parseEvents} from '../events/parse-events.js';
import {parseRecord} from '../events/parse-record.js';
import {briefOf} from '../scenarios/brief.js';
import {scenarios as builtIn, type Scenario} from '../scenarios/index.js';
import {withSeed} from '../scenarios/variant.js';
import type {Candidate} from '../walkthrough/state.js';
import {eventNameWidth} from '../runbooks/catalog.js';
import type {FindingsConfig, InputContext} from '../findings/finding.js';
import {inputContext} from '../findings/input-context.js';

export interface Loaded {
  readonly candidates: readonly Candidate[];
  /** Picker title. */
  readonly source: string;
  /** Warnings about skipped entries, one line each. */
  readonly warnings: readonly string[];
  /** Training scenarios: fictional resources, so nothing is sent to AWS for them. */
  readonly isTraining?: boolean;
  /** What the input's records say together (refused-call bursts, instance credentials' addresses), for the findings. */
  readonly inputContext?: InputContext | undefined;
}

/** The findings configuration with what the loaded input says (only an input of records has something to say). */
export function withInputContext(config: FindingsConfig | undefined, loaded: Loaded): FindingsConfig | undefined {
  return loaded.inputContext === undefined ? config : {...config, input: loaded.inputContext};
}

export function scenarioCandidate(s: Scenario): Candidate {
  return {
    id: s.id,
    title: `${s.eventName.padEnd(eventNameWidth)} ${s.difficulty.padEnd(7)} ${s.title}`,
    // The trainee's brief, never the trainer's summary (it holds the solution: shown in the debrief).
    summary: briefOf(s),
    kind: s.kind,
    record: parseRecord(s.event, s.source === 'built-in' ? `scenario ${s.id}` : s.source, 'event'),
    scenario: s,
  };
}

export interface ScenarioOptions {
  /** A trainer's own scenarios (--scenarios DIR), listed after the built-in ones. */
  readonly extra?: {readonly dir: string; readonly scenarios: readonly Scenario[]} | undefined;
  /** --seed: every scenario's resources renamed the same way for the same seed. */
  readonly seed?: string | undefined;
}

/** The built-in scenarios, then a trainer's own, all renamed by the seed when there is one. */
export function scenarioCandidates(options: ScenarioOptions = {}): Loaded {
  const {extra, seed} = options;
  const all = [...builtIn, ...(extra?.scenarios ?? [])].map((s) => (seed === undefined ? s : withSeed(s, seed)));
  const count = extra === undefined ? `${all.length}` : `${builtIn.length} built-in, ${extra.scenarios.length} from ${extra.dir}`;
  return {
    candidates: all.map(scenarioCandidate),
    source: `Training scenarios (${count}) · offline, no AWS account needed${seed === undefined ? '' : ` · seed ${seed}`}`,
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
    inputContext: inputContext(parsed.records),
  };
}
