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
import {namesWhatFailedEventMade} from './refused-event.js';
import type {Moto} from './moto.js';
import {actorAnswer, sampleFor, takesName} from './sample-values.js';
import {actorOf} from './seed-iam.js';
import type {IdMap} from './seed-context.js';
import {standInKeys} from './seed-workload.js';
import {accepterKey} from './seed-routes.js';
import type {Action} from '../../src/aws/action.js';

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

/** The stand-in seeded for what a dry-run-only step would make (newVolumeId, encryptedSnapshotId), by the parameter's name. */
function standInFor(name: string, ids: IdMap): string | undefined {
  const kind = (Object.keys(standInKeys) as (keyof typeof standInKeys)[]).find((key) => name === `${key}Id`);
  return kind === undefined ? undefined : ids.get(standInKeys[kind]);
}

/** What `e` would fill: the answers, and the IDs given to what a failed event would have made. */
interface Filled {
  readonly answers: Record<string, string>;
  readonly madeNothing: readonly string[];
  readonly unoffered: ReadonlySet<string>;
}

/**
 * What `e` would give each parameter the event leaves without a value: moto's resource of its kind, else a
 * sample; a sample always for what a failed event would have made (it made nothing).
 */
function answersFor(incident: Incident, runbook: Runbook, candidates: readonly string[], ids: IdMap = new Map()): Filled {
  const actor = actorOf(incident.record.userIdentity);
  const bindings = bindParameters(runbook, incident.facts, contextOf(incident.record), {});
  const answers: Record<string, string> = {};
  const madeNothing: string[] = [];
  for (const param of allParameters(runbook)) {
    const binding = bindings.get(param.name);
    if (binding === undefined || binding.state !== 'missing') continue;
    const pattern = new RegExp(param.pattern);
    const own = namesWhatFailedEventMade(incident, param);
    const fromMoto = own || takesName(param) ? undefined : (standInFor(param.name, ids) ?? candidates.find((id) => pattern.test(id)));
    const value = actorAnswer(param.name, actor) ?? fromMoto ?? sampleFor(param, incident.record.awsRegion);
    if (value === undefined) continue;
    answers[param.name] = value;
    if (own) madeNothing.push(value);
  }
  return {answers, madeNothing, unoffered: new Set()};
}

function runbookOf(incident: Incident, scenario: string): Runbook {
  if (!incident.runbook) throw new Error(`no runbook answers ${incident.record.eventName} (${scenario})`);
  return incident.runbook;
}

/** The pick-listed parameter the step's action uses that its read offered nothing for here, if any. */
function unofferedIn(uses: readonly string[], action: {readonly params: unknown}, filled: Filled): string | undefined {
  const params = JSON.stringify(action.params);
  return uses.find((name) => filled.unoffered.has(name) && filled.answers[name] !== undefined && params.includes(JSON.stringify(filled.answers[name])));
}

function casesOf(incident: Incident, file: string, scenario: string, filled: Filled, ids: IdMap = new Map()): PeerCases {
  const eventRegion = incident.record.awsRegion ?? 'us-east-1';
  const cases: PeerCase[] = [];
  const incomplete: IncompleteStep[] = [];
  for (const track of tracks) {
    for (const step of stepsFor(incident, track, filled.answers)) {
      if (!step.action) continue;
      const id = `${file}/${scenario}/${track}/${step.id}`;
      const action = completeAction(step.action);
      if (action === undefined) {
        incomplete.push({id, runbook: file, scenario, track, stepId: step.id, missing: step.missing.length > 0 ? step.missing : ['(a placeholder the binder does not name)']});
        continue;
      }
      const own = (action as {readonly region?: unknown}).region;
      const extra = {
        ...(filled.madeNothing.length > 0 ? {madeNothing: filled.madeNothing} : {}),
        ...optional('unoffered', unofferedIn(step.uses, action, filled)),
        ...optional('accessKeyId', accepterKeyOf(action, ids)),
      };
      cases.push({id, runbook: file, scenario, track, stepId: step.id, action, region: typeof own === 'string' ? own : eventRegion, ...extra});
    }
  }
  return {cases, incomplete};
}

/**
 * The accepter account's access key for a call only the accepter may make (accepting or rejecting a
 * peering request: EC2 API reference, AcceptVpcPeeringConnection and RejectVpcPeeringConnection), when seeding
 * made the peering with another account as accepter.
 */
function accepterKeyOf(action: Action, ids: IdMap): string | undefined {
  if (action.service !== 'ec2' || !['AcceptVpcPeeringConnection', 'RejectVpcPeeringConnection'].includes(action.operation)) return undefined;
  const peering = action.params['VpcPeeringConnectionId'];
  return typeof peering === 'string' ? ids.get(accepterKey(peering)) : undefined;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({[key]: value} as Record<K, string>);
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
  return casesOf(incident, file, scenario.id, answersFor(incident, runbookOf(incident, scenario.id), motoCandidates(scenario, ids), ids), ids);
}

/** As peerCases, with each pick-listed parameter filled from what its read answers in moto (seeded with the scenario). */
export async function peerCasesOnMoto(moto: Moto, scenario: Pick<Scenario, 'id' | 'event' | 'state'>, ids: IdMap, runbooks?: RunbookSet): Promise<PeerCases> {
  const record = parseRecord(withMotoIds(scenario.event, ids), `scenario ${scenario.id}`, 'event');
  const {incident, file} = open(record, runbooks);
  const runbook = runbookOf(incident, scenario.id);
  const filled = answersFor(incident, runbook, motoCandidates(scenario, ids), ids);
  const picks = await pickFromReads(moto, incident, runbook, filled.answers);
  return casesOf(incident, file, scenario.id, {...filled, ...picks}, ids);
}

/** Every step action of every track for a record no scenario holds (a user's runbook): sample values only. */
export function peerCasesForRecord(record: CloudTrailRecord, runbooks?: RunbookSet): PeerCases {
  const {incident, file} = open(record, runbooks);
  return casesOf(incident, file, noScenario, answersFor(incident, runbookOf(incident, noScenario), []));
}
