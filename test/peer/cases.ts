// The peer tier's cases: a scenario's event opened as the app opens it, its IDs (and account) replaced
// by those moto gave the scenario's resources, every value the event does not give filled as `e`
// would fill it (a pick list's value from its read in moto, a moto resource of the parameter's kind
// where one exists, else a valid sample of its pattern), then one case per step action per track. A
// step whose action is still incomplete is returned in `incomplete` with what it lacks: a failure to
// report, never a step to skip.
import {completeAction} from '../../src/aws/bound-action.js';
import type {CloudTrailRecord, JsonValue} from '../../src/events/record.js';
import {parseRecord} from '../../src/events/parse-record.js';
import {allParameters, bindParameters, contextOf} from '../../src/runbooks/bind.js';
import {builtInFile, type RunbookSet} from '../../src/runbooks/runbook-set.js';
import {builtInRunbook, engineOf, evaluate} from '../../src/runbooks/registry.js';
import type {Runbook} from '../../src/runbooks/schema.js';
import {tracks, type Track} from '../../src/runbooks/tracks.js';
import type {Scenario} from '../../src/scenarios/scenario.js';
import {openIncident, withRunbook} from '../../src/walkthrough/open-incident.js';
import {stepsFor} from '../../src/walkthrough/selectors.js';
import type {Incident} from '../../src/walkthrough/state.js';
import type {PeerCase} from './case.js';
import {motoCandidates} from './cases-candidates.js';
import {pickFromReads} from './cases-picks.js';
import type {Moto} from './moto.js';
import {actorAnswer, sampleFor, takesName} from './sample-values.js';
import {actorOf} from './seed-iam.js';
import type {IdMap} from './seed-context.js';

/** A step whose action still lacks values after filling. */
export interface IncompleteStep {
  readonly id: string;
  readonly runbook: string;
  readonly scenario: string;
  readonly track: Track;
  readonly stepId: string;
  /** The parameters it lacks (or, when the binder names none, what is left unbound). */
  readonly missing: readonly string[];
}

export interface PeerCases {
  readonly cases: readonly PeerCase[];
  readonly incomplete: readonly IncompleteStep[];
}

/** The scenario name of cases with no scenario: sample values only, nothing seeded. */
export const noScenario = 'samples';

/** The value with every mapped ID (and the account) replaced by moto's, wherever it occurs in its text. */
export function withMotoIds(value: JsonValue, ids: IdMap): JsonValue {
  const from = [...ids.keys()].filter((key) => ids.get(key) !== key).sort((a, b) => b.length - a.length);
  if (from.length === 0) return value;
  const pattern = new RegExp(from.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  const replace = (item: JsonValue): JsonValue => {
    if (typeof item === 'string') return item.replace(pattern, (id) => ids.get(id) ?? id);
    if (Array.isArray(item)) return item.map(replace);
    if (item !== null && typeof item === 'object') return Object.fromEntries(Object.entries(item).map(([key, child]) => [key, replace(child)]));
    return item;
  };
  return replace(value);
}

/** What `e` would give each parameter the event leaves without a value: moto's resource of its kind, else a sample. */
function answersFor(incident: Incident, runbook: Runbook, candidates: readonly string[]): Record<string, string> {
  const actor = actorOf(incident.record.userIdentity);
  const bindings = bindParameters(runbook, incident.facts, contextOf(incident.record), {});
  const answers: Record<string, string> = {};
  for (const param of allParameters(runbook)) {
    const binding = bindings.get(param.name);
    if (binding === undefined || binding.state !== 'missing') continue;
    const pattern = new RegExp(param.pattern);
    const value = actorAnswer(param.name, actor) ?? (takesName(param) ? undefined : candidates.find((id) => pattern.test(id))) ?? sampleFor(param, incident.record.awsRegion);
    if (value !== undefined) answers[param.name] = value;
  }
  return answers;
}

function runbookOf(incident: Incident, scenario: string): Runbook {
  if (!incident.runbook) throw new Error(`no runbook answers ${incident.record.eventName} (${scenario})`);
  return incident.runbook;
}

function casesOf(incident: Incident, file: string, scenario: string, answers: Readonly<Record<string, string>>): PeerCases {
  const eventRegion = incident.record.awsRegion ?? 'us-east-1';
  const cases: PeerCase[] = [];
  const incomplete: IncompleteStep[] = [];
  for (const track of tracks) {
    for (const step of stepsFor(incident, track, answers)) {
      if (!step.action) continue;
      const id = `${file}/${scenario}/${track}/${step.id}`;
      const action = completeAction(step.action);
      if (action === undefined) {
        incomplete.push({id, runbook: file, scenario, track, stepId: step.id, missing: step.missing.length > 0 ? step.missing : ['(a placeholder the binder does not name)']});
        continue;
      }
      const own = (action as {readonly region?: unknown}).region;
      cases.push({id, runbook: file, scenario, track, stepId: step.id, action, region: typeof own === 'string' ? own : eventRegion});
    }
  }
  return {cases, incomplete};
}

/** The runbook that answers the record: a user's from the set, else the built-in, with the file it came from. */
function open(record: CloudTrailRecord, runbooks: RunbookSet | undefined): {incident: Incident; file: string} {
  const entry = runbooks?.forEvent(record.eventName, record.eventSource);
  const runbook = entry?.runbook ?? builtInRunbook(record.eventName);
  const incident = withRunbook(openIncident(record), {runbook, engine: runbook === undefined ? undefined : engineOf(runbook), evaluate});
  return {incident, file: entry?.file ?? builtInFile(record.eventName)};
}

/** Every step action of every track of the scenario's runbook, its IDs moto's (seedScenario's map). */
export function peerCases(scenario: Pick<Scenario, 'id' | 'event' | 'state'>, ids: IdMap, runbooks?: RunbookSet): PeerCases {
  const record = parseRecord(withMotoIds(scenario.event, ids), `scenario ${scenario.id}`, 'event');
  const {incident, file} = open(record, runbooks);
  return casesOf(incident, file, scenario.id, answersFor(incident, runbookOf(incident, scenario.id), motoCandidates(scenario, ids)));
}

/** As peerCases, with each pick-listed parameter filled from what its read answers in moto (seeded with the scenario). */
export async function peerCasesOnMoto(moto: Moto, scenario: Pick<Scenario, 'id' | 'event' | 'state'>, ids: IdMap, runbooks?: RunbookSet): Promise<PeerCases> {
  const record = parseRecord(withMotoIds(scenario.event, ids), `scenario ${scenario.id}`, 'event');
  const {incident, file} = open(record, runbooks);
  const runbook = runbookOf(incident, scenario.id);
  return casesOf(incident, file, scenario.id, await pickFromReads(moto, incident, runbook, answersFor(incident, runbook, motoCandidates(scenario, ids))));
}

/** Every step action of every track for a record no scenario holds (a user's runbook): sample values only. */
export function peerCasesForRecord(record: CloudTrailRecord, runbooks?: RunbookSet): PeerCases {
  const {incident, file} = open(record, runbooks);
  return casesOf(incident, file, noScenario, answersFor(incident, runbookOf(incident, noScenario), []));
}
