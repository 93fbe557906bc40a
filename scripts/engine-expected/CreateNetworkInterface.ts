// Records what CreateNetworkInterface's TypeScript readers give (facts, findings, isResolved, the
// Now panel's query, lines, follow-up reads and gone lines) over every record of the event in the
// repository and variants of them, into test/fixtures/engine/CreateNetworkInterface.expected.json,
// which test/engine/CreateNetworkInterface.differential.test.ts holds the runbook's declarations to.
// Run once, while the TypeScript exists:
//   node --import ./scripts/yaml-as-text.mjs --import tsx scripts/engine-expected/CreateNetworkInterface.ts [--check]
// --check writes nothing and fails when the fixture is not what the TypeScript gives.
import {readFileSync, writeFileSync} from 'node:fs';
import type {Action} from '../../src/aws/action.js';
import {createNetworkInterfaceNow as reader} from '../../src/aws/now/CreateNetworkInterface.js';
import {accountFor} from '../../src/aws/sandbox/seeds.js';
import {apply} from '../../src/aws/sandbox/operations.js';
import type {Snapshot} from '../../src/engine/document.js';
import {snapshotCollections} from '../../src/engine/resource-kinds.js';
import {mergeSnapshots, snapshotOf} from '../../src/engine/snapshot.js';
import {eventContext} from '../../src/events/context.js';
import {createNetworkInterfaceFacts as factsOf} from '../../src/events/facts/CreateNetworkInterface.js';
import {parseRecord} from '../../src/events/parse-record.js';
import type {CloudTrailRecord, Fact, JsonObject} from '../../src/events/record.js';
import {createNetworkInterfaceRules as rules} from '../../src/findings/CreateNetworkInterface.js';
import type {Finding, FindingsConfig, RuleInput} from '../../src/findings/finding.js';
import {scenarioById} from '../../src/scenarios/index.js';
import {fixturePath, grouped, type DifferentialFixture, type FixtureBase, type FixtureCase, type NowExpected} from '../../test/engine/differential-fixture.js';
import {recordVariant, type RecordEdit} from '../../test/engine/record-variants.js';
import {answers, bases, configs, errorCodes, scenarioOfBase, specialEdits, states} from './CreateNetworkInterface.inputs.js';
import {sampleVariants} from './variants.js';

const eventName = 'CreateNetworkInterface';
const variantCount = 120;
/** A variant changes the record, not the answers: these few show that its Now lines still follow. */
const variantAnswers = ['sandbox', 'as-created', 'attached-elastic-ip-groups-changed', 'wrong-types', 'null'];
const seed = 14;

const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value ?? null)) as T;

/** The sandbox's account for this record: its snapshot, what the first read answers, and the snapshot the Now reads build. */
function sandboxOf(name: string, raw: JsonObject): FixtureBase {
  const record = parseRecord(raw, name, '');
  const scenarioId = scenarioOfBase(name);
  const account = accountFor(scenarioId === undefined ? undefined : scenarioById(scenarioId), record);
  const snapshot = Object.fromEntries(snapshotCollections.map((key) => [key, (account.snapshot as unknown as Record<string, unknown[] | undefined>)[key] ?? []]));
  const facts = factsOf(record);
  const query = reader.query(facts, record);
  const first = query === undefined ? undefined : apply(account, query.operation, query.params);
  if (first === undefined || !first.ok) return plain({record: raw, states: {sandbox: snapshot}, answers: {}});
  const more = (reader.followUps?.(first.output, facts) ?? []).map((call) => apply(account, call.operation, call.params));
  const now = mergeSnapshots([snapshotOf(first.output), ...more.map((result) => (result.ok ? snapshotOf(result.output) : undefined))]);
  return plain({record: raw, states: {sandbox: snapshot, ...(now === undefined ? {} : {'sandbox-now': now})}, answers: {sandbox: first.output}});
}

function ownFindings(input: RuleInput): Finding[] {
  return rules.rules.flatMap((rule) => {
    try {
      return rule(input) ?? [];
    } catch {
      return [];
    }
  });
}

function nowOf(record: CloudTrailRecord, facts: readonly Fact[], answersByName: Readonly<Record<string, unknown>>): NowExpected {
  const query = reader.query(facts, record);
  if (query === undefined) return {query: null, answers: [], errors: {}};
  const byAnswer = Object.fromEntries(Object.entries(answersByName).map(([name, output]) =>
    [name, {lines: reader.interpret(output, facts, record), followUps: reader.followUps?.(output, facts) ?? ([] as Action[])}]));
  const errors = Object.fromEntries(errorCodes.map((code) => [code, reader.whenError(code, facts) ?? null]));
  return {query, answers: grouped(byAnswer), errors};
}

function caseOf(name: string, base: string, edits: readonly RecordEdit[], fixtureBase: FixtureBase, shared: Readonly<Record<string, Snapshot>>): FixtureCase {
  const record = parseRecord(recordVariant(fixtureBase.record, edits), name, '');
  const facts = factsOf(record);
  const context = eventContext(record);
  const allStates: Record<string, Snapshot | undefined> = {none: undefined, ...shared, ...fixtureBase.states};
  const input = (state: Snapshot | undefined, config: FindingsConfig): RuleInput => ({record, facts, context, state, config});
  const findings: Record<string, {found: Finding[]}> = {};
  const raised = new Map<string, Finding>();
  for (const [stateName, state] of Object.entries(allStates)) {
    for (const [configName, config] of Object.entries(configs)) {
      const found = ownFindings(input(state, config));
      findings[`${stateName}|${configName}`] = {found};
      for (const finding of found) if (!raised.has(finding.id)) raised.set(finding.id, finding);
    }
  }
  const resolved = Object.fromEntries([...raised.values()].map((finding) => [finding.id, Object.entries(allStates).flatMap(([stateName, state]) =>
    state !== undefined && rules.isResolved?.(finding, {...input(state, {}), state}) === true ? [stateName] : [])]));
  const answersByName: Record<string, unknown> = {...answers, ...fixtureBase.answers};
  const compared = edits.length === 0 ? answersByName : Object.fromEntries(variantAnswers.flatMap((answer) => (Object.hasOwn(answersByName, answer) ? [[answer, answersByName[answer]]] : [])));
  return plain({name, base, edits, facts, findings: grouped(findings), resolved, now: nowOf(record, facts, compared)});
}

function record(): DifferentialFixture {
  const fixtureBases = Object.fromEntries(Object.entries(bases).map(([name, raw]) => [name, sandboxOf(name, raw)]));
  const shared = plain(states) as unknown as Record<string, Snapshot>;
  const seen = new Set<string>();
  const cases: FixtureCase[] = [];
  const add = (name: string, base: string, edits: readonly RecordEdit[]) => {
    const fixtureBase = fixtureBases[base];
    if (fixtureBase === undefined) return;
    const key = JSON.stringify(recordVariant(fixtureBase.record, edits));
    if (seen.has(key)) return;
    seen.add(key);
    cases.push(caseOf(name, base, edits, fixtureBase, shared));
  };
  for (const name of Object.keys(bases)) add(name, name, []);
  sampleVariants(bases, specialEdits, variantCount, seed).forEach(({base, edits}, index) => add(`variant ${index} of ${base}`, base, edits));
  return {eventName, bases: fixtureBases, states: shared, answers: plain(answers), variantAnswers, configs: plain(configs), errorCodes, cases};
}

const path = fixturePath(eventName);
const fixture = record();
// One case a line: the file stays small and a change shows as the cases it touches.
const {cases, ...rest} = fixture;
const text = `${JSON.stringify(rest, null, 1).replace(/\n}$/, ',\n "cases": [\n')}${cases.map((c) => JSON.stringify(c)).join(',\n')}\n ]\n}\n`;
if (process.argv.includes('--check')) {
  const same = readFileSync(path, 'utf8') === text;
  process.stdout.write(same ? 'the fixture is what the TypeScript gives\n' : 'the fixture differs from what the TypeScript gives\n');
  process.exitCode = same ? 0 : 1;
} else {
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path.pathname}\n`);
}
